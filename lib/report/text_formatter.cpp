// Compiler-style findings: file:line:col: severity: message [rule-id], the source line with the
// offending characters underlined, then a summary line.
#include <ostream>

#include "report/compiler_style.hpp"
#include "report/formatters.hpp"

namespace guidelint::report {
namespace {

class TextFormatter final : public Formatter {
 public:
  TextFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)), palette_(options_.color) {}

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    for (const Diagnostic& d : result.diagnostics) {
      write_headline(out_, source, d, options_.locale, palette_);
      if (d.span) write_code_frame(out_, source, *d.span, palette_);
    }
  }

  void end(const Summary& s) override {
    if (s.errors > 0) {
      out_ << palette_.failed() << "✖" << palette_.reset() << ' ';
    } else {
      out_ << palette_.passed() << "✔" << palette_.reset() << ' ';
    }
    out_ << summary_text(s, options_.locale) << '\n';
  }

 private:
  std::ostream& out_;
  FormatOptions options_;
  Palette palette_;
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<TextFormatter>(out, options);
}

}  // namespace guidelint::report
