// Text taken from an input piece by piece, with the map back to the Source that every span
// needs. Shared by the parsers: XML character data, HTML text nodes, JSON strings, text lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint::parse {

// Element text under construction, with the pieces that map it back to the Source.
class TextBuilder {
 public:
  std::string text;
  std::vector<TextPiece> pieces;
  std::vector<Link> links;  // hyperlinks inside the text

  std::uint32_t size() const { return static_cast<std::uint32_t>(text.size()); }

  // Text copied byte for byte from source.
  void exact(std::string_view s, std::uint32_t source) {
    if (s.empty()) return;
    const auto len = static_cast<std::uint32_t>(s.size());
    if (!pieces.empty() && pieces.back().exact && pieces.back().source_end == source) {
      pieces.back().source_end += len;  // contiguous: extend the previous piece
    } else {
      pieces.push_back({size(), source, source + len, true});
    }
    text.append(s);
  }

  // Text standing for source [source, source_end) as a whole (a reference, a line break).
  void opaque(std::string_view s, std::uint32_t source, std::uint32_t source_end) {
    if (s.empty()) return;
    pieces.push_back({size(), source, source_end, false});
    text.append(s);
  }

  // A line break between block entries, unless the text is empty or already ends with one.
  void block_break(std::uint32_t source) {
    if (!text.empty() && text.back() != '\n') opaque("\n", source, source);
  }

  // Raw character data: entity and character references are decoded.
  void character_data(std::string_view raw, std::uint32_t source) {
    if (raw.find('&') == std::string_view::npos) {
      exact(raw, source);
    } else {
      references(raw, source);
    }
  }

  // Removes text [from, to), keeping the pieces consistent; offsets after it move back.
  void erase(std::uint32_t from, std::uint32_t to);

  // Removes whitespace at both ends of [begin, end) of the text; returns the new range.
  Item trim(std::uint32_t begin, std::uint32_t end, std::vector<Item>& items,
            std::vector<Link>& links);

 private:
  // character_data of text with an '&' in it.
  void references(std::string_view raw, std::uint32_t source);

  // What trim removes when there is something to: [e, end) and [begin, b), the items and links
  // moving with the text.
  void remove_trimmed(std::uint32_t begin, std::uint32_t b, std::uint32_t e, std::uint32_t end,
                      std::vector<Item>& items, std::vector<Link>& links);
};

// Decodes one XML/HTML character reference at raw[0] ('&') into out; returns its length in raw,
// 0 when raw does not start with one this decoder knows.
std::size_t decode_reference(std::string_view raw, std::string& out);

// Whitespace (including U+3000 and NBSP) at the ends of [begin, end) of s is excluded.
void trim_range(std::string_view s, std::uint32_t& begin, std::uint32_t& end);

// Only whitespace, or nothing.
bool blank(std::string_view s);

// Pieces of text that was itself taken from a string inside the Source (an HTML fragment in a
// JSON string): `inner` maps to offsets in that string, `outer` maps the string to the Source.
std::vector<TextPiece> compose(const std::vector<TextPiece>& inner, std::uint32_t inner_size,
                               const std::vector<TextPiece>& outer, std::uint32_t outer_size);

}  // namespace guidelint::parse
