// reviewdog's Diagnostic Format as one JSON object, rdjson (docs/output.md). Its columns count
// UTF-8 bytes, not characters: reviewdog matches them against lines of the diff.
#include <ostream>

#include "report/formatters.hpp"
#include "report/json_writer.hpp"
#include "report/messages.hpp"
#include "report/rule_meta.hpp"

namespace guidelint::report {
namespace {

// 1-based line and 1-based column in UTF-8 bytes of a text offset.
std::pair<std::uint32_t, std::uint32_t> byte_position(const Source& source, std::uint32_t offset) {
  const std::string_view text = source.text();
  offset = std::min(offset, static_cast<std::uint32_t>(text.size()));
  const std::uint32_t line = source.position(offset).line;
  const auto line_start = static_cast<std::uint32_t>(source.line_text(line).data() - text.data());
  return {line, offset - line_start + 1};
}

class RdjsonFormatter final : public Formatter {
 public:
  RdjsonFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)) {}

  void begin() override {
    out_ << "{\"source\":{\"name\":\"guidelint\",\"url\":";
    write_json_string(out_, kHomepage);
    out_ << "},\"diagnostics\":[";
  }

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    for (const Diagnostic& d : result.diagnostics) {
      out_ << (first_ ? "\n" : ",\n") << "{\"message\":";
      first_ = false;
      write_json_string(out_, render(d.message_id, d.args, options_.locale));
      out_ << ",\"location\":{\"path\":";
      write_json_string(out_, source.name());
      if (d.span) {
        const auto [line, column] = byte_position(source, d.span->begin);
        const auto [end_line, end_column] = byte_position(source, d.span->end);
        out_ << ",\"range\":{\"start\":{\"line\":" << line << ",\"column\":" << column
             << "},\"end\":{\"line\":" << end_line << ",\"column\":" << end_column << "}}";
      }
      // A finding that needs review fails nothing: the lowest severity there is.
      const std::string_view severity = d.needs_review                    ? "INFO"
                                        : d.severity == Severity::error   ? "ERROR"
                                        : d.severity == Severity::warning ? "WARNING"
                                                                          : "INFO";
      out_ << "},\"severity\":\"" << severity << "\",\"code\":{\"value\":";
      write_json_string(out_, d.rule_id);
      if (const std::string url = rule_doc_url(d.rule_id, rule_type(d.rule_id)); !url.empty()) {
        out_ << ",\"url\":";
        write_json_string(out_, url);
      }
      out_ << "}}";
    }
  }

  void end(const Summary&) override { out_ << "\n]}\n"; }

 private:
  // The type of a rule a config defines, whose doc page is that of its type.
  std::string_view rule_type(std::string_view id) const {
    for (const RuleInfo& r : options_.rules) {
      if (r.id == id) return r.type;
    }
    return {};
  }

  std::ostream& out_;
  FormatOptions options_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Formatter> make_rdjson_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<RdjsonFormatter>(out, options);
}

}  // namespace guidelint::report
