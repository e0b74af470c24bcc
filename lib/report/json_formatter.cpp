// The JSON report (docs/output.md): one object, files in input order, each with its guides and
// diagnostics. Written as results arrive, a file at a time; field names and meanings are a
// stable interface.
#include <ostream>

#include "report/formatters.hpp"
#include "report/json_writer.hpp"
#include "report/messages.hpp"

namespace guidelint::report {
namespace {

class JsonFormatter final : public Formatter {
 public:
  JsonFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)) {}

  void begin() override {
    buf_ = "{\"version\":1,\"tool\":{\"name\":\"guidelint\",\"version\":";
    append_json_string(buf_, version());
    buf_ += "},\"locale\":";
    append_json_string(buf_, options_.locale);
    buf_ += ",\"files\":[";
    flush();
  }

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    buf_ += first_file_ ? "\n" : ",\n";
    buf_ += "{\"file\":";
    first_file_ = false;
    append_json_string(buf_, source.name());
    buf_ += ",\"guides\":[";
    for (std::size_t g = 0; g < result.guides.size(); ++g) {
      const Guide& guide = result.guides[g];
      const Position p = source.position(guide.span.begin);
      buf_ += g ? ",{\"index\":" : "{\"index\":";
      append_json_number(buf_, g);
      buf_ += ",\"name\":";
      append_json_string(buf_, guide.name);
      buf_ += ",\"code\":";
      append_json_string(buf_, guide.code);
      buf_ += ",\"department\":";
      append_json_string(buf_, guide.department);
      buf_ += ",\"updated\":";
      append_json_string(buf_, guide.updated);
      buf_ += ",\"line\":";
      append_json_number(buf_, p.line);
      buf_ += ",\"column\":";
      append_json_number(buf_, p.column);
      buf_ += '}';
    }
    buf_ += "],\"diagnostics\":[";
    for (std::size_t k = 0; k < result.diagnostics.size(); ++k) {
      diagnostic(source, result.diagnostics[k], k == 0);
    }
    buf_ += "]}";
    flush();
  }

  void end(const Summary& s) override {
    buf_ += "\n],\"summary\":{\"files\":";
    append_json_number(buf_, s.files);
    buf_ += ",\"guides\":";
    append_json_number(buf_, s.guides);
    buf_ += ",\"errors\":";
    append_json_number(buf_, s.errors);
    buf_ += ",\"warnings\":";
    append_json_number(buf_, s.warnings);
    buf_ += ",\"infos\":";
    append_json_number(buf_, s.infos);
    buf_ += ",\"reviews\":";
    append_json_number(buf_, s.reviews);
    buf_ += ",\"fatal\":";
    append_json_number(buf_, s.fatal);
    buf_ += "}}\n";
    flush();
  }

 private:
  void diagnostic(const Source& source, const Diagnostic& d, bool first) {
    buf_ += first ? "\n  {\"rule\":" : ",\n  {\"rule\":";
    append_json_string(buf_, d.rule_id);
    buf_ += ",\"severity\":";
    append_json_string(buf_, to_string(d.severity));
    buf_ += d.needs_review ? ",\"needsReview\":true" : ",\"needsReview\":false";
    buf_ += ",\"message\":";
    message_.clear();
    render(message_, d.message_id, d.args, options_.locale);
    append_json_string(buf_, message_);
    buf_ += ",\"messageId\":";
    append_json_string(buf_, d.message_id);
    buf_ += ",\"args\":";
    append_json_args(buf_, d.args);
    buf_ += ",\"guide\":";
    if (d.guide >= 0) {
      append_json_number(buf_, d.guide);
    } else {
      buf_ += "null";
    }
    buf_ += ",\"element\":";
    if (d.element_id.empty()) {
      buf_ += "null";
    } else {
      append_json_string(buf_, d.element_id);
    }
    buf_ += d.fatal ? ",\"fatal\":true" : ",\"fatal\":false";
    if (d.span) {
      const Position b = source.position(d.span->begin);
      const Position e = source.position(d.span->end);
      buf_ += ",\"line\":";
      append_json_number(buf_, b.line);
      buf_ += ",\"column\":";
      append_json_number(buf_, b.column);
      buf_ += ",\"endLine\":";
      append_json_number(buf_, e.line);
      buf_ += ",\"endColumn\":";
      append_json_number(buf_, e.column);
      buf_ += ",\"columnUtf16\":";
      append_json_number(buf_, b.column_utf16);
      buf_ += ",\"endColumnUtf16\":";
      append_json_number(buf_, e.column_utf16);
      buf_ += ",\"offset\":";
      append_json_number(buf_, b.offset);
      buf_ += ",\"endOffset\":";
      append_json_number(buf_, e.offset);
    } else {
      buf_ +=
          ",\"line\":null,\"column\":null,\"endLine\":null,\"endColumn\":null,"
          "\"columnUtf16\":null,\"endColumnUtf16\":null,\"offset\":null,\"endOffset\":null";
    }
    buf_ += '}';
  }

  // Writes what has been built and empties the buffer, keeping its room for the next file.
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  std::ostream& out_;
  FormatOptions options_;
  std::string buf_;
  std::string message_;  // a finding's message, its room kept for the next
  bool first_file_ = true;
};

}  // namespace

std::unique_ptr<Formatter> make_json_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<JsonFormatter>(out, options);
}

}  // namespace guidelint::report
