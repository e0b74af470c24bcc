// Formats that have no element names of their own — HTML pages, plain text, Word documents —
// are read into blocks: lines, headings and table rows, each with its map back to the Source.
// One recogniser then finds the labels ("设定依据：", "【办理时限】", a label cell) and their
// values, using the profile, so every such format recognises guides the same way.
#pragma once

#include <string_view>
#include <vector>

#include "parse/parser.hpp"
#include "parse/text_builder.hpp"

namespace guidelint::parse {

struct Block {
  enum class Kind { line, heading, row };
  Kind kind = Kind::line;
  TextBuilder text;                // a line or a heading
  std::vector<TextBuilder> cells;  // a table row, its cells in reading order
};

// The guide in the blocks. `title` is the document's title where the format has one (an HTML
// <title> or <h1>); it names the item when no 事项名称 element does.
Guide recognise(const std::vector<Block>& blocks, const Context& context, const TextBuilder& title);

// The Source range the text came from (empty when it has no pieces).
Span source_span(const TextBuilder& text);

// Text [begin, end) of `text` as a text of its own, pieces and links kept.
TextBuilder slice(const TextBuilder& text, std::uint32_t begin, std::uint32_t end);

// Appends `more` to `text`, pieces and links kept.
void append(TextBuilder& text, const TextBuilder& more);

// append(text, slice(from, begin, end)), without the slice.
void append_slice(TextBuilder& text, const TextBuilder& from, std::uint32_t begin,
                  std::uint32_t end);

// source_span(slice(text, begin, end)), without the slice.
Span slice_source_span(const TextBuilder& text, std::uint32_t begin, std::uint32_t end);

}  // namespace guidelint::parse
