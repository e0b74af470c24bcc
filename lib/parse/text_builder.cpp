#include "parse/text_builder.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace guidelint::parse {

std::size_t decode_reference(std::string_view raw, std::string& out) {
  const std::size_t semi = raw.find(';');
  if (semi == std::string_view::npos || semi > 12) return 0;
  const std::string_view name = raw.substr(1, semi - 1);
  if (name == "lt")
    out = "<";
  else if (name == "gt")
    out = ">";
  else if (name == "amp")
    out = "&";
  else if (name == "quot")
    out = "\"";
  else if (name == "apos")
    out = "'";
  else if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      if (v < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = utf8::kReplacement;
    out.clear();
    utf8::append(out, cp);
  } else {
    return 0;
  }
  return semi + 1;
}

void TextBuilder::references(std::string_view raw, std::uint32_t source) {
  std::size_t run = 0;
  std::string decoded;
  for (std::size_t i = raw.find('&'); i != std::string_view::npos; i = raw.find('&', i)) {
    const std::size_t len = decode_reference(raw.substr(i), decoded);
    if (len == 0) {
      ++i;
      continue;
    }
    exact(raw.substr(run, i - run), source + static_cast<std::uint32_t>(run));
    opaque(decoded, source + static_cast<std::uint32_t>(i),
           source + static_cast<std::uint32_t>(i + len));
    i += len;
    run = i;
  }
  exact(raw.substr(run), source + static_cast<std::uint32_t>(run));
}

void TextBuilder::erase(std::uint32_t from, std::uint32_t to) {
  to = std::min(to, size());
  if (from >= to) return;
  if (to == size() && !pieces.empty() && pieces.back().text < to) {
    // The end of the text (trimmed whitespace, a closing line break): the pieces from `from` on
    // are dropped, and an exact one it falls inside is cut short.
    std::uint32_t next = to;  // where the piece after the last one kept starts
    while (!pieces.empty() && pieces.back().text >= from) {
      next = pieces.back().text;
      pieces.pop_back();
    }
    if (!pieces.empty() && pieces.back().exact && next > from) {
      pieces.back().source_end = pieces.back().source + (from - pieces.back().text);
    }
    text.resize(from);
    return;
  }
  const std::uint32_t cut = to - from;
  // In place: each piece is dropped, or kept where the pieces kept before it end (moved back
  // past the cut, or cut short); only a piece the cut lies inside makes two.
  std::size_t n = pieces.size();
  std::size_t kept = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const TextPiece p = pieces[k];
    const std::uint32_t end = k + 1 < n ? pieces[k + 1].text : size();
    if (p.text < from) {
      TextPiece before = p;
      if (p.exact && end > from) before.source_end = p.source + (from - p.text);
      pieces[kept++] = before;  // an opaque piece cut in the middle keeps its whole source
      if (p.exact && end > to) {
        const TextPiece after{from, p.source + (to - p.text), p.source_end, true};
        if (kept <= k) {
          pieces[kept++] = after;
        } else {  // no room before the pieces still to read: make some
          pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(kept), after);
          ++kept, ++k, ++n;
        }
      }
    } else if (p.text >= to) {
      TextPiece after = p;
      after.text -= cut;
      pieces[kept++] = after;
    } else if (end > to) {  // starts inside the cut, continues after it
      TextPiece rest = p;
      rest.text = from;
      if (p.exact) rest.source = p.source + (to - p.text);
      pieces[kept++] = rest;
    }
  }
  pieces.resize(kept);
  text.erase(from, cut);
}

namespace {

// The length of the whitespace character other than ASCII whose UTF-8 encoding starts with byte
// c at s[i], or 0.
std::size_t multibyte_space_length(std::string_view s, std::size_t i, unsigned char c) {
  const auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  const unsigned b1 = at(1);
  if (c == 0xC2) return b1 == 0xA0 ? 2 : 0;  // U+00A0
  const unsigned b2 = at(2);
  switch (c) {
    case 0xE1:
      return b1 == 0x9A && b2 == 0x80 ? 3 : 0;  // U+1680
    case 0xE2:
      if (b1 == 0x81) return b2 == 0x9F ? 3 : 0;  // U+205F
      return b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)
                 ? 3
                 : 0;  // U+2000–U+200B, U+2028, U+2029, U+202F
    case 0xE3:
      return b1 == 0x80 && b2 == 0x80 ? 3 : 0;  // U+3000
    default:
      return b1 == 0xBB && b2 == 0xBF ? 3 : 0;  // U+FEFF
  }
}

// The length of the whitespace character (utf8::is_space) UTF-8 encoded at s[i], or 0 when
// there is none there. Matches the bytes rather than decoding them: besides ASCII, whitespace is
// NBSP, U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
inline std::size_t space_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
  if (!utf8::may_begin_space(c)) return 0;
  return multibyte_space_length(s, i, c);
}

}  // namespace

void detail::trim_ends(std::string_view s, std::uint32_t& begin, std::uint32_t& end) {
  while (begin < end) {
    const std::size_t length = space_length(s, begin);
    if (length == 0 || begin + length > end) break;
    begin += static_cast<std::uint32_t>(length);
  }
  while (end > begin) {
    std::uint32_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    if (space_length(s, start) == 0) break;
    end = start;
  }
}

void TextBuilder::remove_trimmed(std::uint32_t begin, std::uint32_t b, std::uint32_t e,
                                 std::uint32_t end, std::vector<Item>& items,
                                 std::vector<Link>& links) {
  const auto remove = [&](std::uint32_t from, std::uint32_t to) {
    if (from >= to) return;
    erase(from, to);
    const auto shift = [&](std::uint32_t& v) {
      v = v <= from ? v : v >= to ? v - (to - from) : from;
    };
    for (Item& item : items)
      shift(item.begin), shift(item.end);
    for (Link& link : links)
      shift(link.begin), shift(link.end);
  };
  remove(e, end);
  remove(begin, b);
}

bool blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t length = space_length(s, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

void compose(std::vector<TextPiece>& inner, std::uint32_t inner_size,
             const std::vector<TextPiece>& outer, std::uint32_t outer_size) {
  if (outer.empty()) {
    inner.clear();
    return;
  }
  // Where inner offset o lies in the Source, as a range: exact outer pieces map byte for byte,
  // others (a JSON escape) stand for their whole range. The last outer piece whose text starts at
  // or before o (the first one when none does), found from the one before: inner text mostly
  // comes in the order of the outer text (a page read from a JSON string), so that is the same
  // piece or one of the next few; otherwise a search.
  using It = std::vector<TextPiece>::const_iterator;
  It at = outer.begin();
  const auto outer_piece = [&](std::uint32_t o) {
    const auto starts_after = [&](It it) { return it + 1 != outer.end() && (it + 1)->text <= o; };
    if (at->text <= o || at == outer.begin()) {
      for (int step = 0; step < 4 && starts_after(at); ++step)
        ++at;
      if (!starts_after(at)) return at;
    }
    const auto it =
        std::upper_bound(outer.begin(), outer.end(), o,
                         [](std::uint32_t v, const TextPiece& p) { return v < p.text; });
    at = it == outer.begin() ? outer.begin() : it - 1;
    return at;
  };
  const auto outer_end = [&](It it) { return it + 1 != outer.end() ? (it + 1)->text : outer_size; };
  const auto text_end = [&](std::size_t k) {
    return k + 1 < inner.size() ? inner[k + 1].text : inner_size;
  };
  // A piece that stands for inner [source, source_end) as a whole maps to the union of what that
  // covers: always one piece.
  const auto whole = [&](const TextPiece& p) {
    const auto b = outer_piece(p.source);
    const auto e = outer_piece(p.source_end > p.source ? p.source_end - 1 : p.source);
    const std::uint32_t from = b->exact ? b->source + (p.source - b->text) : b->source;
    std::uint32_t to = from;
    if (p.source_end > p.source) {
      to = e->exact ? e->source + (p.source_end - e->text) : e->source_end;
    }
    return TextPiece{p.text, from, std::max(from, to), false};
  };
  // An exact piece's bytes from text offset t (source o), up to `end`, as far as the outer piece
  // holding o reaches: how many, and the piece they map to.
  const auto exact_part = [&](std::uint32_t t, std::uint32_t o, std::uint32_t end) {
    const auto it = outer_piece(o);
    const std::uint32_t len = std::min(end - t, std::max<std::uint32_t>(outer_end(it), o + 1) - o);
    const std::uint32_t s = it->source + (o - it->text);
    return std::pair{len, it->exact ? TextPiece{t, s, s + len, true}
                                    : TextPiece{t, it->source, it->source_end, false}};
  };
  // Text read from a page mostly lies between the string's escapes, each piece inside one outer
  // piece: each maps to one piece, written in place.
  std::size_t k = 0;
  for (; k < inner.size(); ++k) {
    TextPiece& p = inner[k];
    if (!p.exact) {
      p = whole(p);
      continue;
    }
    const std::uint32_t end = text_end(k);
    if (end <= p.text) break;  // stands for nothing: dropped
    const auto [len, mapped] = exact_part(p.text, p.source, end);
    if (len != end - p.text) break;  // crosses an outer piece: split
    p = mapped;
  }
  if (k == inner.size()) return;
  // From the first piece that does not map to one piece on, the pieces are built in a buffer
  // kept from call to call: exact pieces split wherever they cross outer pieces (in JSON written
  // with \uXXXX, at every character), and a result grown as it goes would be allocated again
  // and again.
  thread_local std::vector<TextPiece> out;
  out.assign(inner.begin(), inner.begin() + static_cast<std::ptrdiff_t>(k));
  for (; k < inner.size(); ++k) {
    const TextPiece& p = inner[k];
    if (!p.exact) {
      out.push_back(whole(p));
      continue;
    }
    const std::uint32_t end = text_end(k);
    for (std::uint32_t t = p.text, o = p.source; t < end;) {
      const auto [len, mapped] = exact_part(t, o, end);
      out.push_back(mapped);
      t += len;
      o += len;
    }
  }
  inner.assign(out.begin(), out.end());
}

}  // namespace guidelint::parse
