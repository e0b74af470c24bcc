// What the format rules (time-limit-format, contact-format, fee-basis) share: an element's text
// read character by character, folded (script, width, case) but with its punctuation kept in view,
// since "0371-1234567；0371-7654321", "9:00" and "财综〔2012〕97号" mean what they mean through
// their marks; numbers in Arabic, full-width or Chinese numerals; phrase lists from options.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"
#include "text/fold.hpp"
#include "text/matcher.hpp"
#include "text/utf8.hpp"

namespace guidelint::rules::scan {

// One character of an element's text.
struct Char {
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

inline std::vector<Char> chars(std::string_view text) {
  std::vector<Char> out;
  out.reserve(text.size() / 2 + 1);
  char32_t one = 0;
  std::u32string scratch;
  for (std::size_t i = 0; i < text.size();) {
    const auto begin = static_cast<std::uint32_t>(i);
    const char32_t cp = utf8::next(text, i);
    const auto end = static_cast<std::uint32_t>(i);
    const std::u32string_view f = text::fold_code_point(cp, one, scratch);
    if (f.empty()) {
      out.push_back({mark(cp), begin, end, true});
    } else {
      for (const char32_t c : f)
        out.push_back({c, begin, end, false});
    }
  }
  return out;
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

// The number that starts at s[i]: Arabic digits (full-width ones are folded already), with a
// decimal point or thousands separators; or Chinese numerals (十五, 二十, 一百二十, 壹佰, 半).
inline std::optional<Number> number_at(const std::vector<Char>& s, std::size_t i) {
  if (i >= s.size() || s[i].gap) return std::nullopt;
  Number n;
  n.first = i;
  if (is_digit(s[i])) {
    std::size_t k = i;
    while (k < s.size() && is_digit(s[k]))
      n.digits.push_back(static_cast<char>(s[k++].c));
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

// ── Phrases ──────────────────────────────────────────────────────────────────────────────────

// A phrase list matched in one pass over an element's text (folded as it is read).
class Phrases {
 public:
  Phrases() = default;
  explicit Phrases(const std::vector<std::string>& phrases,
                   const std::vector<std::uint32_t>& values = {}) {
    for (std::size_t k = 0; k < phrases.size(); ++k) {
      matcher_.add(phrases[k], values.empty() ? static_cast<std::uint32_t>(k) : values[k]);
    }
    matcher_.build();
  }

  // Every occurrence, by position; of overlapping ones the longest that starts first.
  std::vector<text::Matcher::Hit> find(std::string_view text) const {
    std::vector<text::Matcher::Hit> hits;
    if (matcher_.patterns() == 0) return hits;
    matcher_.find(text, hits);
    std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<text::Matcher::Hit> out;
    for (const auto& h : hits) {
      if (!out.empty() && h.begin < out.back().end) continue;
      out.push_back(h);
    }
    return out;
  }
  bool any(std::string_view text) const { return !find(text).empty(); }

 private:
  text::Matcher matcher_;
};

// Whole values compared folded ("否", "0", "是").
class Values {
 public:
  Values() = default;
  explicit Values(const std::vector<std::string>& values) {
    for (const std::string& v : values) {
      std::string f = text::fold(v);
      if (!f.empty()) folded_.push_back(std::move(f));
    }
  }
  bool contains(std::string_view text) const {
    const std::string f = text::fold(text);
    return std::find(folded_.begin(), folded_.end(), f) != folded_.end();
  }

 private:
  std::vector<std::string> folded_;
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

inline bool listed(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace guidelint::rules::scan
