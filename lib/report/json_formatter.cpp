// The JSON report (docs/output.md): one object, files in input order, each with its guides and
// diagnostics. Written as results arrive; field names and meanings are a stable interface.
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
    out_ << "{\"version\":1,\"tool\":{\"name\":\"guidelint\",\"version\":";
    write_json_string(out_, version());
    out_ << "},\"locale\":";
    write_json_string(out_, options_.locale);
    out_ << ",\"files\":[";
  }

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    out_ << (first_file_ ? "\n" : ",\n") << "{\"file\":";
    first_file_ = false;
    write_json_string(out_, source.name());
    out_ << ",\"guides\":[";
    for (std::size_t g = 0; g < result.guides.size(); ++g) {
      const Guide& guide = result.guides[g];
      const Position p = source.position(guide.span.begin);
      out_ << (g ? "," : "") << "{\"index\":" << g << ",\"name\":";
      write_json_string(out_, guide.name);
      out_ << ",\"code\":";
      write_json_string(out_, guide.code);
      out_ << ",\"department\":";
      write_json_string(out_, guide.department);
      out_ << ",\"updated\":";
      write_json_string(out_, guide.updated);
      out_ << ",\"line\":" << p.line << ",\"column\":" << p.column << '}';
    }
    out_ << "],\"diagnostics\":[";
    for (std::size_t k = 0; k < result.diagnostics.size(); ++k) {
      diagnostic(source, result.diagnostics[k], k == 0);
    }
    out_ << "]}";
  }

  void end(const Summary& s) override {
    out_ << "\n],\"summary\":{\"files\":" << s.files << ",\"guides\":" << s.guides
         << ",\"errors\":" << s.errors << ",\"warnings\":" << s.warnings << ",\"infos\":" << s.infos
         << ",\"reviews\":" << s.reviews << ",\"fatal\":" << s.fatal << "}}\n";
  }

 private:
  void diagnostic(const Source& source, const Diagnostic& d, bool first) {
    out_ << (first ? "\n" : ",\n") << "  {\"rule\":";
    write_json_string(out_, d.rule_id);
    out_ << ",\"severity\":";
    write_json_string(out_, to_string(d.severity));
    out_ << ",\"needsReview\":" << (d.needs_review ? "true" : "false");
    out_ << ",\"message\":";
    write_json_string(out_, render(d.message_id, d.args, options_.locale));
    out_ << ",\"messageId\":";
    write_json_string(out_, d.message_id);
    out_ << ",\"args\":";
    write_json_args(out_, d.args);
    out_ << ",\"guide\":";
    if (d.guide >= 0) {
      out_ << d.guide;
    } else {
      out_ << "null";
    }
    out_ << ",\"element\":";
    if (d.element_id.empty()) {
      out_ << "null";
    } else {
      write_json_string(out_, d.element_id);
    }
    out_ << ",\"fatal\":" << (d.fatal ? "true" : "false");
    if (d.span) {
      const Position b = source.position(d.span->begin);
      const Position e = source.position(d.span->end);
      out_ << ",\"line\":" << b.line << ",\"column\":" << b.column << ",\"endLine\":" << e.line
           << ",\"endColumn\":" << e.column << ",\"columnUtf16\":" << b.column_utf16
           << ",\"endColumnUtf16\":" << e.column_utf16 << ",\"offset\":" << b.offset
           << ",\"endOffset\":" << e.offset;
    } else {
      out_ << ",\"line\":null,\"column\":null,\"endLine\":null,\"endColumn\":null,"
              "\"columnUtf16\":null,\"endColumnUtf16\":null,\"offset\":null,\"endOffset\":null";
    }
    out_ << '}';
  }

  std::ostream& out_;
  FormatOptions options_;
  bool first_file_ = true;
};

}  // namespace

std::unique_ptr<Formatter> make_json_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<JsonFormatter>(out, options);
}

}  // namespace guidelint::report
