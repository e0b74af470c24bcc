// Text taken from an input piece by piece, with the map back to the Source that every span
// needs. Shared by the parsers: XML character data, HTML text nodes, JSON strings, text lines.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"
#include "text/utf8.hpp"

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

  // Moves the text and pieces to `to_text` and `to_pieces` (an element's, empty) and leaves the
  // builder empty. Text short enough to need no allocation of its own is copied, and the
  // builder keeps its room for the next text; otherwise the buffers change hands rather than
  // being copied, and the builder starts anew.
  void hand_over(std::string& to_text, std::vector<TextPiece>& to_pieces) {
    if (text.size() <= std::string().capacity()) {
      to_text.assign(text);
    } else {
      to_text = std::move(text);
    }
    if (!pieces.empty()) to_pieces = std::move(pieces);
    text.clear();
    pieces.clear();
  }

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

namespace detail {

// What a byte can be in a whitespace character: its last (ASCII whitespace, or the final byte of
// one above U+007F), the one before the last of one above. (Its first: utf8::may_begin_space.)
inline constexpr std::uint8_t kMayEnd = 2;
inline constexpr std::uint8_t kMayPenult = 4;
inline constexpr std::array<std::uint8_t, 256> kSpaceBytes = [] {
  std::array<std::uint8_t, 256> bytes{};
  for (unsigned c = '\t'; c <= '\r'; ++c)
    bytes[c] = kMayEnd;
  bytes[' '] = kMayEnd;
  for (unsigned c = 0x80; c <= 0x8B; ++c)
    bytes[c] = kMayEnd;
  for (const unsigned c : {0x9Fu, 0xA0u, 0xA8u, 0xA9u, 0xAFu, 0xBFu})
    bytes[c] = kMayEnd;
  for (const unsigned c : {0x80u, 0x81u, 0x9Au, 0xBBu, 0xC2u})
    bytes[c] |= kMayPenult;
  return bytes;
}();

void trim_ends(std::string_view s, std::uint32_t& begin, std::uint32_t& end);

}  // namespace detail

// Whitespace (including U+3000 and NBSP) at the ends of [begin, end) of s is excluded; s is
// UTF-8. Most text neither starts nor ends with whitespace, which three bytes tell here.
inline void trim_range(std::string_view s, std::uint32_t& begin, std::uint32_t& end) {
  if (begin >= end) return;
  const auto is = [&](std::uint32_t at, std::uint8_t what) {
    return (detail::kSpaceBytes[static_cast<unsigned char>(s[at])] & what) != 0;
  };
  const bool may_end_in_space =
      is(end - 1, detail::kMayEnd) && (static_cast<unsigned char>(s[end - 1]) < 0x80 ||
                                       end - begin < 2 || is(end - 2, detail::kMayPenult));
  if (utf8::may_begin_space(static_cast<unsigned char>(s[begin])) || may_end_in_space)
    detail::trim_ends(s, begin, end);
}

// Called for every element and list entry, most of which have nothing to trim: inline, so that
// only text that has pays for a call.
inline Item TextBuilder::trim(std::uint32_t begin, std::uint32_t end, std::vector<Item>& items,
                              std::vector<Link>& links) {
  std::uint32_t b = begin;
  std::uint32_t e = end;
  trim_range(text, b, e);
  if (b != begin || e != end) remove_trimmed(begin, b, e, end, items, links);
  return Item{begin, begin + (e - b)};
}

// Only whitespace, or nothing.
bool blank(std::string_view s);

// Pieces of text that was itself taken from a string inside the Source (an HTML fragment in a
// JSON string): `inner`, which maps to offsets in that string, is made to map to the Source
// through `outer`, which maps the string there.
void compose(std::vector<TextPiece>& inner, std::uint32_t inner_size,
             const std::vector<TextPiece>& outer, std::uint32_t outer_size);

}  // namespace guidelint::parse
