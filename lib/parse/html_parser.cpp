// HTML pages: one guide per page, read into blocks (html_blocks.cpp) and recognised by the
// labels the profile knows, as text and Word documents are.
#include "parse/blocks.hpp"
#include "parse/html_blocks.hpp"

namespace guidelint::parse {

namespace {

class HtmlParser final : public Parser {
 public:
  std::string_view format() const override { return "html"; }
  std::vector<std::string> extensions() const override {
    return {".html", ".htm", ".shtml", ".xhtml"};
  }

  void parse(const Source& source, const Context& context, Output& out) const override {
    const std::string_view text = source.text();
    if (blank(text)) {
      out.error(Span{0, 0}, "parse-error.empty");
      return;
    }
    std::vector<Diagnostic> problems;
    const HtmlDocument doc = read_html(text, &problems, context.limits.depth);
    bool fatal = false;
    for (Diagnostic& d : problems) {
      fatal = fatal || d.fatal;
      out.diagnostics.push_back(std::move(d));
    }
    if (fatal) return;
    out.guides.push_back(recognise(doc.blocks, context, doc.title));
    for (const HtmlDocument::Comment& c : doc.comments) {
      if (auto d = read_directive(c.text, c.text_begin, c.span)) out.directives.push_back(*d);
    }
  }
};

}  // namespace

const Parser& html_parser() {
  static const HtmlParser parser;
  return parser;
}

}  // namespace guidelint::parse
