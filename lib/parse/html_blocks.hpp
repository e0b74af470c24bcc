// HTML read into blocks (see blocks.hpp) with an HTML5 parser, so that pages, fragments inside
// JSON records and Word documents' tables share one recogniser.
#pragma once

#include <string_view>
#include <vector>

#include "config/limits.hpp"
#include "parse/blocks.hpp"

namespace guidelint::parse {

struct HtmlDocument {
  // A comment anywhere in the page: its text and where it is (offsets into the html read).
  struct Comment {
    std::string text;
    std::uint32_t text_begin = 0;  // the first byte after "<!--"
    Span span;                     // the whole comment
  };
  std::vector<Block> blocks;
  TextBuilder title;  // <h1> or <title>, when the document has one
  std::vector<Comment> comments;
};

// Reads a whole page or a fragment. Every piece maps into `html` by offset: for a page that is
// the Source's text; for a fragment taken from elsewhere, compose() maps it on. A page nested
// deeper than max_depth, or too large to read in reasonable time and memory, is not read: that
// is reported into `problems` when given. Without `comments`, its comments are not collected
// (those of a fragment are no suppressions).
HtmlDocument read_html(std::string_view html, std::vector<Diagnostic>* problems = nullptr,
                       std::size_t max_depth = config::default_limits().depth,
                       bool comments = true);

}  // namespace guidelint::parse
