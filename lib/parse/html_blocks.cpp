// HTML read into blocks with gumbo, an HTML5 parser, so tag soup is read the way browsers read
// it. Text is taken from each text node's original bytes (gumbo's decoded text has no map back
// to the page), with character references decoded and whitespace collapsed here, so that every
// piece points at the exact bytes it came from.
#include "parse/html_blocks.hpp"

#include <gumbo.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

// ── Limits ───────────────────────────────────────────────────────────────────────────────────────

// Gumbo walks the stack of open elements for most start tags and compares each attribute of a
// tag with all the others, so its time grows with the square of the nesting depth and of the
// attributes on one tag. Pages are read only when they stay below the depth limit and this;
// real pages stay far below them.
constexpr std::size_t kMaxAttributes = 256;
// HTML re-opens unclosed formatting tags (<b>, <font>) in every paragraph that follows them, so
// a few kilobytes can ask for gigabytes of tree. Gumbo's memory is capped at this.
constexpr std::size_t kMemoryBase = std::size_t{64} << 20;
constexpr std::size_t kMemoryPerByte = 64;
// Tables and <dl> lists nested deeper than this are read as plain blocks.
constexpr std::size_t kMaxGrids = 8;
// Column and row spans are expanded up to these.
constexpr std::size_t kMaxColumns = 64;
constexpr int kMaxRowspan = 64;
// A value cell spanning rows is repeated beside each row's label only when it is this short
// (a date, "不收费"); longer cells spanning rows are sections of their own.
constexpr std::size_t kMaxRepeatedBytes = 512;
// A cell this short on one line reads as a label (as the recogniser's labels are).
constexpr std::size_t kMaxLabelChars = 24;

// ── Character references ─────────────────────────────────────────────────────────────────────────

struct Named {
  std::string_view name;
  char32_t cp;
  bool legacy;  // also recognised without the ';', as browsers do
};

// The XML five and numeric references are decode_reference's; these are the named ones Chinese
// pages use. Any other named reference is kept as written.
constexpr std::array<Named, 25> kNamed = {{
    {"nbsp", 0xA0, true},      {"ensp", 0x2002, false},  {"emsp", 0x2003, false},
    {"thinsp", 0x2009, false}, {"middot", 0xB7, true},   {"hellip", 0x2026, false},
    {"mdash", 0x2014, false},  {"ndash", 0x2013, false}, {"ldquo", 0x201C, false},
    {"rdquo", 0x201D, false},  {"lsquo", 0x2018, false}, {"rsquo", 0x2019, false},
    {"laquo", 0xAB, true},     {"raquo", 0xBB, true},    {"times", 0xD7, true},
    {"divide", 0xF7, true},    {"copy", 0xA9, true},     {"reg", 0xAE, true},
    {"yen", 0xA5, true},       {"deg", 0xB0, true},      {"plusmn", 0xB1, true},
    {"amp", '&', true},        {"lt", '<', true},        {"gt", '>', true},
    {"quot", '"', true},
}};

bool ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Bytes by what the readers below stop at.
enum ByteClass : std::uint8_t {
  kHtmlSpace = 1 << 0,  // ' ', '\t', '\n', '\r', '\f'
  kTextStop =
      1 << 1,  // ends a run of plain text: HTML whitespace, '<', '&', and 0xC2 (NBSP's lead)
  kNameStop = 1 << 2,           // ends a tag's name: HTML whitespace, '/', '>'
  kAttributeNameStop = 1 << 3,  // ends an attribute's name: those and '='
  kValueStop = 1 << 4,          // ends an unquoted attribute value: HTML whitespace, '>'
  kUpper = 0x20,                // 'A' to 'Z': what OR-ing in makes them lower case
};

constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> t{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f'})
    t[c] |= kHtmlSpace | kTextStop | kNameStop | kAttributeNameStop | kValueStop;
  for (const unsigned char c : {'<', '&', '\xC2'})
    t[c] |= kTextStop;
  for (const unsigned char c : {'/', '>'})
    t[c] |= kNameStop | kAttributeNameStop;
  t['='] |= kAttributeNameStop;
  t['>'] |= kValueStop;
  for (unsigned c = 'A'; c <= 'Z'; ++c)
    t[c] |= kUpper;
  return t;
}();

// Does byte c end what `what` (a ByteClass) stands for?
inline bool stops(char c, std::uint8_t what) {
  return (kByteClasses[static_cast<unsigned char>(c)] & what) != 0;
}

inline bool html_space(char c) {
  return (kByteClasses[static_cast<unsigned char>(c)] & kHtmlSpace) != 0;
}

// The first byte of s[from, to) that ends a run of plain text (kTextStop), or `to`.
std::size_t next_text_stop(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes at a time: HTML whitespace is all at or below ' ', so those bytes, '<', '&'
  // and 0xC2 are looked at closer.
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i amp = _mm_set1_epi8('&');
  const __m128i c2 = _mm_set1_epi8('\xC2');
  while (i + 16 <= to) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i m =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, space), v), _mm_cmpeq_epi8(v, lt)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, c2)));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(m)); bits != 0; bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if ((kByteClasses[static_cast<unsigned char>(s[at])] & kTextStop) != 0) return at;
    }
    i += 16;
  }
#endif
  while (i < to && (kByteClasses[static_cast<unsigned char>(s[i])] & kTextStop) == 0)
    ++i;
  return i;
}

// Spaces a browser collapses, with the no-break and typographic spaces pages pad with.
bool collapsible(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
         cp == 0x2002 || cp == 0x2003 || cp == 0x2009;
}

char32_t sanitise(char32_t cp) {
  return cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? utf8::kReplacement : cp;
}

// Decodes the reference at raw[0] ('&') into out; returns its length in raw, 0 when it is not
// one this reader knows (it is then text as written).
std::size_t html_reference(std::string_view raw, std::string& out, char32_t& cp) {
  out.clear();
  if (const std::size_t len = decode_reference(raw, out)) {
    std::size_t i = 0;
    cp = utf8::next(out, i);
    return len;
  }
  std::size_t end = 1;
  while (end < raw.size() && end < 12 && (ascii_alpha(raw[end]) || ascii_digit(raw[end])))
    ++end;
  const std::string_view name = raw.substr(1, end - 1);
  const bool semicolon = end < raw.size() && raw[end] == ';';
  const Named* found = nullptr;
  for (const Named& n : kNamed) {
    if (semicolon && n.name == name) {
      found = &n;
      break;
    }
    if (n.legacy && name.starts_with(n.name) &&
        (found == nullptr || n.name.size() > found->name.size()))
      found = &n;  // "&nbsp" without ';': the longest legacy name wins
  }
  if (found != nullptr) {
    cp = found->cp;
    utf8::append(out, cp);
    return 1 + found->name.size() + (semicolon && found->name == name ? 1 : 0);
  }
  // "&#20013" without ';'.
  if (raw.size() > 2 && raw[1] == '#') {
    const bool hex = raw[2] == 'x' || raw[2] == 'X';
    std::size_t i = hex ? 3 : 2;
    const std::size_t digits = i;
    char32_t v = 0;
    for (; i < raw.size() && i < digits + 8; ++i) {
      const char c = ascii_lower(raw[i]);
      int d = -1;
      if (ascii_digit(c)) d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    if (i == digits) return 0;
    cp = sanitise(v);
    utf8::append(out, cp);
    return i;
  }
  return 0;
}

// Length of the markup at raw[i] ('<') that gumbo left inside a text node (a tag it ignored, a
// stray "</td>"), 0 when the '<' is text.
std::size_t markup_length(std::string_view raw, std::size_t i) {
  const std::string_view rest = raw.substr(i);
  if (rest.size() < 2) return 0;
  std::size_t end = std::string_view::npos;
  if (rest.starts_with("<!--")) {
    end = rest.find("-->", 4);
    return end == std::string_view::npos ? rest.size() : end + 3;
  }
  const char c = rest[1];
  if (c == '!' || c == '?' || ascii_alpha(c) ||
      (c == '/' && rest.size() > 2 && ascii_alpha(rest[2])))
    end = rest.find('>', 1);
  else
    return 0;
  return end == std::string_view::npos ? rest.size() : end + 1;
}

std::size_t code_points(std::string_view s, std::size_t stop) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n > stop) break;
  }
  return n;
}

// ── Before gumbo reads a page ────────────────────────────────────────────────────────────────────

// Inline everywhere: it decides most tags' cache lookups (tag_named).
[[gnu::always_inline]] inline bool equal_ci(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (ascii_lower(s[i]) != lower[i]) return false;
  }
  return true;
}

struct Guard {
  enum class Problem { none, too_deep, attributes };
  Problem problem = Problem::none;
  std::uint32_t at = 0;  // where the offending tag starts
};

// Gumbo 0.10 fails assertions (and aborts) on some SVG and MathML inside tables. Their content
// is never part of a guide, so every "<svg" and "<math" tag (and, wherever the same letters
// stand, in a script or an attribute) is renamed before gumbo reads the page: "s-g", "m-th",
// the same length, so offsets stay. Text is read from the page as it was. Returns where the
// renamed start tags' names start.
std::vector<std::uint32_t> rename_foreign(std::string& html) {
  std::vector<std::uint32_t> starts;
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    std::size_t name = i + 1;
    const bool end_tag = name < html.size() && html[name] == '/';
    if (end_tag) ++name;
    if (name >= html.size()) continue;
    const char first = ascii_lower(html[name]);
    if (first != 's' && first != 'm') continue;
    const std::string_view tag = first == 's' ? "svg" : "math";
    const std::size_t after = name + tag.size();
    if (after > html.size() || !equal_ci(std::string_view(html.data() + name, tag.size()), tag))
      continue;
    if (after < html.size() && !stops(html[after], kNameStop)) continue;
    html[name + 1] = '-';
    if (!end_tag) starts.push_back(static_cast<std::uint32_t>(name));
  }
  return starts;
}

bool one_of(GumboTag t, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), t) != tags.end();
}

enum TagClass : std::uint8_t {
  kVoid = 1 << 0,        // no end tag, no content
  kRawText = 1 << 1,     // content is text up to the end tag
  kBoundary = 1 << 2,    // where HTML stops looking for an open element to close
  kClosesP = 1 << 3,     // a start tag that closes an open <p>
  kBlockTag = 1 << 4,    // ends a line
  kSkipped = 1 << 5,     // never read
  kSpecial = 1 << 6,     // stops the search for an open element an unknown end tag closes
  kFormatting = 1 << 7,  // re-opened where HTML closed it implicitly
};

constexpr std::array<std::uint8_t, GUMBO_TAG_LAST + 1> kTagClasses = [] {
  std::array<std::uint8_t, GUMBO_TAG_LAST + 1> t{};
  const auto set = [&](std::initializer_list<GumboTag> tags, TagClass c) {
    for (GumboTag g : tags)
      t[g] |= c;
  };
  set({GUMBO_TAG_AREA,    GUMBO_TAG_BASE,   GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
       GUMBO_TAG_BR,      GUMBO_TAG_COL,    GUMBO_TAG_EMBED,    GUMBO_TAG_FRAME,
       GUMBO_TAG_HR,      GUMBO_TAG_IMAGE,  GUMBO_TAG_IMG,      GUMBO_TAG_INPUT,
       GUMBO_TAG_KEYGEN,  GUMBO_TAG_LINK,   GUMBO_TAG_MENUITEM, GUMBO_TAG_META,
       GUMBO_TAG_PARAM,   GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK,    GUMBO_TAG_WBR,
       GUMBO_TAG_ISINDEX, GUMBO_TAG_HTML,   GUMBO_TAG_HEAD,     GUMBO_TAG_BODY},
      kVoid);
  set({GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME, GUMBO_TAG_NOEMBED,
       GUMBO_TAG_NOFRAMES, GUMBO_TAG_TEXTAREA, GUMBO_TAG_TITLE},
      kRawText);
  set({GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_CAPTION, GUMBO_TAG_TEMPLATE,
       GUMBO_TAG_APPLET, GUMBO_TAG_OBJECT, GUMBO_TAG_MARQUEE},
      kBoundary);
  set({GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6},
      TagClass(kClosesP | kBlockTag));
  set({GUMBO_TAG_ADDRESS,  GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,      GUMBO_TAG_BLOCKQUOTE,
       GUMBO_TAG_CENTER,   GUMBO_TAG_DETAILS,  GUMBO_TAG_DIR,        GUMBO_TAG_DIV,
       GUMBO_TAG_DL,       GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
       GUMBO_TAG_FOOTER,   GUMBO_TAG_HEADER,   GUMBO_TAG_HGROUP,     GUMBO_TAG_MAIN,
       GUMBO_TAG_MENU,     GUMBO_TAG_NAV,      GUMBO_TAG_OL,         GUMBO_TAG_P,
       GUMBO_TAG_SECTION,  GUMBO_TAG_SUMMARY,  GUMBO_TAG_UL,         GUMBO_TAG_PRE,
       GUMBO_TAG_LISTING,  GUMBO_TAG_FORM,     GUMBO_TAG_TABLE,      GUMBO_TAG_LI,
       GUMBO_TAG_DT,       GUMBO_TAG_DD,       GUMBO_TAG_HR,         GUMBO_TAG_XMP,
       GUMBO_TAG_PLAINTEXT},
      TagClass(kClosesP | kBlockTag));
  set({GUMBO_TAG_BODY, GUMBO_TAG_HTML, GUMBO_TAG_CAPTION, GUMBO_TAG_LEGEND, GUMBO_TAG_TBODY,
       GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_OPTION,
       GUMBO_TAG_OPTGROUP, GUMBO_TAG_FRAMESET},
      kBlockTag);
  // Scripts and styles, the head (the <title> is read on its own), form controls, embedded
  // objects.
  set({GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
       GUMBO_TAG_HEAD,     GUMBO_TAG_NAV,   GUMBO_TAG_SELECT,   GUMBO_TAG_DATALIST,
       GUMBO_TAG_TEXTAREA, GUMBO_TAG_SVG,   GUMBO_TAG_MATH,     GUMBO_TAG_IFRAME,
       GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED, GUMBO_TAG_APPLET,   GUMBO_TAG_CANVAS,
       GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO, GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES,
       GUMBO_TAG_MAP},
      kSkipped);
  set({GUMBO_TAG_ADDRESS,    GUMBO_TAG_APPLET,   GUMBO_TAG_AREA,     GUMBO_TAG_ARTICLE,
       GUMBO_TAG_ASIDE,      GUMBO_TAG_BASE,     GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
       GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,     GUMBO_TAG_BR,       GUMBO_TAG_BUTTON,
       GUMBO_TAG_CAPTION,    GUMBO_TAG_CENTER,   GUMBO_TAG_COL,      GUMBO_TAG_COLGROUP,
       GUMBO_TAG_DD,         GUMBO_TAG_DETAILS,  GUMBO_TAG_DIR,      GUMBO_TAG_DIV,
       GUMBO_TAG_DL,         GUMBO_TAG_DT,       GUMBO_TAG_EMBED,    GUMBO_TAG_FIELDSET,
       GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,   GUMBO_TAG_FOOTER,   GUMBO_TAG_FORM,
       GUMBO_TAG_FRAME,      GUMBO_TAG_FRAMESET, GUMBO_TAG_H1,       GUMBO_TAG_H2,
       GUMBO_TAG_H3,         GUMBO_TAG_H4,       GUMBO_TAG_H5,       GUMBO_TAG_H6,
       GUMBO_TAG_HEAD,       GUMBO_TAG_HEADER,   GUMBO_TAG_HGROUP,   GUMBO_TAG_HR,
       GUMBO_TAG_HTML,       GUMBO_TAG_IFRAME,   GUMBO_TAG_IMG,      GUMBO_TAG_INPUT,
       GUMBO_TAG_KEYGEN,     GUMBO_TAG_LI,       GUMBO_TAG_LINK,     GUMBO_TAG_LISTING,
       GUMBO_TAG_MAIN,       GUMBO_TAG_MARQUEE,  GUMBO_TAG_MENU,     GUMBO_TAG_META,
       GUMBO_TAG_NAV,        GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT,
       GUMBO_TAG_OBJECT,     GUMBO_TAG_OL,       GUMBO_TAG_P,        GUMBO_TAG_PARAM,
       GUMBO_TAG_PLAINTEXT,  GUMBO_TAG_PRE,      GUMBO_TAG_SCRIPT,   GUMBO_TAG_SECTION,
       GUMBO_TAG_SELECT,     GUMBO_TAG_SOURCE,   GUMBO_TAG_STYLE,    GUMBO_TAG_SUMMARY,
       GUMBO_TAG_TABLE,      GUMBO_TAG_TBODY,    GUMBO_TAG_TD,       GUMBO_TAG_TEMPLATE,
       GUMBO_TAG_TEXTAREA,   GUMBO_TAG_TFOOT,    GUMBO_TAG_TH,       GUMBO_TAG_THEAD,
       GUMBO_TAG_TITLE,      GUMBO_TAG_TR,       GUMBO_TAG_TRACK,    GUMBO_TAG_UL,
       GUMBO_TAG_WBR,        GUMBO_TAG_XMP},
      kSpecial);
  set({GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM, GUMBO_TAG_FONT,
       GUMBO_TAG_I, GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL, GUMBO_TAG_STRIKE,
       GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U},
      kFormatting);
  return t;
}();

bool is(GumboTag t, TagClass c) {
  return (kTagClasses[t] & c) != 0;
}

// gumbo_tagn_enum(name), remembered by the name's hash (FNV-1a over its lower case): pages use
// a few dozen tag names, and gumbo's lookup is what most of a tag's reading here would cost.
GumboTag tag_named(std::string_view name, std::uint32_t hash) {
  struct Entry {
    std::uint32_t hash = 0;
    std::uint8_t size = 0;  // 0: empty
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    std::array<char, 15> lower{};
  };
  thread_local std::array<Entry, 128> cache;
  if (name.empty() || name.size() > 15)
    return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
  Entry& e = cache[hash & 127];
  if (e.size == name.size() && e.hash == hash &&
      equal_ci(name, std::string_view(e.lower.data(), e.size)))
    return e.tag;
  e.tag = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
  e.hash = hash;
  e.size = static_cast<std::uint8_t>(name.size());
  for (std::size_t k = 0; k < name.size(); ++k)
    e.lower[k] = ascii_lower(name[k]);
  return e.tag;
}

// An estimate, from the tags alone, of how deep gumbo's tree will nest: a stack of open tags
// that end tags and HTML's usual implied end tags (<p>, <li>, <td>, …) pop, erring on the deep
// side. One pass; a pop searches at most the depth the page is allowed. Gumbo's other way of
// deepening a tree, re-opening formatting tags, is bounded by its memory cap.
Guard guard(std::string_view html, std::size_t max_depth) {
  Guard out;
  struct Open {
    GumboTag tag;
    std::uint32_t name;  // a hash of an unknown tag's name
  };
  std::vector<Open> stack;
  std::array<std::uint32_t, GUMBO_TAG_LAST + 1> open{};
  const auto pop_from = [&](std::size_t k) {
    while (stack.size() > k) {
      --open[stack.back().tag];
      stack.pop_back();
    }
  };
  // Pops to the nearest of `tags`, not looking past `stops` nor, unless `table_part`, past the
  // usual scope boundaries (a cell, a table).
  const auto pop_to = [&](std::initializer_list<GumboTag> tags,
                          std::initializer_list<GumboTag> stops, bool table_part) {
    if (std::none_of(tags.begin(), tags.end(), [&](GumboTag t) { return open[t] > 0; })) return;
    for (std::size_t k = stack.size(); k-- > 0;) {
      const GumboTag t = stack[k].tag;
      if (one_of(t, tags)) return pop_from(k);
      if (one_of(t, stops) || (!table_part && is(t, kBoundary))) return;
    }
  };
  // The end tag of a formatting element takes it off the stack, and only it: what was opened
  // inside it stays open (HTML's adoption agency).
  const auto take_out = [&](GumboTag tag) {
    if (open[tag] == 0) return;
    for (std::size_t k = stack.size(); k-- > 0;) {
      if (stack[k].tag == tag) {
        --open[tag];
        stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(k));
        return;
      }
      if (is(stack[k].tag, kBoundary)) return;
    }
  };
  // Any other end tag closes an element of its name unless a special element comes first.
  const auto close_other = [&](GumboTag tag, std::uint32_t name) {
    if (open[tag] == 0) return;
    for (std::size_t k = stack.size(); k-- > 0;) {
      if (stack[k].tag == tag && stack[k].name == name) return pop_from(k);
      if (is(stack[k].tag, kSpecial)) return;
    }
  };
  const std::size_t n = html.size();
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t at = i;
    const std::string_view rest(html.data() + i, n - i);
    if (rest.starts_with("<!--")) {
      // Ends at "-->", "--!>", or at once for "<!-->" and "<!--->".
      std::size_t end = n;
      if (rest.starts_with("<!-->")) {
        end = i + 5;
      } else if (rest.starts_with("<!--->")) {
        end = i + 6;
      } else {
        for (std::size_t k = html.find("--", i + 4); k != std::string_view::npos;
             k = html.find("--", k + 1)) {
          if (html.substr(k + 2, 1) == ">" || html.substr(k + 2, 2) == "!>") {
            end = k + (html[k + 2] == '>' ? 3 : 4);
            break;
          }
        }
      }
      i = end;
      continue;
    }
    if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
      const std::size_t end = html.find('>', i + 2);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    const bool end_tag = rest.size() > 1 && rest[1] == '/';
    const std::size_t name_begin = i + (end_tag ? 2 : 1);
    if (name_begin >= n || !ascii_alpha(html[name_begin])) {
      ++i;
      continue;
    }
    std::size_t j = name_begin;
    std::uint32_t name = 2166136261u;  // FNV-1a, over the lower-case name
    while (j < n) {
      const auto c = static_cast<unsigned char>(html[j]);
      const std::uint8_t cls = kByteClasses[c];
      if ((cls & kNameStop) != 0) break;
      name = (name ^ (c | (cls & kUpper))) * 16777619u;
      ++j;
    }
    const GumboTag tag =
        tag_named(std::string_view(html.data() + name_begin, j - name_begin), name);
    if (tag != GUMBO_TAG_UNKNOWN) name = 0;
    // The attributes, to the '>' outside quotes.
    std::size_t attributes = 0;
    while (j < n && html[j] != '>') {
      const char c = html[j];
      if (html_space(c) || c == '/') {
        ++j;
        continue;
      }
      ++attributes;
      ++j;  // a name's first character, even '='
      while (j < n && !stops(html[j], kAttributeNameStop))
        ++j;
      while (j < n && html_space(html[j]))
        ++j;
      if (j >= n || html[j] != '=') continue;
      ++j;
      while (j < n && html_space(html[j]))
        ++j;
      if (j < n && (html[j] == '"' || html[j] == '\'')) {
        const std::size_t q = html.find(html[j], j + 1);
        j = q == std::string_view::npos ? n : q + 1;
      } else {
        while (j < n && !stops(html[j], kValueStop))
          ++j;
      }
    }
    i = j < n ? j + 1 : n;
    if (attributes > kMaxAttributes) {
      out.problem = Guard::Problem::attributes;
      out.at = static_cast<std::uint32_t>(at);
      return out;
    }
    // Inside a <select>, HTML ignores most tags: only what closes it counts.
    if (open[GUMBO_TAG_SELECT] > 0) {
      const bool table_part =
          one_of(tag, {GUMBO_TAG_CAPTION, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT,
                       GUMBO_TAG_THEAD, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH});
      if (table_part ||
          one_of(tag, {GUMBO_TAG_SELECT, GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN, GUMBO_TAG_TEXTAREA})) {
        pop_to({GUMBO_TAG_SELECT}, {}, true);
        if (tag == GUMBO_TAG_SELECT || end_tag) continue;
      } else if (!one_of(tag, {GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP, GUMBO_TAG_SCRIPT,
                               GUMBO_TAG_TEMPLATE})) {
        continue;
      }
    }
    if (end_tag) {
      if (!stack.empty() && stack.back().tag == tag && stack.back().name == name) {
        // The end tag of the element opened last, as most are: what each case below does then.
        --open[tag];
        stack.pop_back();
        continue;
      }
      switch (tag) {
        case GUMBO_TAG_TABLE:
          pop_to({tag}, {GUMBO_TAG_TEMPLATE}, true);
          break;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_CAPTION:
          pop_to({tag}, {GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE}, true);
          break;
        case GUMBO_TAG_P:
          pop_to({tag}, {GUMBO_TAG_BUTTON}, false);
          break;
        case GUMBO_TAG_LI:
          pop_to({tag}, {GUMBO_TAG_UL, GUMBO_TAG_OL}, false);
          break;
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
          pop_to(
              {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6},
              {}, false);
          break;
        default:
          if (is(tag, kFormatting)) {
            take_out(tag);
          } else if (is(tag, kSpecial)) {
            pop_to({tag}, {}, false);
          } else {
            close_other(tag, name);
          }
      }
      continue;
    }
    if (is(tag, kVoid)) continue;
    if (is(tag, kRawText)) {
      const std::string_view raw_name = gumbo_normalized_tagname(tag);
      std::size_t k = html.find("</", i);
      while (k != std::string_view::npos &&
             !equal_ci(html.substr(k + 2, raw_name.size()), raw_name))
        k = html.find("</", k + 2);
      i = k == std::string_view::npos ? n : k;
      continue;
    }
    if (is(tag, kClosesP) && open[GUMBO_TAG_P] > 0)  // most find none open
      pop_to({GUMBO_TAG_P}, {GUMBO_TAG_BUTTON}, false);
    switch (tag) {
      case GUMBO_TAG_LI:
        pop_to({GUMBO_TAG_LI}, {GUMBO_TAG_UL, GUMBO_TAG_OL}, false);
        break;
      case GUMBO_TAG_DT:
      case GUMBO_TAG_DD:
        pop_to({GUMBO_TAG_DT, GUMBO_TAG_DD}, {GUMBO_TAG_DL}, false);
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        pop_to({GUMBO_TAG_TD, GUMBO_TAG_TH}, {GUMBO_TAG_TR, GUMBO_TAG_TABLE}, true);
        break;
      case GUMBO_TAG_TR:
        pop_to({GUMBO_TAG_TR}, {GUMBO_TAG_TABLE}, true);
        break;
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT:
        pop_to({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT}, {GUMBO_TAG_TABLE}, true);
        break;
      case GUMBO_TAG_OPTION:
      case GUMBO_TAG_OPTGROUP:
        pop_to({GUMBO_TAG_OPTION}, {GUMBO_TAG_SELECT}, false);
        break;
      case GUMBO_TAG_A:
      case GUMBO_TAG_NOBR:
        take_out(tag);  // an open one is closed first
        break;
      default:
        break;
    }
    stack.push_back({tag, name});
    ++open[tag];
    if (stack.size() > max_depth) {
      out.problem = Guard::Problem::too_deep;
      out.at = static_cast<std::uint32_t>(at);
      return out;
    }
  }
  return out;
}

// ── Gumbo's memory: one arena, capped ────────────────────────────────────────────────────────────

// Gumbo has no way to give up part way, so when its memory passes the cap the allocator jumps
// back out of it (through C frames only) and the arena is dropped whole.
struct Arena {
  struct Chunk {
    Chunk* next;
    std::size_t size;
  };
  std::jmp_buf exceeded;
  Chunk* chunks = nullptr;
  char* cur = nullptr;
  char* end = nullptr;
  std::size_t used = 0;
  std::size_t limit = 0;

  explicit Arena(std::size_t cap) : limit(cap) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    while (chunks != nullptr) {
      Chunk* c = chunks;
      chunks = c->next;
      std::free(c);
    }
  }
};

constexpr std::size_t kAlign = alignof(std::max_align_t);

void* arena_chunk(Arena& a, std::size_t size) {
  if (size > a.limit - std::min(a.limit, a.used)) std::longjmp(a.exceeded, 1);
  void* raw = std::malloc(sizeof(Arena::Chunk) + kAlign + size);
  if (raw == nullptr) std::longjmp(a.exceeded, 1);
  auto* c = static_cast<Arena::Chunk*>(raw);
  *c = {a.chunks, size};
  a.chunks = c;
  a.used += size;
  return static_cast<char*>(raw) + ((sizeof(Arena::Chunk) + kAlign - 1) / kAlign) * kAlign;
}

// arena_allocate when the current chunk has no room for `size` (rounded already). Out of line,
// so that the common case saves no registers.
[[gnu::noinline]] void* arena_refill(Arena& a, std::size_t size) {
  // Chunks grow with what gumbo has used so far; big requests (a long text's buffer) get their
  // own, so the current chunk is kept.
  const std::size_t chunk = std::clamp<std::size_t>(a.used / 2, 64 << 10, 8 << 20);
  if (size > chunk / 4) return arena_chunk(a, size);
  a.cur = static_cast<char*>(arena_chunk(a, chunk));
  a.end = a.cur + chunk;
  void* p = a.cur;
  a.cur += size;
  return p;
}

void* arena_allocate(void* userdata, std::size_t size) {
  Arena& a = *static_cast<Arena*>(userdata);
  size = (size + kAlign - 1) / kAlign * kAlign;
  if (size == 0) size = kAlign;
  if (static_cast<std::size_t>(a.end - a.cur) < size) return arena_refill(a, size);
  void* p = a.cur;
  a.cur += size;
  return p;
}

void arena_free(void*, void*) {}

GumboOutput* parse_in(Arena& arena, const GumboOptions& options, const char* data,
                      std::size_t size) {
  if (setjmp(arena.exceeded) != 0) return nullptr;
  return gumbo_parse_with_options(&options, data, size);
}

// ── Elements ─────────────────────────────────────────────────────────────────────────────────────

// The attributes this reader looks at, found in one pass over an element's attributes: each as
// gumbo_get_attribute finds it, the first of its name compared without case.
struct Attributes {
  enum Name : std::uint8_t {
    kId,
    kClass,
    kRole,
    kToggle,
    kBsToggle,
    kControls,
    kTarget,
    kBsTarget,
    kHref,
    kSrc,
    kColspan,
    kRowspan,
    kCount
  };
  std::array<const char*, kCount> values{};  // nullptr: not there

  // The value, or empty when not there.
  std::string_view operator[](Name n) const {
    return values[n] == nullptr ? std::string_view{} : std::string_view(values[n]);
  }
  bool has(Name n) const { return values[n] != nullptr; }
};

Attributes attributes_of(const GumboNode* node) {
  static constexpr std::array<std::string_view, Attributes::kCount> kNames = {
      "id",          "class",          "role", "data-toggle", "data-bs-toggle", "aria-controls",
      "data-target", "data-bs-target", "href", "src",         "colspan",        "rowspan"};
  Attributes out;
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboVector& all = node->v.element.attributes;
  for (unsigned k = 0; k < all.length; ++k) {
    const auto* a = static_cast<const GumboAttribute*>(all.data[k]);
    const std::string_view name(a->name);
    for (std::size_t n = 0; n < kNames.size(); ++n) {
      if (out.values[n] == nullptr && equal_ci(name, kNames[n])) {
        out.values[n] = a->value;
        break;
      }
    }
  }
  return out;
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && html_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && html_space(s.back()))
    s.remove_suffix(1);
  return s;
}

const GumboVector& children(const GumboNode* node) {
  static const GumboVector none = {nullptr, 0, 0};
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT) return node->v.element.children;
  return none;
}

GumboTag tag_of(const GumboNode* node) {
  return node != nullptr && node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag
                                                             : GUMBO_TAG_UNKNOWN;
}

// Words of an id or class ("mainNav", "nav-tabs", "bread_crumbs"), as written: compared without
// case, they need no lower-case copy.
template <typename F>
void words(std::string_view s, F&& each) {
  std::size_t begin = 0;  // of the word under way
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool separator = i == s.size() || (!ascii_alpha(s[i]) && !ascii_digit(s[i]));
    const bool camel = !separator && s[i] >= 'A' && s[i] <= 'Z' && i > 0 && s[i - 1] >= 'a' &&
                       s[i - 1] <= 'z';  // "mainNav"
    if (!separator && !camel) continue;
    if (i > begin) each(s.substr(begin, i - begin));
    begin = separator ? i + 1 : i;
  }
}

// Navigation, menus, breadcrumbs and site footers, as ids and classes name them: a word that
// starts or ends with one of these ("navbar", "topmenu", "breadcrumbs", "sub-nav").
bool chrome_name(std::string_view s) {
  if (s.empty()) return false;
  bool found = false;
  words(s, [&](std::string_view w) {
    if (w.size() > 1 && ascii_lower(w.back()) == 's') w.remove_suffix(1);
    for (std::string_view stem : {"nav", "menu", "crumb", "footer", "copyright"}) {
      if (w.size() < stem.size()) continue;
      const std::string_view first(w.data(), stem.size());
      const std::string_view last(w.data() + w.size() - stem.size(), stem.size());
      if (equal_ci(first, stem) || equal_ci(last, stem)) found = true;
    }
  });
  return found;
}

// Does s hold `lower` (lower case), compared without case?
bool contains_ci(std::string_view s, std::string_view lower) {
  for (std::size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (equal_ci(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

// A class naming a list of tabs ("nav-tabs", "tab-title", "tabs"), not their panes or a table.
bool tab_list_class(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && html_space(s[i]))
      ++i;
    std::size_t e = i;
    while (e < s.size() && !html_space(s[e]))
      ++e;
    const std::string_view token = s.substr(i, e - i);
    if (contains_ci(token, "tab")) {
      bool content = false;
      for (std::string_view other : {"table", "pane", "panel", "cont", "body"})
        content = content || contains_ci(token, other);
      if (!content) return true;
    }
    i = e;
  }
  return false;
}

// ── The page: its tabs and its title ─────────────────────────────────────────────────────────────

// Tabbed pages show each section's label only on its tab ("申请材料") and put the section in a
// pane elsewhere (<div class="tab-pane" id="sqcl">): the tab is read as the pane's heading.
struct Page {
  std::unordered_map<std::string_view, const GumboNode*> by_pane;  // pane id → its tab
  std::unordered_set<const GumboNode*> tabs;
  const GumboNode* title = nullptr;    // the first <title>
  std::vector<std::uint32_t> foreign;  // from rename_foreign
  std::size_t blocks = 0;  // its block-level elements and line breaks: about the blocks it makes

  // An <svg> or <math>, renamed.
  bool foreign_element(const GumboNode* node) const {
    const GumboElement& e = node->v.element;
    if (e.tag != GUMBO_TAG_UNKNOWN || e.original_tag.length == 0) return false;
    const auto at = static_cast<std::uint32_t>(e.start_pos.offset + 1);
    return std::binary_search(foreign.begin(), foreign.end(), at);
  }
};

std::string_view tab_target(const Attributes& a, bool in_tab_list) {
  const std::string_view role = a[Attributes::kRole];
  std::string_view toggle = a[Attributes::kToggle];
  if (toggle.empty()) toggle = a[Attributes::kBsToggle];
  const bool tab = role == "tab" || toggle == "tab" || toggle == "pill";
  if (!tab && !in_tab_list) return {};
  for (const Attributes::Name name :
       {Attributes::kControls, Attributes::kTarget, Attributes::kBsTarget, Attributes::kHref}) {
    std::string_view v = trim_ascii(a[name]);
    if (name == Attributes::kHref && !v.starts_with('#')) continue;
    if (v.starts_with('#')) v.remove_prefix(1);
    if (!v.empty()) return v;
  }
  return {};
}

// The page's tabs and <title>.
Page survey(const GumboNode* root, std::vector<std::uint32_t> foreign) {
  Page out;
  out.foreign = std::move(foreign);
  std::vector<std::string_view> ids;  // looked up only on pages with tab candidates
  std::vector<std::pair<std::string_view, const GumboNode*>> candidates;
  std::vector<std::pair<const GumboNode*, bool>> stack = {{root, false}};
  while (!stack.empty()) {
    const auto [node, in_list] = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    bool list = in_list;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag t = node->v.element.tag;
      if (t == GUMBO_TAG_TITLE && out.title == nullptr) out.title = node;
      if (is(t, kBlockTag) || t == GUMBO_TAG_BR) ++out.blocks;
      if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || out.foreign_element(node)) continue;
      if (node->v.element.attributes.length != 0) {  // most elements have none, and no tab
        const Attributes a = attributes_of(node);
        if (const std::string_view id = trim_ascii(a[Attributes::kId]); !id.empty())
          ids.push_back(id);
        list = list || a[Attributes::kRole] == "tablist" || tab_list_class(a[Attributes::kClass]);
        if (const std::string_view target = tab_target(a, list); !target.empty())
          candidates.emplace_back(target, node);
      }
    }
    const GumboVector& kids = children(node);
    for (unsigned k = kids.length; k-- > 0;) {
      const auto* child = static_cast<const GumboNode*>(kids.data[k]);
      if (child->type == GUMBO_NODE_ELEMENT) stack.emplace_back(child, list);
    }
  }
  if (candidates.empty()) return out;
  std::sort(ids.begin(), ids.end());
  for (const auto& [target, node] : candidates) {
    if (std::binary_search(ids.begin(), ids.end(), target) &&
        out.by_pane.emplace(target, node).second)
      out.tabs.insert(node);
  }
  return out;
}

// ── Reading the tree ─────────────────────────────────────────────────────────────────────────────

// Where text goes: the document, or one table cell, <dt> or <dd>. The line under construction
// becomes a block at each block-level boundary.
struct Sink {
  struct OpenLink {
    std::string url;
    std::uint32_t begin = 0;  // in `line`
    bool emitted = false;     // part of it went with an earlier line
  };
  std::vector<Block> blocks;
  TextBuilder line;
  bool plain = false;   // the line has text outside headings and bold
  bool strong = false;  // … text in headings or bold
  bool space = false;   // whitespace waits to become one space before the next text
  bool space_exact = false;
  std::uint32_t space_begin = 0;
  std::uint32_t space_end = 0;
  std::vector<OpenLink> links;

  void whitespace(std::uint32_t begin, std::uint32_t end, bool single_space) {
    if (line.text.empty() || line.text.back() == '\n') return;
    if (space) {
      if (begin == space_end) {  // "&nbsp;&nbsp;", "&nbsp; ": one run
        space_end = end;
        space_exact = false;
      }
      return;
    }
    space = true;
    space_exact = single_space;
    space_begin = begin;
    space_end = end;
  }

  // Before text: the whitespace before it, as one space.
  void settle(bool emphasised) {
    (emphasised ? strong : plain) = true;
    if (!space) return;
    space = false;
    const std::uint32_t at = line.size();
    if (space_exact)
      line.exact(" ", space_begin);
    else
      line.opaque(" ", space_begin, space_end);
    for (OpenLink& l : links) {
      if (l.begin == at) l.begin = line.size();  // a link's text starts after the space
    }
  }

  // The line under construction becomes a block. With `last`, no text follows in this sink, so
  // the line's buffers move to the block; otherwise the block gets a copy of the line's exact
  // size, and the line keeps its room for the next one.
  void flush(bool last = false) {
    space = false;
    for (OpenLink& l : links) {
      if (l.begin < line.size()) {
        line.links.push_back({l.url, l.begin, line.size()});
        l.emitted = true;
      }
      l.begin = 0;
    }
    if (!line.text.empty() || !line.links.empty()) {
      Block& b = blocks.emplace_back();
      b.kind = strong && !plain ? Block::Kind::heading : Block::Kind::line;
      if (last)
        b.text = std::move(line);
      else
        b.text = line;
    }
    line.text.clear();
    line.pieces.clear();
    line.links.clear();
    plain = strong = false;
  }

  void close_link() {
    OpenLink l = std::move(links.back());
    links.pop_back();
    if (l.begin < line.size() || !l.emitted) line.links.push_back({l.url, l.begin, line.size()});
  }
};

bool blank_block(const Block& b) {
  if (b.kind == Block::Kind::row) {
    return std::all_of(b.cells.begin(), b.cells.end(),
                       [](const TextBuilder& c) { return blank(c.text) && c.links.empty(); });
  }
  return blank(b.text.text) && b.text.links.empty();
}

// A sink's blocks as one text: lines joined by line breaks, the cells of a row by spaces. The
// blocks' text is taken: the first moves rather than being copied.
TextBuilder flatten(std::vector<Block>&& blocks) {
  TextBuilder out;
  const auto add = [&](TextBuilder& t, bool new_line) {
    if (out.text.empty() && out.pieces.empty() && out.links.empty()) {
      out = std::move(t);  // what appending it to nothing makes
      return;
    }
    if (!t.pieces.empty() && !out.text.empty() && out.text.back() != '\n') {
      if (new_line)
        out.block_break(t.pieces.front().source);
      else
        out.opaque(" ", t.pieces.front().source, t.pieces.front().source);
    }
    append(out, t);
  };
  for (Block& b : blocks) {
    if (blank_block(b)) continue;
    if (b.kind != Block::Kind::row) {
      add(b.text, true);
      continue;
    }
    bool first = true;
    for (TextBuilder& c : b.cells) {
      if (blank(c.text) && c.links.empty()) continue;
      add(c, first);
      first = false;
    }
  }
  return out;
}

struct Cell {
  std::unique_ptr<Sink> sink;
  std::size_t colspan = 1;
  int rowspan = 1;
  bool header = false;  // <th>, <dt>
};

// An open <table> or <dl>: its rows, emitted when it closes.
struct Grid {
  bool dl = false;
  std::vector<std::vector<Cell>> rows;
  bool in_row = false;    // a <tr> is open
  std::size_t sinks = 0;  // the sink depth its cells open at
};

std::size_t span_value(std::string_view v, std::size_t max) {
  v = trim_ascii(v);
  std::size_t n = 0;
  for (char c : v) {
    if (!ascii_digit(c)) break;
    n = std::min<std::size_t>(n * 10 + static_cast<std::size_t>(c - '0'), max);
  }
  return std::max<std::size_t>(n, 1);
}

class Walker {
 public:
  // `html` is the page; `parsed` what gumbo read (the page with foreign tags renamed).
  Walker(std::string_view html, std::string_view parsed, const Page* page)
      : html_(html), parsed_(parsed), page_(page) {
    sinks_.push_back(std::make_unique<Sink>());
    if (page != nullptr) sink().blocks.reserve(page->blocks);
  }

  // Reads the subtree at root (root itself is read even if it would be skipped).
  void read(const GumboNode* root) {
    std::vector<Frame> stack;
    enter(root, stack, true);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& kids = *f.children;
      if (f.next < kids.length) {
        const auto* child = static_cast<const GumboNode*>(kids.data[f.next++]);
        enter(child, stack, false);
      } else {
        const Frame done = f;
        stack.pop_back();
        leave(done);
      }
    }
    sink().flush(true);
  }

  std::vector<Block> take_blocks() {
    sink().flush();
    std::erase_if(sink().blocks, blank_block);
    return std::move(sink().blocks);
  }

  TextBuilder take_title() { return std::move(title_); }

 private:
  enum Flag : std::uint32_t {
    kBlock = 1u << 0,
    kHeading = 1u << 1,
    kBold = 1u << 2,
    kLink = 1u << 3,
    kPre = 1u << 4,
    kSection = 1u << 5,
    kGrid = 1u << 6,
    kRow = 1u << 7,
    kCell = 1u << 8,
    kTitle = 1u << 9,
    kPane = 1u << 10,
    kTable = 1u << 11,
  };
  // The flags that count how many open elements have them (heading_, bold_, pre_, sections_).
  static constexpr std::uint32_t kCounted = kHeading | kBold | kPre | kSection;

  // The flags an element has for its tag alone.
  static constexpr std::array<std::uint32_t, GUMBO_TAG_LAST + 1> kTagFlags = [] {
    std::array<std::uint32_t, GUMBO_TAG_LAST + 1> t{};
    for (const GumboTag g :
         {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6})
      t[g] |= kHeading | kBlock;
    for (const GumboTag g : {GUMBO_TAG_STRONG, GUMBO_TAG_B})
      t[g] |= kBold;
    for (const GumboTag g : {GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_XMP})
      t[g] |= kPre;
    for (const GumboTag g : {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN, GUMBO_TAG_SECTION})
      t[g] |= kSection;
    return t;
  }();

  struct Frame {
    const GumboVector* children = nullptr;  // the element's or document's
    unsigned next = 0;                      // the child to read next
    std::uint32_t flags = 0;
    Sink* sink = nullptr;  // where a link or a pane heading went
    std::size_t mark = 0;  // the block index a title or pane starts at
  };

  Sink& sink() { return *sinks_.back(); }

  std::uint32_t offset(const char* p) const {
    return static_cast<std::uint32_t>(p - parsed_.data());
  }

  bool inside(const GumboStringPiece& s) const {
    return s.data != nullptr && s.data >= parsed_.data() &&
           s.length <= static_cast<std::size_t>(parsed_.data() + parsed_.size() - s.data);
  }

  bool skipped(const GumboNode* node, const Attributes& a) const {
    const GumboElement& e = node->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML || is(e.tag, kSkipped)) return true;
    // A page's own header and footer; an article's or section's are part of it.
    if ((e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER) && sections_ == 0) return true;
    if (page_ != nullptr &&
        ((!page_->tabs.empty() && page_->tabs.contains(node)) || page_->foreign_element(node)))
      return true;
    if (e.attributes.length == 0) return false;  // no role, id or class naming it chrome
    const std::string_view role = a[Attributes::kRole];
    if (!role.empty() &&
        (role == "navigation" || role == "menu" || role == "menubar" || role == "tablist" ||
         role == "banner" || role == "contentinfo" || role == "search"))
      return true;
    if ((!a.has(Attributes::kId) && !a.has(Attributes::kClass)) ||
        one_of(e.tag, {GUMBO_TAG_HTML, GUMBO_TAG_BODY, GUMBO_TAG_MAIN, GUMBO_TAG_ARTICLE}))
      return false;
    return chrome_name(a[Attributes::kId]) || chrome_name(a[Attributes::kClass]);
  }

  void enter(const GumboNode* node, std::vector<Frame>& stack, bool root) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text(node);
        return;
      case GUMBO_NODE_DOCUMENT:
        stack.push_back({&children(node), 0, 0, nullptr, 0});
        return;
      case GUMBO_NODE_ELEMENT:
        break;
      default:
        return;  // comments, templates
    }
    const Attributes a = attributes_of(node);
    if (!root && skipped(node, a)) return;
    const GumboTag t = node->v.element.tag;
    Frame f{&children(node), 0, 0, nullptr, 0};
    if (t == GUMBO_TAG_BR) {
      sink().flush();
      return;
    }
    if (t == GUMBO_TAG_IMG || t == GUMBO_TAG_IMAGE) {
      // No text, but a source later rules may look at (file:/// paths pasted from Word).
      const std::string_view src = trim_ascii(a[Attributes::kSrc]);
      if (!src.empty())
        sink().line.links.push_back({std::string(src), sink().line.size(), sink().line.size()});
      return;
    }
    if (t == GUMBO_TAG_TABLE || t == GUMBO_TAG_DL) {
      const bool grid = grids_.size() < kMaxGrids;
      if (t == GUMBO_TAG_TABLE) {
        f.flags |= kTable;
        tables_.push_back(grid ? grids_.size() + 1 : 0);
      }
      if (grid) {
        sink().flush();
        auto g = std::make_unique<Grid>();
        g->dl = t == GUMBO_TAG_DL;
        g->sinks = sinks_.size();
        grids_.push_back(std::move(g));
        f.flags |= kGrid | kBlock;
        stack.push_back(f);
        return;
      }
      // Nested too deep: read as plain blocks.
    }
    Grid* g = grids_.empty() ? nullptr : grids_.back().get();
    const bool table_grid = g != nullptr && !g->dl && !tables_.empty() &&
                            tables_.back() == grids_.size() && sinks_.size() == g->sinks;
    if (t == GUMBO_TAG_TR && table_grid) {
      g->rows.emplace_back();
      g->in_row = true;
      f.flags |= kRow;
    } else if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && table_grid && g->in_row) {
      f.flags |= kCell;
      Cell c;
      c.colspan = span_value(a[Attributes::kColspan], 1000);
      c.rowspan = static_cast<int>(span_value(a[Attributes::kRowspan], 65534));
      c.header = t == GUMBO_TAG_TH;
      g->rows.back().push_back(std::move(c));
      sinks_.push_back(std::make_unique<Sink>());
    } else if ((t == GUMBO_TAG_DT || t == GUMBO_TAG_DD) && g != nullptr && g->dl &&
               sinks_.size() == g->sinks) {
      f.flags |= kCell;
      // A term and its first description are a row; further descriptions are entries of
      // their own, continuing it ("1. 申请书", "2. 身份证明").
      if (t == GUMBO_TAG_DT || g->rows.empty() ||
          std::any_of(g->rows.back().begin(), g->rows.back().end(),
                      [](const Cell& c) { return !c.header; }))
        g->rows.emplace_back();
      Cell c;
      c.header = t == GUMBO_TAG_DT;
      g->rows.back().push_back(std::move(c));
      sinks_.push_back(std::make_unique<Sink>());
    } else if (is(t, kBlockTag)) {
      f.flags |= kBlock;
    }
    f.flags |= kTagFlags[t];
    if (t == GUMBO_TAG_A) {
      if (a.has(Attributes::kHref)) {
        f.flags |= kLink;
        f.sink = &sink();
        sink().links.push_back(
            {std::string(trim_ascii(a[Attributes::kHref])), sink().line.size(), false});
      }
    }
    if ((f.flags & kBlock) != 0) sink().flush();
    if (t == GUMBO_TAG_H1 && !title_taken_) {
      title_taken_ = true;
      f.flags |= kTitle;
      f.sink = &sink();
      f.mark = sink().blocks.size();
    }
    if (page_ != nullptr && !page_->by_pane.empty()) {
      const std::string_view id = trim_ascii(a[Attributes::kId]);
      const auto it = id.empty() ? page_->by_pane.end() : page_->by_pane.find(id);
      if (it != page_->by_pane.end()) {
        if (const TextBuilder& heading = tab_label(it->second); !blank(heading.text)) {
          sink().flush();
          f.flags |= kPane | kBlock;
          f.sink = &sink();
          f.mark = sink().blocks.size();
          Block b;
          b.kind = Block::Kind::heading;
          b.text = heading;
          sink().blocks.push_back(std::move(b));
        }
      }
    }
    if ((f.flags & kCounted) != 0) {
      if ((f.flags & kHeading) != 0) ++heading_;
      if ((f.flags & kBold) != 0) ++bold_;
      if ((f.flags & kPre) != 0) ++pre_;
      if ((f.flags & kSection) != 0) ++sections_;
    }
    stack.push_back(f);
  }

  // Most elements have none of the flags, or one: each group is looked at only when one of it is
  // there.
  void leave(const Frame& f) {
    if ((f.flags & (kLink | kCounted)) != 0) {
      if ((f.flags & kLink) != 0) f.sink->close_link();
      if ((f.flags & kHeading) != 0) --heading_;
      if ((f.flags & kBold) != 0) --bold_;
      if ((f.flags & kPre) != 0) --pre_;
      if ((f.flags & kSection) != 0) --sections_;
    }
    if ((f.flags & (kCell | kRow | kTable | kGrid)) != 0) {
      if ((f.flags & kCell) != 0) {
        sink().flush(true);
        std::unique_ptr<Sink> s = std::move(sinks_.back());
        sinks_.pop_back();
        grids_.back()->rows.back().back().sink = std::move(s);
      }
      if ((f.flags & kRow) != 0) grids_.back()->in_row = false;
      if ((f.flags & kTable) != 0) tables_.pop_back();
      if ((f.flags & kGrid) != 0) {
        std::unique_ptr<Grid> g = std::move(grids_.back());
        grids_.pop_back();
        emit(*g);
      }
    }
    if ((f.flags & kBlock) != 0) sink().flush();
    if ((f.flags & (kTitle | kPane)) != 0) {
      if ((f.flags & kTitle) != 0) take_title(*f.sink, f.mark);
      if ((f.flags & kPane) != 0) drop_repeated_heading(*f.sink, f.mark);
    }
  }

  // A tab's text, when it is short enough to be a label; read once however many panes name it.
  const TextBuilder& tab_label(const GumboNode* tab) {
    const auto [it, fresh] = tab_labels_.try_emplace(tab);
    if (fresh) {
      Walker label(html_, parsed_, nullptr);
      label.read(tab);
      it->second = flatten(label.take_blocks());
      it->second.links.clear();
      if (code_points(it->second.text, kMaxLabelChars) > kMaxLabelChars) it->second = {};
    }
    return it->second;
  }

  // The first <h1> names the item: its text becomes the title, and its block a plain line, so
  // the recogniser does not take the item's name for a section label.
  void take_title(Sink& s, std::size_t mark) {
    for (std::size_t k = mark; k < s.blocks.size(); ++k) {
      Block& b = s.blocks[k];
      if (b.kind == Block::Kind::row || blank(b.text.text)) continue;
      if (!title_.text.empty()) {
        const std::uint32_t at = b.text.pieces.empty() ? 0 : b.text.pieces.front().source;
        title_.opaque(" ", at, at);
      }
      append(title_, b.text);
      b.kind = Block::Kind::line;
    }
    title_.links.clear();
    if (blank(title_.text)) {
      title_ = TextBuilder{};
      title_taken_ = false;  // an empty <h1>: the next one may name the item
    }
  }

  // A pane that starts with its own heading does not need the tab's.
  void drop_repeated_heading(Sink& s, std::size_t mark) {
    if (mark >= s.blocks.size()) return;
    std::uint32_t b = 0;
    auto e = static_cast<std::uint32_t>(s.blocks[mark].text.text.size());
    trim_range(s.blocks[mark].text.text, b, e);
    const std::string_view tab = std::string_view(s.blocks[mark].text.text).substr(b, e - b);
    for (std::size_t k = mark + 1; k < s.blocks.size(); ++k) {
      const Block& next = s.blocks[k];
      if (blank_block(next)) continue;
      const TextBuilder* first = &next.text;
      if (next.kind == Block::Kind::row) {
        const auto it = std::find_if(next.cells.begin(), next.cells.end(),
                                     [](const TextBuilder& c) { return !blank(c.text); });
        if (it == next.cells.end()) return;
        first = &*it;
      }
      std::uint32_t fb = 0;
      auto fe = static_cast<std::uint32_t>(first->text.size());
      trim_range(first->text, fb, fe);
      if (std::string_view(first->text).substr(fb, fe - fb).starts_with(tab))
        s.blocks[mark] = Block{};
      return;
    }
  }

  // A closed table or <dl>: its rows, into the sink it opened in.
  void emit(Grid& g) {
    Sink& out = sink();
    out.flush();
    struct Above {
      int left = 0;
      TextBuilder text;  // repeated in the rows below, or empty
    };
    std::vector<Above> above;  // per column, up to kMaxColumns
    // Cells made up for spans, at most one per cell of the table, so that spans cannot
    // multiply a page's size.
    std::size_t made_up = kMaxColumns;
    for (const std::vector<Cell>& row : g.rows)
      made_up += row.size();
    const auto filler = [&](std::vector<TextBuilder>& cells, const TextBuilder& text) {
      if (made_up == 0) return;
      --made_up;
      cells.push_back(text);
    };
    for (std::vector<Cell>& row : g.rows) {
      // A row that holds a page's layout, not a label and its value: one cell with content, or
      // cells with tables or several paragraphs and no label-sized cell before them. Its cells'
      // blocks are read as if the table were not there.
      std::size_t filled = 0;
      bool label_before = false;
      bool layout = false;
      for (const Cell& c : row) {
        if (c.sink == nullptr) continue;
        std::size_t blocks = 0;
        bool structured = false;
        const Block* only = nullptr;
        for (const Block& b : c.sink->blocks) {
          if (blank_block(b)) continue;
          ++blocks;
          only = &b;
          structured = structured || b.kind != Block::Kind::line;
        }
        if (blocks == 0) continue;
        ++filled;
        structured = structured || blocks > 1;
        if (structured && !label_before) layout = true;
        if (!structured && only != nullptr &&
            code_points(only->text.text, kMaxLabelChars) <= kMaxLabelChars)
          label_before = true;
      }
      const bool data = filled > 1 && !layout;
      std::vector<TextBuilder> cells;
      std::size_t col = 0;
      const auto fill_above = [&] {
        while (col < above.size() && above[col].left > 0) {
          --above[col].left;
          filler(cells, above[col].text);
          ++col;
        }
      };
      for (Cell& c : row) {
        fill_above();
        TextBuilder t;
        if (data && c.sink != nullptr) t = flatten(std::move(c.sink->blocks));
        const std::size_t span = std::clamp<std::size_t>(c.colspan, 1, kMaxColumns);
        const int rowspan = g.dl ? 1 : std::min(c.rowspan, kMaxRowspan);
        if (rowspan > 1 && col < kMaxColumns) {
          const std::size_t end = std::min(col + span, kMaxColumns);
          if (above.size() < end) above.resize(end);
          for (std::size_t k = col; k < end; ++k) {
            above[k].left = rowspan - 1;
            // A label heading a group of rows (first column) is not repeated: the rows below
            // continue its element. A short value beside several labels is given to each.
            const bool repeat = k == col && col > 0 && t.size() <= kMaxRepeatedBytes;
            above[k].text = repeat ? t : TextBuilder{};
          }
        }
        cells.push_back(std::move(t));
        for (std::size_t k = 1; k < span; ++k)
          filler(cells, {});
        col += span;
      }
      // Spans from above to the right of this row's own cells.
      std::size_t last = col;
      for (std::size_t k = col; k < above.size(); ++k) {
        if (above[k].left > 0) last = k + 1;
      }
      for (; col < last; ++col) {
        if (above[col].left > 0) {
          --above[col].left;
          filler(cells, above[col].text);
        } else {
          filler(cells, {});
        }
      }
      if (data) {
        Block b;
        b.kind = Block::Kind::row;
        b.cells = std::move(cells);
        out.blocks.push_back(std::move(b));
        continue;
      }
      for (Cell& c : row) {
        if (c.sink == nullptr) continue;
        for (Block& b : c.sink->blocks) {
          if (blank_block(b)) continue;
          // A lone header cell (<th colspan=4>基本信息</th>) heads what follows.
          if (c.header && filled == 1 && b.kind == Block::Kind::line) b.kind = Block::Kind::heading;
          out.blocks.push_back(std::move(b));
        }
      }
    }
  }

  // A text node, from its bytes in the page.
  void text(const GumboNode* node) {
    const GumboText& t = node->v.text;
    if (!inside(t.original_text)) return;  // text gumbo made up
    const std::uint32_t at = offset(t.original_text.data);
    const std::string_view raw = html_.substr(at, t.original_text.length);
    const GumboTag parent = tag_of(node->parent);
    const bool raw_text =
        node->type == GUMBO_NODE_CDATA || parent == GUMBO_TAG_XMP || parent == GUMBO_TAG_PLAINTEXT;
    const bool rcdata = parent == GUMBO_TAG_TITLE;
    Sink& s = sink();
    const bool emphasised = heading_ > 0 || bold_ > 0;
    std::string decoded;
    std::size_t i = 0;
    const std::size_t n = raw.size();
    const auto nbsp = [&](std::size_t k) {
      return k + 1 < n && raw[k] == '\xC2' && raw[k + 1] == '\xA0';
    };
    while (i < n) {
      const char c = raw[i];
      if (c == '<' && !raw_text && !rcdata) {
        if (const std::size_t len = markup_length(raw, i)) {
          i += len;
          continue;
        }
      }
      if (c == '&' && !raw_text) {
        char32_t cp = 0;
        if (const std::size_t len = html_reference(raw.substr(i), decoded, cp)) {
          const auto b = static_cast<std::uint32_t>(at + i);
          if (collapsible(cp) && pre_ == 0) {
            s.whitespace(b, b + static_cast<std::uint32_t>(len), false);
          } else {
            s.settle(emphasised);
            s.line.opaque(decoded, b, b + static_cast<std::uint32_t>(len));
          }
          i += len;
          continue;
        }
      }
      if (html_space(c) || nbsp(i)) {
        if (pre_ > 0) {
          if (c == '\n' || c == '\r') {
            s.flush();
            i += c == '\r' && i + 1 < n && raw[i + 1] == '\n' ? 2 : 1;
          } else {
            const std::size_t len = nbsp(i) ? 2 : 1;
            s.settle(emphasised);
            s.line.exact(raw.substr(i, len), static_cast<std::uint32_t>(at + i));
            i += len;
          }
          continue;
        }
        const std::size_t b = i;
        while (i < n && (html_space(raw[i]) || nbsp(i)))
          i += nbsp(i) ? 2 : 1;
        s.whitespace(static_cast<std::uint32_t>(at + b), static_cast<std::uint32_t>(at + i),
                     i - b == 1 && c == ' ');
        continue;
      }
      // A run of plain text, up to the next byte that may need a look.
      std::size_t e = i + 1;
      while (true) {
        e = next_text_stop(raw, e, n);
        if (e < n && raw[e] == '\xC2' && !nbsp(e)) {  // a character other than NBSP
          ++e;
          continue;
        }
        break;
      }
      s.settle(emphasised);
      s.line.exact(std::string_view(raw.data() + i, e - i), static_cast<std::uint32_t>(at + i));
      i = e;
    }
  }

  std::string_view html_;
  std::string_view parsed_;
  const Page* page_;
  std::vector<std::unique_ptr<Sink>> sinks_;
  std::vector<std::unique_ptr<Grid>> grids_;
  std::vector<std::size_t> tables_;  // open <table>s: 1 + the index of their grid, 0 if none
  int heading_ = 0;
  int bold_ = 0;
  int pre_ = 0;
  int sections_ = 0;
  bool title_taken_ = false;
  TextBuilder title_;
  std::unordered_map<const GumboNode*, TextBuilder> tab_labels_;
};

// The <title> without the site's name: "取水许可_某市人民政府" → "取水许可".
TextBuilder page_title(std::string_view html, std::string_view parsed, const GumboNode* title) {
  Walker w(html, parsed, nullptr);
  w.read(title);
  TextBuilder t = flatten(w.take_blocks());
  t.links.clear();
  std::size_t cut = std::string::npos;
  for (std::string_view sep : {" - ", " | ", "_", "｜", " — "}) {
    const std::size_t at = t.text.find(sep);
    if (at != std::string::npos && at > 0) cut = std::min(cut, at);
  }
  if (cut != std::string::npos && !blank(std::string_view(t.text).substr(0, cut)))
    t.erase(static_cast<std::uint32_t>(cut), t.size());
  return t;
}

Diagnostic problem(std::string message_id, std::vector<Arg> args, std::uint32_t at) {
  Diagnostic d;
  d.rule_id = "parse-error";
  d.severity = Severity::error;
  d.message_id = std::move(message_id);
  d.args = std::move(args);
  d.span = Span{at, at + 1};
  d.fatal = true;
  return d;
}

}  // namespace

// With `problems`, a page gumbo cannot read in reasonable time and memory is reported there and
// not read; without, as much of it as can be read is.
// Every comment of the tree, wherever it is (head, navigation and scripts' neighbours included):
// suppressions may be written anywhere.
void collect_comments(const GumboNode* root, std::string_view parsed,
                      std::vector<HtmlDocument::Comment>& out) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_COMMENT) {
      const GumboStringPiece& raw = n->v.text.original_text;
      if (raw.data == nullptr || raw.data < parsed.data() ||
          raw.length > static_cast<std::size_t>(parsed.data() + parsed.size() - raw.data))
        continue;
      const auto begin = static_cast<std::uint32_t>(raw.data - parsed.data());
      const std::string_view whole(raw.data, raw.length);
      const std::uint32_t open = whole.starts_with("<!--") ? 4 : 0;
      out.push_back({n->v.text.text, begin + open,
                     Span{begin, begin + static_cast<std::uint32_t>(raw.length)}});
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE)
      continue;
    const GumboVector& kids =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    for (unsigned k = kids.length; k > 0; --k) {
      const auto* child = static_cast<const GumboNode*>(kids.data[k - 1]);
      if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE &&
          child->type != GUMBO_NODE_CDATA)  // text holds no comment
        stack.push_back(child);
    }
  }
}

HtmlDocument read_html(std::string_view html, std::vector<Diagnostic>* problems,
                       std::size_t max_depth, bool comments) {
  HtmlDocument doc;
  if (html.size() > UINT32_MAX) return doc;
  std::string parsed(html);
  std::vector<std::uint32_t> foreign = rename_foreign(parsed);
  const Guard g = guard(parsed, max_depth);
  if (g.problem != Guard::Problem::none) {
    if (problems != nullptr) {
      if (g.problem == Guard::Problem::too_deep) {
        problems->push_back(problem("parse-error.too-deep",
                                    {{"limit", static_cast<std::int64_t>(max_depth)}}, g.at));
      } else {
        problems->push_back(problem("parse-error.html-attributes",
                                    {{"limit", static_cast<std::int64_t>(kMaxAttributes)}}, g.at));
      }
      return doc;
    }
    html = html.substr(0, g.at);  // what comes before the tag that goes too far
    parsed.resize(g.at);
  }
  Arena arena(kMemoryBase + kMemoryPerByte * parsed.size());
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena;
  options.max_errors = 0;  // each error keeps a copy of the open elements
  const GumboOutput* out = parse_in(arena, options, parsed.data(), parsed.size());
  if (out == nullptr) {
    if (problems != nullptr) {
      problems->push_back(problem("parse-error.html-too-large",
                                  {{"limit", static_cast<std::int64_t>(arena.limit >> 20)}}, 0));
    }
    return doc;
  }
  const Page page = survey(out->document, std::move(foreign));
  Walker w(html, parsed, &page);
  w.read(out->document);
  doc.blocks = w.take_blocks();
  doc.title = w.take_title();
  if (comments) collect_comments(out->document, parsed, doc.comments);
  if (blank(doc.title.text) && page.title != nullptr)
    doc.title = page_title(html, parsed, page.title);
  // The tree lives in the arena, which goes with it.
  return doc;
}

}  // namespace guidelint::parse
