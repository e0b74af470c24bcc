// HTML read into blocks (see blocks.hpp) with an HTML5 parser, so that pages, fragments inside
// JSON records and Word documents' tables share one recogniser.
#pragma once

#include <string_view>
#include <vector>

#include "parse/blocks.hpp"

namespace guidelint::parse {

struct HtmlDocument {
  std::vector<Block> blocks;
  TextBuilder title;  // <h1> or <title>, when the document has one
};

// Reads a whole page or a fragment. Every piece maps into `html` by offset: for a page that is
// the Source's text; for a fragment taken from elsewhere, compose() maps it on.
HtmlDocument read_html(std::string_view html);

// The same, reporting into `problems` (when given) a page too deeply nested or too large to read
// in reasonable time and memory, instead of reading part of it.
HtmlDocument read_html(std::string_view html, std::vector<Diagnostic>* problems);

}  // namespace guidelint::parse
