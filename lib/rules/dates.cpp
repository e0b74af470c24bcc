// Dates as guides write them, and where a guide says it was last updated: shared by the
// stale-content rule and by the audit's content-age figures, so that both read a guide's date the
// same way.
#include "rules/dates.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "text/utf8.hpp"

namespace guidelint::rules::dates {
namespace {

std::chrono::sys_days days_of(Date d) {
  return std::chrono::sys_days{std::chrono::year(d.year) /
                               std::chrono::month(static_cast<unsigned>(d.month)) /
                               std::chrono::day(static_cast<unsigned>(d.day))};
}

Date date_of(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Older than this is no date a guide on the web was updated on (an export's placeholder such as
// 1900-01-01 or the epoch); it is read as unreadable, for a person to look at.
constexpr int kFirstYear = 1990;

std::optional<Date> make_date(long long year, long long month, long long day) {
  if (year < kFirstYear || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(year)),
                                        std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

std::optional<WrittenDate> whole_month(long long year, long long month) {
  const auto first = make_date(year, month, 1);
  if (!first) return std::nullopt;
  const std::chrono::year_month_day_last last{
      std::chrono::year(static_cast<int>(year)) /
      std::chrono::month_day_last(std::chrono::month(static_cast<unsigned>(month)))};
  return WrittenDate{*first, date_of(std::chrono::sys_days{last})};
}

// One token of a written date: a number (ASCII, full-width or Chinese digits) or one other
// character, with where it ends in the text.
struct Token {
  enum Kind { number, other, end } kind = end;
  long long value = 0;
  int digits = 0;  // digits written (Chinese 十 forms count as 2)
  char32_t c = 0;  // the character, for `other` (full-width punctuation folded to ASCII)
  std::size_t end_at = 0;
};

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
    case U'Ｏ':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int ascii_digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

Token next_token(std::string_view s, std::size_t at) {
  Token t;
  if (at >= s.size()) {
    t.end_at = at;
    return t;
  }
  std::size_t i = at;
  char32_t c = utf8::next(s, i);
  if (ascii_digit(c) >= 0) {
    t.kind = Token::number;
    std::size_t j = at;
    while (j < s.size()) {
      std::size_t k = j;
      const int d = ascii_digit(utf8::next(s, k));
      if (d < 0) break;
      if (t.digits < 18) t.value = t.value * 10 + d;
      ++t.digits;
      j = k;
    }
    t.end_at = j;
    return t;
  }
  if (chinese_digit(c) >= 0 || c == U'十') {
    // 二〇二三 (digit by digit), 十二, 二十六, 三十一.
    t.kind = Token::number;
    std::size_t j = at;
    long long positional = 0;
    int before_ten = -1;
    int after_ten = -1;
    bool ten = false;
    while (j < s.size()) {
      std::size_t k = j;
      const char32_t d = utf8::next(s, k);
      if (d == U'十' && !ten) {
        ten = true;
      } else if (chinese_digit(d) >= 0) {
        if (ten) {
          if (after_ten >= 0) break;
          after_ten = chinese_digit(d);
        } else {
          positional = positional * 10 + chinese_digit(d);
          before_ten = chinese_digit(d);
          ++t.digits;
        }
      } else {
        break;
      }
      j = k;
    }
    if (ten) {
      if (t.digits > 1) return Token{Token::other, 0, 0, c, i};  // 二二十: not a number
      t.value = (before_ten >= 0 ? before_ten : 1) * 10 + (after_ten >= 0 ? after_ten : 0);
      t.digits = 2;
    } else {
      t.value = positional;
    }
    t.end_at = j;
    return t;
  }
  t.kind = Token::other;
  switch (c) {
    case U'－':
    case U'—':
    case U'‐':
    case U'–':
      c = U'-';
      break;
    case U'／':
      c = U'/';
      break;
    case U'．':
    case U'。':
      c = U'.';
      break;
    case U'\u3000':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\u00A0':
      c = U' ';
      break;
    default:
      break;
  }
  t.c = c;
  t.end_at = i;
  return t;
}

// What may follow a date: nothing, or a space, a time (T14:41), a bracket or words (星期六).
bool date_may_end_before(const Token& t) {
  if (t.kind == Token::end) return true;
  if (t.kind == Token::number) return false;
  switch (t.c) {
    case U'-':
    case U'/':
    case U'.':
    case U':':
    case U'年':
    case U'月':
    case U'日':
    case U'号':
    case U'號':
      return false;
    default:
      return true;
  }
}

// A date from the Unix epoch: seconds, or milliseconds as exports give them.
std::optional<WrittenDate> epoch_date(long long value, bool milliseconds) {
  const long long seconds = milliseconds ? value / 1000 : value;
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds{std::chrono::seconds{seconds}});
  const Date d = date_of(day);
  if (d.year < kFirstYear) return std::nullopt;
  return WrittenDate{d, d};
}

}  // namespace

std::int64_t days_between(Date from, Date to) {
  return (days_of(to) - days_of(from)).count();
}

// Reads the date a text starts with (spaces before it skipped): 2023-05-06, 2023/5/6, 2023.05.06,
// 2023年5月6日, 二〇二三年五月六日, 20230506, seconds or milliseconds since 1970, a month
// (2023-05, 2023年5月) or a year (2023年), with a time of day or words after it.
std::optional<Parsed> parse_date(std::string_view text) {
  std::size_t at = 0;
  Token t = next_token(text, at);
  while (t.kind == Token::other && t.c == U' ') {
    at = t.end_at;
    t = next_token(text, at);
  }
  if (t.kind != Token::number) return std::nullopt;
  const std::size_t begin = at;
  const Token year = t;
  Token after = next_token(text, year.end_at);
  const auto done = [&](std::optional<WrittenDate> d, std::size_t end,
                        const Token& next) -> std::optional<Parsed> {
    if (!d || !date_may_end_before(next)) return std::nullopt;
    return Parsed{*d, begin, end};
  };
  // Digits alone: 20230506, 20230506143000, epoch seconds or milliseconds.
  if (year.digits != 4 || date_may_end_before(after)) {
    if (year.digits == 8 || year.digits == 14) {
      long long ymd = year.value;
      if (year.digits == 14) ymd /= 1000000;
      const auto d = make_date(ymd / 10000, ymd / 100 % 100, ymd % 100);
      return done(d ? std::optional<WrittenDate>(WrittenDate{*d, *d}) : std::nullopt, year.end_at,
                  after);
    }
    if (year.digits == 10) return done(epoch_date(year.value, false), year.end_at, after);
    if (year.digits == 12 || year.digits == 13)
      return done(epoch_date(year.value, true), year.end_at, after);
    if (year.digits == 4 && year.value >= kFirstYear) {
      // A year alone.
      const auto first = make_date(year.value, 1, 1);
      const auto last = make_date(year.value, 12, 31);
      if (first && last) return done(WrittenDate{*first, *last}, year.end_at, after);
    }
    return std::nullopt;
  }
  if (after.kind != Token::other) return std::nullopt;
  const char32_t sep = after.c;
  const bool chinese = sep == U'年';
  if (!chinese && sep != U'-' && sep != U'/' && sep != U'.') return std::nullopt;
  const Token month = next_token(text, after.end_at);
  if (chinese && date_may_end_before(month)) {
    // 2023年: a year.
    const auto first = make_date(year.value, 1, 1);
    const auto last = make_date(year.value, 12, 31);
    if (!first || !last) return std::nullopt;
    return done(WrittenDate{*first, *last}, after.end_at, month);
  }
  if (month.kind != Token::number || month.digits > 2) return std::nullopt;
  Token sep2 = next_token(text, month.end_at);
  if (chinese) {
    if (sep2.kind != Token::other || sep2.c != U'月') return std::nullopt;
  } else if (sep2.kind != Token::other || sep2.c != sep) {
    return done(whole_month(year.value, month.value), month.end_at, sep2);  // 2023-05
  }
  const Token day = next_token(text, sep2.end_at);
  if (day.kind != Token::number) {
    if (!chinese) return std::nullopt;
    return done(whole_month(year.value, month.value), sep2.end_at, day);  // 2023年5月
  }
  if (day.digits > 2) return std::nullopt;
  std::size_t end = day.end_at;
  Token next = next_token(text, end);
  if (next.kind == Token::other && (next.c == U'日' || next.c == U'号' || next.c == U'號')) {
    end = next.end_at;
    next = next_token(text, end);
  }
  const auto d = make_date(year.value, month.value, day.value);
  if (!d) return std::nullopt;
  return done(WrittenDate{*d, *d}, end, next);
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

namespace {

// Is this a label of the date a guide was updated, as the profile says (fields: updated)?
bool names_date(std::string_view label, const config::Profile& profile) {
  return profile.resolve_name(config::strip_enumerator(trim(label))).second ==
         config::Field::updated;
}

// Is there a space, a tab or U+3000 (not a line break: those starts are tried anyway) right
// before text[at]?
bool space_before(std::string_view text, std::size_t at) {
  if (text[at - 1] == ' ' || text[at - 1] == '\t') return true;
  return at >= 3 && text.substr(at - 3, 3) == "\u3000";
}

// The length of the separator at text[at]: a colon, a space (with `spaces`), a tab, U+3000,
// full-width forms too; 0 for anything else.
std::size_t separator_at(std::string_view text, std::size_t at, bool spaces) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c == ':' || (spaces && (c == ' ' || c == '\t'))) return 1;
  if (c == 0xE3 && spaces) return text.substr(at, 3) == "\u3000" ? 3 : 0;
  if (c == 0xEF) return text.substr(at, 3) == "\uFF1A" ? 3 : 0;
  return 0;
}

// A label of the guide's date at text[at], then a date.
std::optional<Found> labelled_at(const Element& e, std::size_t at, const config::Profile& profile,
                                 bool spaces) {
  // A label is short, ends at a separator, and is on the same line as the date after it.
  constexpr std::size_t kLabelBytes = 40;
  const std::string_view text = e.text;
  const std::string_view window = text.substr(at, kLabelBytes);
  std::size_t end = 0;
  while (end < window.size() && window[end] != '\n' && separator_at(window, end, spaces) == 0)
    ++end;
  if (end == 0 || end >= window.size() || window[end] == '\n') return std::nullopt;
  std::size_t value = at + end;
  while (value < text.size()) {
    const std::size_t n = separator_at(text, value, true);
    if (n == 0) break;
    value += n;
  }
  // A date first (cheap; a date and its time fit in a few dozen bytes), then whether the
  // label names the guide's date.
  constexpr std::size_t kDateBytes = 64;
  const auto parsed = parse_date(text.substr(value, kDateBytes));
  if (!parsed || !names_date(window.substr(0, end), profile)) return std::nullopt;
  const std::size_t line_end = std::min(text.find('\n', value), text.size());
  const auto b = static_cast<std::uint32_t>(value + parsed->begin);
  const auto en = static_cast<std::uint32_t>(value + parsed->end);
  return Found{trim(text.substr(b, line_end - b)), e.source_span(b, en)};
}

// "更新时间：2023-05-06" inside an element's text: at a line's start (where "更新时间
// 2023-05-06", table cells joined by a space, counts too), or after a space ("事项编码：…
// 更新时间：…"). Found from line breaks and colons, so that text without them costs a memchr.
std::optional<Found> labelled_in_text(const Element& e, const config::Profile& profile) {
  const std::string_view text = e.text;
  for (std::size_t at = 0; at < text.size();) {
    if (auto f = labelled_at(e, at, profile, true)) return f;
    const std::size_t line = text.find('\n', at);
    if (line == std::string_view::npos) break;
    at = line + 1;
  }
  constexpr std::size_t kLabelBytes = 40;
  for (std::size_t from = 0;;) {
    const std::size_t colon = std::min(text.find(':', from), text.find("\uFF1A", from));
    if (colon == std::string_view::npos) break;
    from = colon + 1;
    // Back to the space before the label, if there is one near.
    std::size_t b = colon;
    while (b > 0 && colon - b < kLabelBytes && !space_before(text, b))
      --b;
    if (b == 0 || b == colon || !space_before(text, b)) continue;
    if (auto f = labelled_at(e, b, profile, false)) return f;
  }
  return std::nullopt;
}

}  // namespace

// Where the guide says when it was updated: the date the parser read for the guide (an XML
// attribute, a JSON field, a 更新时间 line), at its place when the parser gives one, else at
// the guide's start. Else an element that a label of that field names (<field
// label="更新时间">), or such a label followed by a date inside an element's text, where a
// parser left it ("事项编码：… 更新时间：2024-07-20" on one line of a page).
std::optional<Found> find_update_date(const Guide& guide, const config::Profile& profile) {
  if (!trim(guide.updated).empty())
    return Found{guide.updated, guide.updated_span.value_or(guide.span)};
  for (const Element& e : guide.elements) {
    if (e.id.empty() && !e.label.empty() && !e.blank() && names_date(e.label, profile))
      return Found{e.text, e.value_span()};
  }
  for (const Element& e : guide.elements) {
    // Laws are cited with their dates of issue (发布日期): not the guide's.
    if (e.id == "legal_basis") continue;
    if (auto f = labelled_in_text(e, profile)) return f;
  }
  return std::nullopt;
}

}  // namespace guidelint::rules::dates
