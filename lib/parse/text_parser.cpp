// Plain text and Markdown: guides typed up or flattened from pages. Each line is a block;
// Markdown headings ("## 办理流程") are headings; lines with cells between '|' (Markdown tables,
// tables flattened to text) are table rows. The recogniser finds labels in them.
#include <algorithm>
#include <optional>

#include "parse/blocks.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

// A suppression on a line of its own: "# guidelint-disable rule-id", or in Markdown
// "<!-- guidelint-disable rule-id -->". Such a line is not part of the guide.
std::optional<Directive> directive_line(std::string_view line, std::uint32_t at) {
  std::size_t b = line.find_first_not_of(" \t");
  std::size_t e = line.find_last_not_of(" \t") + 1;
  const Span span{at + static_cast<std::uint32_t>(b), at + static_cast<std::uint32_t>(e)};
  std::string_view body = line.substr(b, e - b);
  if (body.starts_with("<!--") && body.ends_with("-->") && body.size() >= 7) {
    b += 4;
    body = body.substr(4, body.size() - 7);
  } else if (body.starts_with("#")) {
    const std::size_t text = body.find_first_not_of("# \t");
    if (text == std::string_view::npos) return std::nullopt;
    b += text;
    body = body.substr(text);
  } else {
    return std::nullopt;
  }
  return read_directive(body, at + static_cast<std::uint32_t>(b), span);
}

// The cells of a '|'-separated row, or nullopt when the line is not one: it must start or end
// with '|', or hold at least two of them. Markdown's separator row (|---|:--|) and a row of
// empty cells have no cells.
std::optional<std::vector<TextBuilder>> cells_of(std::string_view line, std::uint32_t at) {
  const std::size_t first_bar = line.find('|');
  if (first_bar == std::string_view::npos) return std::nullopt;
  const std::size_t bars =
      1 + static_cast<std::size_t>(std::count(line.begin() + first_bar + 1, line.end(), '|'));
  std::uint32_t b = 0;
  auto e = static_cast<std::uint32_t>(line.size());
  trim_range(line, b, e);
  const std::string_view t = line.substr(b, e - b);
  if (bars == 0 || (bars < 2 && !t.starts_with('|') && !t.ends_with('|'))) return std::nullopt;
  std::vector<TextBuilder> cells;
  bool separator = true;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != '|') continue;
    std::uint32_t cb = static_cast<std::uint32_t>(start);
    auto ce = static_cast<std::uint32_t>(i);
    trim_range(line, cb, ce);
    const std::string_view cell = line.substr(cb, ce - cb);
    if (!cell.empty()) {
      if (cell.find_first_not_of("-: ") != std::string_view::npos) separator = false;
      TextBuilder c;
      c.exact(cell, at + cb);
      cells.push_back(std::move(c));
    }
    start = i + 1;
  }
  if (separator) cells.clear();
  return cells;
}

// blank(line), deciding at once for a line that starts with anything but whitespace.
bool blank_line(std::string_view line) {
  if (line.empty()) return true;
  if (!utf8::may_begin_space(static_cast<unsigned char>(line[0]))) return false;
  return blank(line);
}

bool header_row(const Block& row, const Context& context) {
  for (const TextBuilder& c : row.cells) {
    if (context.profile.resolve_label(c.text) != nullptr) return false;
  }
  return true;
}

class TextParser final : public Parser {
 public:
  std::string_view format() const override { return "text"; }
  std::vector<std::string> extensions() const override {
    return {".txt", ".text", ".md", ".markdown"};
  }

  void parse(const Source& source, const Context& context, Output& out) const override {
    const std::string_view text = source.text();
    if (blank(text)) {
      out.error(Span{0, 0}, "parse-error.empty");
      return;
    }
    std::vector<Block> blocks;
    std::size_t i = 0;
    // Where the next '\r' is (text.size() when there is none): looked for again only once passed,
    // so that text without any costs one search.
    std::size_t cr = text.find('\r');
    if (cr == std::string_view::npos) cr = text.size();
    while (i < text.size()) {
      if (cr < i) {
        cr = text.find('\r', i);
        if (cr == std::string_view::npos) cr = text.size();
      }
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos || end > cr) end = std::min(cr, text.size());
      const std::string_view line = text.substr(i, end - i);
      const auto at = static_cast<std::uint32_t>(i);
      i = end + (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
      if (blank_line(line)) continue;
      if (auto d = directive_line(line, at)) {
        out.directives.push_back(std::move(*d));
        continue;
      }
      Block b;
      if (std::optional<std::vector<TextBuilder>> cells = cells_of(line, at)) {
        if (cells->empty()) {
          // "|", "|---|---|". A separator row makes the row above it a table header: column
          // names ("事项 | 内容"), unless its cells are labels (a first data row set as header).
          if (!blocks.empty() && blocks.back().kind == Block::Kind::row &&
              header_row(blocks.back(), context)) {
            blocks.pop_back();
          }
          continue;
        }
        b.kind = Block::Kind::row;
        b.cells = std::move(*cells);
      } else if (const std::size_t hashes = line.find_first_not_of('#');
                 hashes > 0 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') {
        b.kind = Block::Kind::heading;  // "## 办理流程"
        b.text.exact(line.substr(hashes + 1), at + static_cast<std::uint32_t>(hashes + 1));
      } else {
        b.text.exact(line, at);
      }
      blocks.push_back(std::move(b));
    }
    out.guides.push_back(recognise(blocks, context, TextBuilder{}));
  }
};

}  // namespace

const Parser& text_parser() {
  static const TextParser parser;
  return parser;
}

}  // namespace guidelint::parse
