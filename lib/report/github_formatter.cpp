// GitHub Actions workflow commands (docs/output.md): one `::error file=…,line=…::message` line
// per finding, which the runner turns into an annotation on the file, then the summary line as
// plain log text.
#include <ostream>

#include "report/compiler_style.hpp"
#include "report/formatters.hpp"
#include "report/messages.hpp"

namespace guidelint::report {
namespace {

// The escaping of actions/toolkit: a command's message may not break its line, and a property's
// value may not end the property (",") or the properties (":") either.
std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class GithubFormatter final : public Formatter {
 public:
  GithubFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)) {}

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    for (const Diagnostic& d : result.diagnostics) {
      // GitHub has error, warning and notice; a finding that needs review fails nothing.
      const std::string_view command = d.needs_review                    ? "notice"
                                       : d.severity == Severity::error   ? "error"
                                       : d.severity == Severity::warning ? "warning"
                                                                         : "notice";
      out_ << "::" << command << " file=" << escape(source.name(), true);
      if (d.span) {
        const Position b = source.position(d.span->begin);
        const Position e = source.position(d.span->end);
        out_ << ",line=" << b.line << ",col=" << b.column << ",endLine=" << e.line;
        // GitHub takes an end column only for an annotation on one line.
        if (e.line == b.line) out_ << ",endColumn=" << e.column;
      }
      const std::string title = d.needs_review ? d.rule_id + " (needs review)" : d.rule_id;
      out_ << ",title=" << escape(title, true)
           << "::" << escape(render(d.message_id, d.args, options_.locale), false) << '\n';
    }
  }

  void end(const Summary& s) override {
    out_ << (s.errors > 0 ? "✖ " : "✔ ") << summary_text(s, options_.locale) << '\n';
  }

 private:
  std::ostream& out_;
  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> make_github_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<GithubFormatter>(out, options);
}

}  // namespace guidelint::report
