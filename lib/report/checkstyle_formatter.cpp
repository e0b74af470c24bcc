// Checkstyle XML (docs/output.md), as Jenkins, reviewdog and code-review tools read it: a <file>
// per input (with no <error> when it is clean) and an <error> per finding.
#include <ostream>

#include "report/formatters.hpp"
#include "report/messages.hpp"
#include "report/xml_writer.hpp"

namespace guidelint::report {
namespace {

class CheckstyleFormatter final : public Formatter {
 public:
  CheckstyleFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)) {}

  void begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    out_ << "<file name=\"";
    write_xml_escaped(out_, source.name());
    out_ << "\">\n";
    for (const Diagnostic& d : result.diagnostics) {
      // Line 0 is how checkstyle readers take a finding about the file as a whole.
      out_ << "<error line=\"";
      if (d.span) {
        const Position p = source.position(d.span->begin);
        out_ << p.line << "\" column=\"" << p.column;
      } else {
        out_ << '0';
      }
      // Checkstyle has no "a person should decide": such findings are infos, which fail nothing.
      out_ << "\" severity=\"" << (d.needs_review ? "info" : to_string(d.severity))
           << "\" message=\"";
      write_xml_escaped(out_, render(d.message_id, d.args, options_.locale));
      out_ << "\" source=\"guidelint.";
      write_xml_escaped(out_, d.rule_id);
      out_ << "\"/>\n";
    }
    out_ << "</file>\n";
  }

  void end(const Summary&) override { out_ << "</checkstyle>\n"; }

 private:
  std::ostream& out_;
  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> make_checkstyle_formatter(std::ostream& out,
                                                     const FormatOptions& options) {
  return std::make_unique<CheckstyleFormatter>(out, options);
}

}  // namespace guidelint::report
