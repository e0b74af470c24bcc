// JUnit XML (docs/output.md): a testsuite per file and a testcase per finding, since the row of
// a CI test view is what people read: its name says the rule and place, its failure the message
// and the underlined source line. A file without findings is one passing testcase, so that
// clean files show as passed rather than not at all.
#include <ostream>
#include <sstream>

#include "report/compiler_style.hpp"
#include "report/formatters.hpp"
#include "report/messages.hpp"
#include "report/xml_writer.hpp"

namespace guidelint::report {
namespace {

class JunitFormatter final : public Formatter {
 public:
  JunitFormatter(std::ostream& out, FormatOptions options)
      : out_(out), options_(std::move(options)) {}

  void begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"guidelint\">\n";
  }

  void file(const FileResult& result) override {
    const Source& source = *result.source;
    std::size_t failures = 0;
    std::size_t errors = 0;
    std::size_t skipped = 0;
    for (const Diagnostic& d : result.diagnostics) {
      if (d.fatal) {
        ++errors;
      } else if (d.needs_review) {
        ++skipped;
      } else {
        ++failures;
      }
    }
    out_ << "<testsuite name=\"";
    write_xml_escaped(out_, source.name());
    out_ << "\" tests=\"" << std::max<std::size_t>(result.diagnostics.size(), 1) << "\" failures=\""
         << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\">\n";
    if (result.diagnostics.empty()) {
      testcase_start(source, "no findings", nullptr);
      out_ << "/>\n";
    }
    for (const Diagnostic& d : result.diagnostics)
      testcase(source, d);
    out_ << "</testsuite>\n";
  }

  void end(const Summary&) override { out_ << "</testsuites>\n"; }

 private:
  void testcase_start(const Source& source, const std::string& name, const Position* at) {
    out_ << "<testcase name=\"";
    write_xml_escaped(out_, name);
    out_ << "\" classname=\"";
    write_xml_escaped(out_, source.name());
    out_ << "\" file=\"";
    write_xml_escaped(out_, source.name());
    out_ << '"';
    if (at != nullptr) out_ << " line=\"" << at->line << '"';
  }

  void testcase(const Source& source, const Diagnostic& d) {
    std::optional<Position> at;
    std::string name = d.rule_id;
    if (d.span) {
      at = source.position(d.span->begin);
      name += " (" + std::to_string(at->line) + ':' + std::to_string(at->column) + ')';
    }
    testcase_start(source, name, at ? &*at : nullptr);
    out_ << ">\n";
    const std::string message = render(d.message_id, d.args, options_.locale);
    if (d.needs_review) {
      // Neither passed nor failed: a person has to decide, and review never fails a run.
      out_ << "<skipped message=\"";
      write_xml_escaped(out_, "needs-review: " + message);
      out_ << "\"/>\n";
    } else {
      const char* element = d.fatal ? "error" : "failure";
      out_ << '<' << element << " type=\"" << to_string(d.severity) << "\" message=\"";
      write_xml_escaped(out_, message);
      out_ << "\">";
      std::ostringstream body;
      const Palette plain(false);
      write_headline(body, source, d, options_.locale, plain);
      if (d.span) write_code_frame(body, source, *d.span, plain);
      write_xml_escaped(out_, body.str(), XmlPlace::text);
      out_ << "</" << element << ">\n";
    }
    out_ << "</testcase>\n";
  }

  std::ostream& out_;
  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> make_junit_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<JunitFormatter>(out, options);
}

}  // namespace guidelint::report
