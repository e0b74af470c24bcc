// What the format rules (time-limit-format, contact-format, fee-basis) share: an element's text
// read character by character, folded (script, width, case) but with its punctuation kept in view,
// since "0371-1234567；0371-7654321", "9:00" and "财综〔2012〕97号" mean what they mean through
// their marks; numbers in Arabic, full-width or Chinese numerals; phrase lists from options.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace guidelint::rules::scan {

// One character of an element's text.
struct Char {
  // Left unset: chars() makes room for a text's characters before it knows them.
  Char() {}
  Char(char32_t c, std::uint32_t begin, std::uint32_t end, bool gap)
      : c(c), begin(begin), end(end), gap(gap) {}

  // Folded (simplified, half-width, lower case). For a character folding removes (spaces,
  // punctuation) the character itself, width-folded: '：' is ':', '（' '(', any dash '-', any space
  // ' '.
  char32_t c;
  std::uint32_t begin;  // its bytes in the element's text
  std::uint32_t end;
  bool gap;  // folding removes it
};

inline char32_t mark(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
  switch (cp) {
    case 0x3000:
    case 0x00A0:
    case '\t':
    case '\n':
    case '\r':
      return ' ';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
      return '-';
    case 0xFE5D:  // ﹝
    case 0x3016:  // 〖
      return 0x3014;
    case 0xFE5E:
    case 0x3017:
      return 0x3015;
    default:
      return cp;
  }
}

// A character that folding changes into several, or one outside the BMP: put at out[count],
// with room made for it and for one character for each of the `left` bytes after it. The new
// count. Apart from chars(), whose loop is kept small for the common characters.
[[gnu::noinline]] inline std::size_t rare_char(char32_t cp, std::uint32_t begin, std::uint32_t end,
                                               std::size_t left, std::vector<Char>& out,
                                               std::size_t count) {
  char32_t one = 0;
  std::u32string scratch;
  const std::u32string_view f = text::fold_code_point(cp, one, scratch);
  const std::size_t need = count + std::max<std::size_t>(f.size(), 1) + left;
  if (out.size() < need) out.resize(need);
  if (f.empty()) {
    out[count++] = {mark(cp), begin, end, true};
  } else {
    for (const char32_t c : f)
      out[count++] = {c, begin, end, false};
  }
  return count;
}

// The characters of text into out, whose memory is kept from call to call.
inline void chars(std::string_view text, std::vector<Char>& out) {
  // A character is at least one byte and folds to one character, save the few that fold to
  // several: room for one per byte is made at once, and more only for those.
  if (out.size() < text.size()) out.resize(text.size());
  const std::size_t n = text.size();
  Char* o = out.data();
  std::size_t count = 0;
  // The folding table as text::table::entry reads it, its pointers read once: else each store
  // below could have changed them, for all the compiler knows, and they are read again.
  const std::uint16_t* const index = text::table::index;
  const std::uint32_t* const blocks = text::table::blocks;
  for (std::size_t i = 0; i < n;) {
    const auto begin = static_cast<std::uint32_t>(i);
    const char32_t cp = utf8::next_fast(text, i);
    if (cp < 0x10000) {
      // A BMP character folding to one, itself or another, is one table lookup.
      const std::uint32_t entry = blocks[index[cp >> 7] * 128u + (cp & 127u)];
      if ((entry & text::table::kMulti) == 0) {
        o[count++] = {entry == 0 ? cp : static_cast<char32_t>(entry), begin,
                      static_cast<std::uint32_t>(i), false};
        continue;
      }
      if (((entry >> 24) & 0x7F) == 0) {  // folding removes it: spaces, punctuation
        o[count++] = {mark(cp), begin, static_cast<std::uint32_t>(i), true};
        continue;
      }
    }
    count = rare_char(cp, begin, static_cast<std::uint32_t>(i), n - i, out, count);
    o = out.data();
  }
  out.resize(count);
}

inline std::u32string fold32(std::string_view phrase) {
  const std::string f = text::fold(phrase);
  std::u32string out;
  for (std::size_t i = 0; i < f.size();)
    out.push_back(utf8::next(f, i));
  return out;
}

inline bool is_digit(const Char& ch) {
  return !ch.gap && ch.c >= '0' && ch.c <= '9';
}
inline bool is_ascii_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The next character at or after i that folding keeps; s.size() when none.
inline std::size_t next_kept(const std::vector<Char>& s, std::size_t i) {
  while (i < s.size() && s[i].gap)
    ++i;
  return i;
}

// The last character before i that folding keeps; npos when none.
inline std::size_t previous_kept(const std::vector<Char>& s, std::size_t i) {
  while (i > 0) {
    --i;
    if (!s[i].gap) return i;
  }
  return std::string::npos;
}

// Where the phrase (folded) ends when it starts at s[i], gaps inside skipped; npos when it does
// not start there.
inline std::size_t match_at(const std::vector<Char>& s, std::size_t i, std::u32string_view phrase) {
  if (phrase.empty()) return std::string::npos;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (k > 0) i = next_kept(s, i);
    if (i >= s.size() || s[i].gap || s[i].c != phrase[k]) return std::string::npos;
    ++i;
  }
  return i;
}

// ── Numbers ──────────────────────────────────────────────────────────────────────────────────

struct Number {
  double value = 0;
  std::string digits;     // in Arabic digits: "15" for 十五, "0.5", "1000" for 1,000
  std::size_t first = 0;  // chars [first, last)
  std::size_t last = 0;
};

inline int chinese_digit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
      return 1;
    case U'二':
    case U'两':
    case U'贰':
      return 2;
    case U'三':
    case U'叁':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

inline int chinese_multiplier(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    default:
      return 0;
  }
}

inline std::string format_number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) {
    return std::to_string(static_cast<long long>(v));
  }
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0')
    s.pop_back();
  return s;
}

// Whether a number (see number_at) can start with c: a filter on its low bits that lets through
// the digits, 半 and every numeral chinese_digit and chinese_multiplier know, and few others.
inline bool may_start_number(char32_t c) {
  static constexpr std::array<std::uint64_t, 16> kFilter = [] {
    std::array<std::uint64_t, 16> bits{};
    for (const char32_t n : std::u32string_view(U"0123456789半零〇一壹二两贰三叁四肆五伍六陆七柒八"
                                                U"捌九玖十拾百佰千仟")) {
      bits[(n >> 6) & 15] |= std::uint64_t{1} << (n & 63);
    }
    return bits;
  }();
  return (kFilter[(c >> 6) & 15] >> (c & 63) & 1) != 0;
}

// The number that starts at s[i], a character folding keeps (see number_at).
inline std::optional<Number> number_from(const std::vector<Char>& s, std::size_t i) {
  Number n;
  n.first = i;
  if (is_digit(s[i])) {
    std::size_t k = i;
    while (k < s.size() && is_digit(s[k]))
      ++k;
    n.digits.resize(k - i);
    for (std::size_t d = i; d < k; ++d)
      n.digits[d - i] = static_cast<char>(s[d].c);
    // 1,000 and 0.5
    while (k + 3 < s.size() && s[k].gap && s[k].c == ',' && is_digit(s[k + 1]) &&
           is_digit(s[k + 2]) && is_digit(s[k + 3]) && (k + 4 >= s.size() || !is_digit(s[k + 4]))) {
      for (std::size_t d = 1; d <= 3; ++d)
        n.digits.push_back(static_cast<char>(s[k + d].c));
      k += 4;
    }
    if (k + 1 < s.size() && s[k].gap && s[k].c == '.' && is_digit(s[k + 1])) {
      n.digits.push_back('.');
      ++k;
      while (k < s.size() && is_digit(s[k]))
        n.digits.push_back(static_cast<char>(s[k++].c));
    }
    n.last = k;
    // By hand: std::stod throws on a thousand digits.
    double scale = 0;
    for (const char c : n.digits) {
      if (c == '.') {
        scale = 1;
        continue;
      }
      if (scale > 0) {
        scale /= 10;
        n.value += (c - '0') * scale;
      } else {
        n.value = n.value * 10 + (c - '0');
      }
    }
    return n;
  }
  if (s[i].c == U'半') {
    n.value = 0.5;
    n.digits = "0.5";
    n.last = i + 1;
    return n;
  }
  long long total = 0;
  long long section = 0;
  int digit = -1;
  std::size_t k = i;
  for (; k < s.size() && !s[k].gap; ++k) {
    const int d = chinese_digit(s[k].c);
    if (d >= 0) {
      if (digit > 0) break;  // 一二: not one number
      digit = d;
      continue;
    }
    const int m = chinese_multiplier(s[k].c);
    if (m > 0) {
      section += (digit < 0 ? 1 : digit) * m;
      digit = -1;
      continue;
    }
    if (s[k].c == U'万' && k > i) {
      total += (section + std::max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
      continue;
    }
    break;
  }
  if (k == i) return std::nullopt;
  n.last = k;
  n.value = static_cast<double>(total + section + std::max(digit, 0));
  n.digits = format_number(n.value);
  return n;
}

// The number that starts at s[i]: Arabic digits (full-width ones are folded already), with a
// decimal point or thousands separators; or Chinese numerals (十五, 二十, 一百二十, 壹佰, 半).
// Called at every character: most start none, and are ruled out here, before one is made.
inline std::optional<Number> number_at(const std::vector<Char>& s, std::size_t i) {
  if (i >= s.size() || s[i].gap || !may_start_number(s[i].c)) return std::nullopt;
  return number_from(s, i);
}

// ── Phrases ──────────────────────────────────────────────────────────────────────────────────

// A phrase list matched over an element's characters (see chars): phrases folded as text::Matcher
// folds them, and found as it finds them, the characters folding removes passed over. The lists
// are short, so a phrase is looked up by its first character; the text, decoded once for all the
// lists of a rule, is not decoded again for each.
class Phrases {
 public:
  // Bytes [begin, end) of the text, from the phrase's first character to the end of its last.
  struct Hit {
    std::uint32_t begin;
    std::uint32_t end;
    std::uint32_t value;
  };

  Phrases() = default;
  explicit Phrases(const std::vector<std::string>& phrases,
                   const std::vector<std::uint32_t>& values = {}) {
    for (std::size_t k = 0; k < phrases.size(); ++k) {
      std::u32string f = fold32(phrases[k]);
      if (f.empty()) continue;
      phrases_.push_back(
          {std::move(f), values.empty() ? static_cast<std::uint32_t>(k) : values[k]});
    }
    // By first character; at one, the longest first, then in the order given.
    std::stable_sort(phrases_.begin(), phrases_.end(), [](const Phrase& a, const Phrase& b) {
      return a.text[0] != b.text[0] ? a.text[0] < b.text[0] : a.text.size() > b.text.size();
    });
    for (const Phrase& p : phrases_)
      first_[(p.text[0] >> 6) & (kFirstWords - 1)] |= std::uint64_t{1} << (p.text[0] & 63);
  }

  // Every occurrence, by position, given to `each` while it returns true; of overlapping ones
  // the longest that starts first. Whether it was given them all.
  template <typename Each>
  bool each(const std::vector<Char>& s, Each&& each) const {
    if (phrases_.empty()) return true;
    std::uint32_t given_end = 0;  // where the last occurrence given ends
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!may_start(s[i]) || s[i].begin < given_end) continue;
      // Of the characters that start at this byte (the several one character folds to), the
      // occurrence that ends last.
      Hit longest{0, 0, 0};
      std::size_t k = i;
      for (; k < s.size() && s[k].begin == s[i].begin; ++k) {
        if (!may_start(s[k])) continue;
        // The longest phrase that starts at s[k] first: no other there ends later.
        for (auto p = first(s[k].c); p != phrases_.end() && p->text[0] == s[k].c; ++p) {
          const std::size_t end = match_at(s, k, p->text);
          if (end == std::string::npos) continue;
          if (s[end - 1].end > longest.end) longest = {s[k].begin, s[end - 1].end, p->value};
          break;
        }
      }
      i = k - 1;
      if (longest.end > 0) {
        if (!each(longest)) return false;
        given_end = longest.end;
      }
    }
    return true;
  }

  // Every occurrence into out (cleared first), as each() gives them.
  void find(const std::vector<Char>& s, std::vector<Hit>& out) const {
    out.clear();
    each(s, [&](const Hit& h) {
      out.push_back(h);
      return true;
    });
  }

  bool any(const std::vector<Char>& s) const {
    if (phrases_.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!may_start(s[i])) continue;
      for (auto p = first(s[i].c); p != phrases_.end() && p->text[0] == s[i].c; ++p) {
        if (match_at(s, i, p->text) != std::string::npos) return true;
      }
    }
    return false;
  }

 private:
  struct Phrase {
    std::u32string text;  // folded
    std::uint32_t value;
  };
  // A filter on first characters, by their low bits: most characters start no phrase.
  static constexpr std::size_t kFirstWords = 16;

  bool may_start(const Char& ch) const {
    return !ch.gap && (first_[(ch.c >> 6) & (kFirstWords - 1)] >> (ch.c & 63) & 1) != 0;
  }
  std::vector<Phrase>::const_iterator first(char32_t c) const {
    return std::lower_bound(phrases_.begin(), phrases_.end(), c,
                            [](const Phrase& p, char32_t x) { return p.text[0] < x; });
  }

  std::vector<Phrase> phrases_;
  std::array<std::uint64_t, kFirstWords> first_{};
};

// Whole values compared folded ("否", "0", "是").
class Values {
 public:
  Values() = default;
  explicit Values(const std::vector<std::string>& values) {
    for (const std::string& v : values) {
      std::string f = text::fold(v);
      if (f.empty()) continue;
      longest_ = std::max(longest_, f.size());
      folded_.push_back(std::move(f));
    }
  }
  bool contains(std::string_view text) const {
    if (folded_.empty()) return false;
    // Folded no further than the longest value: a longer text is none of them.
    std::string f;
    for (std::size_t i = 0; i < text.size() && f.size() <= longest_;)
      text::fold_code_point(utf8::next(text, i), f);
    return f.size() <= longest_ && std::find(folded_.begin(), folded_.end(), f) != folded_.end();
  }

 private:
  std::vector<std::string> folded_;
  std::size_t longest_ = 0;
};

// ── Options ──────────────────────────────────────────────────────────────────────────────────

// A list of strings (a single string is a list of one), or the fallback when the option is not
// given; nullopt after reporting a wrong type, `key:` with nothing after it included.
inline std::optional<std::vector<std::string>> strings_option(const Setup& setup,
                                                              std::string_view key,
                                                              std::vector<std::string> fallback) {
  const YAML::Node node = config::get(setup.options, key);
  if (!node.IsDefined()) return fallback;
  if (node.IsNull()) {
    setup.file.report(node.Mark().pos >= 0 ? node : setup.options, "config.wrong-type",
                      {{"key", std::string(key)}, {"expected", "list"}});
    return std::nullopt;
  }
  return config::get_strings(setup.file, setup.options, key);
}

// Element ids (see element_list_option), or the fallback when the option is not given.
inline std::optional<std::vector<std::string>> elements_option(const Setup& setup,
                                                               std::string_view key,
                                                               std::vector<std::string> fallback) {
  if (!config::get(setup.options, key).IsDefined()) return fallback;
  return element_list_option(setup, key);
}

// A boolean option, or the fallback.
inline std::optional<bool> bool_option(const Setup& setup, std::string_view key, bool fallback) {
  if (!config::get(setup.options, key).IsDefined()) return fallback;
  return config::get_bool(setup.file, setup.options, key);
}

}  // namespace guidelint::rules::scan
