#include "parse/blocks.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>

#include "text/utf8.hpp"

namespace guidelint::parse {

namespace {

// ── Lines ────────────────────────────────────────────────────────────────────────────────────────

// Labels are short: "监督投诉电话", "审批结果的有效期限". Longer text before a colon is a sentence.
constexpr std::size_t kMaxLabelChars = 24;
// A label the profile does not know is only taken as one when it is this short and marked as a
// label by its layout (a heading, a clause number, brackets).
constexpr std::size_t kMaxUnknownLabelChars = 10;

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n)
    utf8::next(s, i);
  return n;
}

// How many bytes utf8::next reads at s[i]: at once for ASCII and valid three-byte sequences
// (almost all of Chinese text).
inline std::size_t unit_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  if ((b0 & 0xF0) == 0xE0 && i + 3 <= s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    const bool valid = (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && !(b0 == 0xE0 && b1 < 0xA0) &&
                       !(b0 == 0xED && b1 >= 0xA0);  // overlong, surrogate
    return valid ? 3 : 1;
  }
  std::size_t j = i;
  utf8::next(s, j);
  return j - i;
}

// code_points(s) <= limit, reading no further than that.
bool at_most(std::string_view s, std::size_t limit) {
  // A code point takes one byte at least and four at most: most texts are told by their size.
  if (s.size() <= limit) return true;
  if (s.size() > 4 * limit) return false;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    if (n == limit) return false;
    i += unit_length(s, i);
  }
  return true;
}

bool is_colon(char32_t c) {
  return c == ':' || c == U'：';
}

// Scanning bytes instead of decoding every code point: a byte that is not a continuation byte
// starts a code point wherever utf8::next reading from an earlier one is (a code point of several
// bytes covers continuation bytes only), so the first colon or space that decoding from `from`
// would meet is the first byte at or after `from` that starts one.

// Offset of the first ':' or '：' in s[from, to), or npos.
std::size_t next_colon(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes at a time, looking closer only at ':' and at 0xEF, the full-width colon's lead
  // byte (which most full-width punctuation shares).
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i lead = _mm_set1_epi8('\xEF');
  while (i + 16 <= to) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, lead));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(m)); bits != 0; bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if (s[at] == ':' || (at + 2 < s.size() && s[at + 1] == '\xBC' && s[at + 2] == '\x9A'))
        return at;
    }
    i += 16;
  }
#endif
  for (; i < to; ++i) {
    const char c = s[i];
    if (c == ':') return i;
    if (c == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBC' && s[i + 2] == '\x9A') return i;
  }
  return std::string_view::npos;
}

// Does utf8::is_space take the code point utf8::next reads at s[i] for whitespace?
inline bool space_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (!utf8::may_begin_space(c) || i + 1 >= s.size()) return false;
  // Full-width punctuation (，：（）) and the ideographic comma and stop share lead bytes with
  // spaces, but not their second byte or, for the stop and comma, their third (U+3000 is
  // E3 80 80): told apart without decoding.
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if ((detail::kSpaceBytes[c1] & (detail::kMayPenult | detail::kMayEnd)) == 0) return false;
  if (c == 0xE3) return i + 2 < s.size() && c1 == 0x80 && s[i + 2] == '\x80';
  std::size_t j = i;
  return utf8::is_space(utf8::next(s, j));
}

// Offset of the first code point in s[from, to) that utf8::is_space takes for whitespace, or npos.
std::size_t next_space(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes at a time, looking closer only where one may start a space: a byte up to ' ',
  // or one of the lead bytes above.
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i c2 = _mm_set1_epi8('\xC2');
  const __m128i e1 = _mm_set1_epi8('\xE1');
  const __m128i two = _mm_set1_epi8(2);
  const __m128i ef = _mm_set1_epi8('\xEF');
  while (i + 16 <= to) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, space), v);
    // E1, E2 and E3 at once: the bytes that E1 subtracted (with wraparound) leaves below 3.
    const __m128i e1_e3 =
        _mm_cmpeq_epi8(_mm_min_epu8(_mm_sub_epi8(v, e1), two), _mm_sub_epi8(v, e1));
    const __m128i m = _mm_or_si128(_mm_or_si128(low, e1_e3),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, ef)));
    for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(m)); bits != 0; bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if (space_at(s, at)) return at;
    }
    i += 16;
  }
#endif
  for (; i < to; ++i) {
    if (space_at(s, i)) return i;
  }
  return std::string_view::npos;
}

// Letters only: CJK ideographs or Latin letters, as unknown labels are ("受理方法", "Fees").
bool looks_like_label(std::string_view s) {
  if (s.empty() || !at_most(s, kMaxUnknownLabelChars)) return false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::next(s, i);
    const bool cjk = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
    const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!cjk && !latin && c != ' ') return false;
  }
  return true;
}

// Starts with a clause number in Chinese numerals: "一、", "二十、", "（三）", "(四)".
bool chinese_clause(std::string_view line) {
  std::size_t j = 0;
  char32_t c = utf8::next(line, j);
  if (c == '(' || c == U'（') c = j < line.size() ? utf8::next(line, j) : U'\0';
  static constexpr std::u32string_view kNumerals = U"〇零一二三四五六七八九十百";
  return kNumerals.find(c) != std::u32string_view::npos;
}

struct LabelMatch {
  std::uint32_t label_begin = 0;  // the label as written, clause number and brackets excluded
  std::uint32_t label_end = 0;
  std::uint32_t value_begin = 0;            // where its value starts on the same line
  const config::ElementDef* def = nullptr;  // nullptr: a label the profile does not know
};

// Offset of the first colon in s at or after `from`, within `limit` code points; npos if none.
std::size_t find_colon(std::string_view s, std::size_t from, std::size_t limit) {
  // The first colon's bytes, among the bytes those code points can take (four at most each),
  // and then whether it is one of them.
  const std::size_t colon = next_colon(s, from, std::min(s.size(), from + 4 * (limit + 1)));
  if (colon == std::string_view::npos || colon - from <= limit) return colon;
  std::size_t n = 0;
  for (std::size_t i = from; i < colon; ++n) {
    if (n == limit) return std::string_view::npos;
    i += unit_length(s, i);
  }
  return colon;
}

// Length of s without the colons (half or full width) it ends with.
std::size_t without_trailing_colons(std::string_view s) {
  while (!s.empty()) {
    if (s.back() == ':') {
      s.remove_suffix(1);
    } else if (s.ends_with("：")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s.size();
}

std::uint32_t skip_colon_and_space(std::string_view s, std::uint32_t at) {
  std::size_t i = at;
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t c = utf8::next_fast(s, j);
    if (!is_colon(c) && !utf8::is_space(c)) break;
    i = j;
  }
  return static_cast<std::uint32_t>(i);
}

// The label a line starts with, if it starts with one.
// A label that names a field of the guide rather than an element: its date ("更新时间").
bool field_label(std::string_view label, const config::Profile& profile) {
  return profile.resolve_field(config::strip_enumerator(label)) == config::Field::updated;
}

std::optional<LabelMatch> match_line(std::string_view t, bool heading,
                                     const config::Profile& profile) {
  std::uint32_t b = 0;
  auto e = static_cast<std::uint32_t>(t.size());
  trim_range(t, b, e);
  if (b >= e) return std::nullopt;
  const std::string_view line = t.substr(b, e - b);
  const std::string_view rest = config::strip_enumerator(line);
  // Clause numbers in Chinese numerals ("十二、", "（三）") number a guide's sections; Arabic
  // ones ("1.", "2、") just as often number the steps or materials inside one. (Asked only of a
  // candidate label that nothing else decides.)
  const auto clause = [&] { return rest.size() != line.size() && chinese_clause(line); };
  const auto o = static_cast<std::uint32_t>(b + (line.size() - rest.size()));
  const auto make = [&](std::uint32_t lb, std::uint32_t le, std::uint32_t vb,
                        const config::ElementDef* def) {
    trim_range(t, lb, le);
    return LabelMatch{lb, le, vb, def};
  };

  // 【设定依据】《中华人民共和国……》 (Each bracket starts with '[' or one of two lead bytes.)
  const auto first = static_cast<unsigned char>(rest.empty() ? '\0' : rest.front());
  const bool bracket = first == '[' || first == 0xE3 || first == 0xEF;
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"【", "】"},
                                    {"[", "]"},
                                    {"〔", "〕"},
                                    {"［", "］"}}) {
    if (!bracket || !rest.starts_with(open)) continue;
    const std::size_t c = rest.find(close);
    if (c == std::string_view::npos || !at_most(rest.substr(0, c), kMaxLabelChars)) break;
    const auto lb = static_cast<std::uint32_t>(o + open.size());
    const auto le = static_cast<std::uint32_t>(o + c);
    const std::string_view label = t.substr(lb, le - lb);
    const config::ElementDef* def = profile.resolve_label(label);
    if (def == nullptr && !looks_like_label(label)) break;
    return make(lb, le, skip_colon_and_space(t, static_cast<std::uint32_t>(o + c + close.size())),
                def);
  }

  // The whole line is a label: "办理流程", "二、办理地点：". (A line of more bytes than a label
  // of four-byte code points has is no label: not looked up.)
  if (rest.size() <= 4 * kMaxLabelChars) {
    if (const config::ElementDef* def = profile.resolve_label(rest);
        def != nullptr && at_most(rest, kMaxLabelChars)) {
      return make(o, o + static_cast<std::uint32_t>(without_trailing_colons(rest)), e, def);
    }
  }

  // "设定依据：《……》", "1、办理依据:《……》".
  if (const std::size_t c = find_colon(t, o, kMaxLabelChars + 1);
      c != std::string_view::npos && c > o) {
    const std::string_view candidate = t.substr(o, c - o);
    const config::ElementDef* def = profile.resolve_label(candidate);
    // "更新时间：…": not an element, but a field of the guide the engine reads from it. (Asked
    // last: a label by its layout is taken the same way.)
    if (def != nullptr || ((heading || clause()) && looks_like_label(candidate)) ||
        field_label(candidate, profile)) {
      return make(o, static_cast<std::uint32_t>(c),
                  skip_colon_and_space(t, static_cast<std::uint32_t>(c)), def);
    }
  }

  // "收费标准 不收费": a known label, whitespace, the value.
  if (const std::size_t at = next_space(t, o, e); at != std::string_view::npos) {
    if (const config::ElementDef* def = profile.resolve_label(t.substr(o, at - o))) {
      return make(o, static_cast<std::uint32_t>(at),
                  skip_colon_and_space(t, static_cast<std::uint32_t>(at)), def);
    }
  }

  // A heading names a section even when the profile does not know it, so that what follows is
  // not taken for part of the element before.
  if (heading && at_most(rest, kMaxLabelChars)) return make(o, e, e, nullptr);
  return std::nullopt;
}

// Further "label：value" pairs inside a value, as pages that run all elements into one cell
// have them ("设定依据:《……》 申请条件:……"): known labels only, each after whitespace.
std::vector<LabelMatch> inner_pairs(std::string_view t, std::uint32_t from,
                                    const config::Profile& profile) {
  std::vector<LabelMatch> out;
  for (std::size_t colon = next_colon(t, from, t.size()); colon != std::string_view::npos;
       colon = next_colon(t, colon + 1, t.size())) {
    // Walk back over the candidate label to the whitespace before it.
    std::size_t start = colon;
    std::size_t n = 0;
    while (start > from && n < kMaxLabelChars) {
      std::size_t s = start - 1;
      while (s > from && (static_cast<unsigned char>(t[s]) & 0xC0) == 0x80)
        --s;
      if (space_at(t, s)) break;
      start = s;
      ++n;
    }
    if (start == from || start == colon) continue;  // the value's own first words
    const std::string_view candidate = t.substr(start, colon - start);
    if (const config::ElementDef* def = profile.resolve_label(candidate)) {
      out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(colon),
                     skip_colon_and_space(t, static_cast<std::uint32_t>(colon)), def});
    }
  }
  return out;
}

class Recogniser {
 public:
  // `blocks`: how many blocks there are to read, as a guess of how many elements there may be.
  Recogniser(const Context& context, std::size_t blocks) : profile_(context.profile) {
    // Elements are large to move: room for a guide's usual few dozen at once.
    guide_.elements.reserve(std::min<std::size_t>(blocks, 32));
  }

  void line(const TextBuilder& text, bool heading) {
    std::optional<LabelMatch> m = match_line(text.text, heading, profile_);
    // A heading before any element that the profile does not know is the document's title
    // (a field of the guide, such as its date, is not).
    if (m && m->def == nullptr && !current_ && guide_.elements.empty() &&
        !field_label(text.text.substr(m->label_begin, m->label_end - m->label_begin), profile_))
      m.reset();
    if (!m) {
      value(text, 0, text.size());
      return;
    }
    // Each value runs to the next label on the same line, if there is one; the line is scanned
    // for them once, so a line of thousands of pairs costs what its length does.
    const std::vector<LabelMatch> more = inner_pairs(text.text, m->value_begin, profile_);
    for (std::size_t k = 0; k <= more.size(); ++k) {
      const LabelMatch& pair = k == 0 ? *m : more[k - 1];
      start(text, pair);
      value(text, pair.value_begin, k < more.size() ? more[k].label_begin : text.size());
    }
  }

  void row(const std::vector<TextBuilder>& cells) {
    std::vector<std::optional<LabelMatch>> match(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string_view t = cells[i].text;
      std::uint32_t b = 0;
      auto e = static_cast<std::uint32_t>(t.size());
      trim_range(t, b, e);
      std::string_view cell = t.substr(b, e - b);
      cell = cell.substr(0, without_trailing_colons(cell));
      if (cell.empty() || !at_most(cell, kMaxLabelChars)) continue;
      const config::ElementDef* def = profile_.resolve_label(cell);
      const bool colon = cell.size() < e - b;  // written with a colon: a label by layout
      if (def != nullptr || (colon && looks_like_label(config::strip_enumerator(cell))) ||
          field_label(cell, profile_)) {
        const auto lb =
            static_cast<std::uint32_t>(b + (cell.size() - config::strip_enumerator(cell).size()));
        match[i] = LabelMatch{lb, static_cast<std::uint32_t>(b + cell.size()), e, def};
      }
    }
    bool any = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!match[i]) continue;
      any = true;
      start(cells[i], *match[i]);
      // "办理时限 | 法定时限 | 20个工作日": a label heading the known label beside it has no
      // value of its own.
      if (i + 2 < cells.size() && match[i + 1] && match[i + 1]->def != nullptr && !match[i + 2])
        continue;
      // The cell right after a label is its value even if it reads like a label ("办理地点 |
      // 办事窗口"); further cells belong to it up to the next label, all one entry ("1 | 申请书").
      std::size_t j = i + 1;
      while (j < cells.size() && (j == i + 1 || !match[j]))
        ++j;
      const TextBuilder joined = join(cells, i + 1, j);
      value(joined, 0, joined.size());
      i = j - 1;
    }
    if (any) return;
    // Cells that hold "label：value" themselves ("办理地点：某中心 | 办理时间：工作日") are read as
    // lines; a row without any labels (a materials table's rows) continues the element before it.
    const bool labelled = std::any_of(cells.begin(), cells.end(), [&](const TextBuilder& c) {
      const std::optional<LabelMatch> m = match_line(c.text, false, profile_);
      return m && m->def != nullptr;
    });
    if (labelled) {
      for (const TextBuilder& c : cells)
        line(c, false);
      return;
    }
    const TextBuilder joined = join(cells, 0, cells.size());
    value(joined, 0, joined.size());
  }

  // Cells [from, to) as one text, separated by spaces.
  static TextBuilder join(const std::vector<TextBuilder>& cells, std::size_t from, std::size_t to) {
    TextBuilder joined;
    for (std::size_t k = from; k < to && k < cells.size(); ++k) {
      if (blank(cells[k].text)) continue;
      const std::uint32_t at = source_span(cells[k]).begin;
      if (!joined.text.empty()) joined.opaque(" ", at, at);
      append(joined, cells[k]);
    }
    return joined;
  }

  Guide finish(const TextBuilder& title) {
    close();
    const bool has_name = std::any_of(guide_.elements.begin(), guide_.elements.end(),
                                      [](const Element& e) { return e.id == "name"; });
    const TextBuilder& name = !blank(title.text) ? title : first_line_;
    if (!has_name && !blank(name.text) && code_points(name.text) <= 60) {
      // The document's title names the item when no element does.
      Element e;
      e.id = "name";
      e.key = "title";
      TextBuilder t = name;
      t.trim(0, t.size(), e.items, e.links);
      e.text = t.text;
      e.pieces = t.pieces;
      e.span = source_span(t);
      e.items.push_back({0, static_cast<std::uint32_t>(e.text.size())});
      guide_.elements.insert(guide_.elements.begin(), std::move(e));
    }
    if (!guide_.elements.empty()) {
      const Element& first = guide_.elements.front();
      guide_.span = first.label_span.empty() ? first.span : first.label_span;
    }
    return std::move(guide_);
  }

 private:
  struct Current {
    Element element;
    TextBuilder value;
  };

  void start(const TextBuilder& line, const LabelMatch& m) {
    close();
    Current& c = current_.emplace();
    // A value is read a line at a time: room for a few lines at once rather than growing from
    // nothing.
    c.value.text.reserve(256);
    c.value.pieces.reserve(8);
    c.element.items.reserve(8);
    c.element.label_span = slice_source_span(line, m.label_begin, m.label_end);
    c.element.label = line.text.substr(m.label_begin, m.label_end - m.label_begin);
    c.element.span = c.element.label_span;
    if (m.def != nullptr) c.element.id = m.def->id;
  }

  void value(const TextBuilder& line, std::uint32_t begin, std::uint32_t end) {
    std::uint32_t b = begin;
    std::uint32_t e = end;
    trim_range(line.text, b, e);
    if (b >= e) {
      // No text, but maybe an image (a flowchart): its link belongs to the element.
      if (!current_) return;
      for (Link l : line.links) {
        if (l.begin < begin || l.end > end) continue;
        l.begin = l.end = current_->value.size();
        current_->value.links.push_back(std::move(l));
      }
      return;
    }
    if (!current_) {
      // Text before any label: the title.
      if (blank(first_line_.text)) first_line_ = slice(line, b, e);
      return;
    }
    TextBuilder& v = current_->value;
    if (!v.text.empty()) v.block_break(slice_source_span(line, b, e).begin);
    const std::uint32_t at = v.size();
    append_slice(v, line, b, e);
    // One entry per line: a cell may hold several (<br>, paragraphs, an inner table's rows).
    for (std::size_t from = at;;) {
      const std::size_t nl = v.text.find('\n', from);
      auto ib = static_cast<std::uint32_t>(from);
      auto ie = static_cast<std::uint32_t>(nl == std::string::npos ? v.text.size() : nl);
      trim_range(v.text, ib, ie);
      if (ib < ie) current_->element.items.push_back({ib, ie});
      if (nl == std::string::npos) break;
      from = nl + 1;
    }
  }

  void close() {
    if (!current_) return;
    Element& e = current_->element;
    TextBuilder& v = current_->value;
    e.text = std::move(v.text);
    e.pieces = std::move(v.pieces);
    e.links = std::move(v.links);
    for (const TextPiece& p : e.pieces)
      e.span.end = std::max(e.span.end, p.source_end);
    guide_.elements.push_back(std::move(e));
    current_.reset();
  }

  const config::Profile& profile_;
  Guide guide_;
  std::optional<Current> current_;
  TextBuilder first_line_;
};

}  // namespace

Span source_span(const TextBuilder& text) {
  if (text.pieces.empty()) return {};
  Span s{text.pieces.front().source, text.pieces.front().source_end};
  for (const TextPiece& p : text.pieces) {
    s.begin = std::min(s.begin, p.source);
    s.end = std::max(s.end, p.source_end);
  }
  return s;
}

namespace {

// The pieces of text [begin, end) as slice() gives them (text offsets from `begin`), in order.
template <typename F>
void slice_pieces(const TextBuilder& text, std::uint32_t begin, std::uint32_t end, F&& each) {
  // Only the pieces that overlap the range are looked at: slicing a long line is cheap.
  auto it = std::upper_bound(text.pieces.begin(), text.pieces.end(), begin,
                             [](std::uint32_t v, const TextPiece& p) { return v < p.text; });
  if (it != text.pieces.begin()) --it;
  for (; it != text.pieces.end() && it->text < end; ++it) {
    const std::uint32_t piece_end = it + 1 != text.pieces.end() ? (it + 1)->text : text.size();
    if (piece_end <= begin) continue;
    const std::uint32_t b = std::max(it->text, begin);
    TextPiece q = *it;
    q.text = b - begin;
    if (it->exact) {
      q.source = it->source + (b - it->text);
      q.source_end = it->source + (std::min(piece_end, end) - it->text);
    }
    each(q);
  }
}

// The links of text [begin, end) as slice() gives them, in order: links over the range, and
// links without text (images) at its ends.
template <typename F>
void slice_links(const TextBuilder& text, std::uint32_t begin, std::uint32_t end, F&& each) {
  for (const Link& link : text.links) {
    const bool overlaps = link.begin < end && link.end > begin;
    const bool image_here = link.begin == link.end && link.begin >= begin && link.begin <= end;
    if (!overlaps && !image_here) continue;
    Link l = link;
    l.begin = std::max(l.begin, begin) - begin;
    l.end = std::min(l.end, end) - begin;
    each(std::move(l));
  }
}

}  // namespace

TextBuilder slice(const TextBuilder& text, std::uint32_t begin, std::uint32_t end) {
  TextBuilder out;
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  out.text = text.text.substr(begin, end - begin);
  slice_pieces(text, begin, end, [&](const TextPiece& q) { out.pieces.push_back(q); });
  slice_links(text, begin, end, [&](Link l) { out.links.push_back(std::move(l)); });
  return out;
}

Span slice_source_span(const TextBuilder& text, std::uint32_t begin, std::uint32_t end) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  bool any = false;
  Span s;
  slice_pieces(text, begin, end, [&](const TextPiece& q) {
    s.begin = any ? std::min(s.begin, q.source) : q.source;
    s.end = any ? std::max(s.end, q.source_end) : q.source_end;
    any = true;
  });
  return s;
}

void append_slice(TextBuilder& text, const TextBuilder& from, std::uint32_t begin,
                  std::uint32_t end) {
  end = std::min(end, from.size());
  begin = std::min(begin, end);
  const std::uint32_t shift = text.size();
  slice_pieces(from, begin, end, [&](TextPiece q) {
    q.text += shift;
    text.pieces.push_back(q);
  });
  slice_links(from, begin, end, [&](Link l) {
    l.begin += shift;
    l.end += shift;
    text.links.push_back(std::move(l));
  });
  text.text.append(from.text, begin, end - begin);
}

void append(TextBuilder& text, const TextBuilder& more) {
  const std::uint32_t shift = text.size();
  for (TextPiece p : more.pieces) {
    p.text += shift;
    text.pieces.push_back(p);
  }
  for (Link l : more.links) {
    l.begin += shift;
    l.end += shift;
    text.links.push_back(std::move(l));
  }
  text.text += more.text;
}

Guide recognise(const std::vector<Block>& blocks, const Context& context,
                const TextBuilder& title) {
  Recogniser r(context, blocks.size());
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::row) {
      r.row(b.cells);
    } else {
      r.line(b.text, b.kind == Block::Kind::heading);
    }
  }
  return r.finish(title);
}

}  // namespace guidelint::parse
