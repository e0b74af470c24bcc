// Compiler-style lines: file:line:col: severity: message [rule-id], then a summary.
#include <ostream>

#include "report/formatters.hpp"
#include "report/messages.hpp"

namespace guidelint::report {
namespace {

class TextFormatter final : public Formatter {
 public:
  TextFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)) {}

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    for (const Diagnostic& d : result.diagnostics) {
      out_ << source.name();
      if (d.span) {
        const Position p = source.position(d.span->begin);
        out_ << ':' << p.line << ':' << p.column;
      }
      out_ << ": " << (d.needs_review ? "needs-review" : to_string(d.severity)) << ": "
           << render(d.message_id, d.args, options_.locale) << " [" << d.rule_id << "]\n";
    }
  }

  void end(const Summary& s) override {
    std::vector<Arg> args{{"files", static_cast<std::int64_t>(s.files)},
                          {"guides", static_cast<std::int64_t>(s.guides)},
                          {"errors", static_cast<std::int64_t>(s.errors)},
                          {"warnings", static_cast<std::int64_t>(s.warnings)},
                          {"infos", static_cast<std::int64_t>(s.infos)},
                          {"reviews", static_cast<std::int64_t>(s.reviews)},
                          {"fatal", static_cast<std::int64_t>(s.fatal)}};
    out_ << (s.errors > 0 ? "✖ " : "✔ ") << render("summary.line", args, options_.locale);
    if (s.reviews > 0) out_ << render("summary.reviews", args, options_.locale);
    if (s.fatal > 0) out_ << render("summary.fatal", args, options_.locale);
    out_ << '\n';
  }

 private:
  std::ostream& out_;
  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<TextFormatter>(out, options);
}

}  // namespace guidelint::report
