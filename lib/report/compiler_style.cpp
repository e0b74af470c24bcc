#include "report/compiler_style.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "report/messages.hpp"
#include "text/utf8.hpp"

namespace guidelint::report {
namespace {

// A source line wider than this many cells is shown as a window around the span.
constexpr int kMaxCells = 100;
// Cells of the line shown before the span when the line is windowed.
constexpr int kContextCells = 24;
// Bytes read either side of the span's start: enough for any window (a cell is at most four
// bytes), while a minified file's one line of megabytes costs no more than a short one.
constexpr std::uint32_t kScanBytes = 4 * kMaxCells;
constexpr std::string_view kEllipsis = "…";

bool bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

// A code point as shown in a frame or headline: text that cannot move the cursor, change
// colours or reorder the line. `column` is the cell it starts at, for tab stops.
struct Shown {
  std::string text;
  int width = 0;
};

Shown shown_as(char32_t c, std::string_view bytes, int column) {
  if (c == '\t') {
    const int width = 8 - column % 8;
    return {std::string(static_cast<std::size_t>(width), ' '), width};
  }
  if (c < 0x20 || c == 0x7F) {
    // The Control Pictures block: ␀ … ␟, ␡.
    std::string picture = "\xE2\x90";
    picture += static_cast<char>(0x80 + (c == 0x7F ? 0x21 : c));
    return {picture, 1};
  }
  if ((c >= 0x80 && c < 0xA0) || bidi_control(c) || c == utf8::kReplacement) {
    return {"\xEF\xBF\xBD", 1};  // also every byte that is not UTF-8
  }
  if (c == 0x2028 || c == 0x2029) return {"↵", 1};  // a line break inside a Word paragraph
  return {std::string(bytes), display_width(c)};
}

struct Cell {
  std::uint32_t begin;  // offset in the Source's text
  Shown shown;
};

}  // namespace

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(s, i);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += ' ';
    } else {
      out += shown_as(c, s.substr(at, i - at), 0).text;
    }
  }
  return out;
}

std::string_view severity_word(const Diagnostic& d) {
  return d.needs_review ? "needs-review" : to_string(d.severity);
}

std::string_view Palette::severity(const Diagnostic& d) const {
  if (!on) return "";
  if (d.needs_review) return "\033[1;34m";
  switch (d.severity) {
    case Severity::error:
      return "\033[1;31m";
    case Severity::warning:
      return "\033[1;35m";
    default:
      return "\033[1;36m";
  }
}

int display_width(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  // Hangul medial vowels and final consonants join the syllable before them.
  if (c >= 0x1160 && c <= 0x11FF) return 0;
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

void write_headline(std::ostream& out, const Source& source, const Diagnostic& d,
                    std::string_view locale, const Palette& palette) {
  out << palette.bold() << printable(source.name());
  if (d.span) {
    const Position p = source.position(d.span->begin);
    out << ':' << p.line << ':' << p.column;
  }
  out << ':' << palette.reset() << ' ' << palette.severity(d) << severity_word(d) << ':'
      << palette.reset() << ' ' << printable(render(d.message_id, d.args, locale)) << " ["
      << palette.severity(d) << d.rule_id << palette.reset() << "]\n";
}

std::string summary_text(const Summary& s, std::string_view locale) {
  const std::vector<Arg> args{{"files", static_cast<std::int64_t>(s.files)},
                              {"guides", static_cast<std::int64_t>(s.guides)},
                              {"errors", static_cast<std::int64_t>(s.errors)},
                              {"warnings", static_cast<std::int64_t>(s.warnings)},
                              {"infos", static_cast<std::int64_t>(s.infos)},
                              {"reviews", static_cast<std::int64_t>(s.reviews)},
                              {"fatal", static_cast<std::int64_t>(s.fatal)}};
  std::string text = render("summary.line", args, locale);
  if (s.reviews > 0) text += render("summary.reviews", args, locale);
  if (s.fatal > 0) text += render("summary.fatal", args, locale);
  return text;
}

void write_code_frame(std::ostream& out, const Source& source, Span span, const Palette& palette) {
  const std::string_view text = source.text();
  const auto size = static_cast<std::uint32_t>(text.size());
  const std::uint32_t begin = std::min(span.begin, size);
  const std::uint32_t end = std::clamp(span.end, begin, size);
  const std::uint32_t line = source.position(begin).line;
  const std::string_view line_text = source.line_text(line);
  const auto line_begin = static_cast<std::uint32_t>(line_text.data() - text.data());
  const auto line_end = line_begin + static_cast<std::uint32_t>(line_text.size());
  // The span may start on the line break; past its first line it is underlined to the line end.
  const std::uint32_t first = std::min(begin, line_end);
  const std::uint32_t last = std::clamp(end, first, line_end);

  std::uint32_t from = line_begin;
  if (first - line_begin > kScanBytes) {
    from = first - kScanBytes;
    while (from < first && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
      ++from;
  }
  const std::uint32_t to = line_end - first > kScanBytes ? first + kScanBytes : line_end;
  const std::string_view bounded = text.substr(0, line_end);
  std::vector<Cell> cells;
  std::vector<int> x{0};  // x[k]: cells before cells[k]; tab stops count from `from`
  std::size_t i = from;
  while (i < to) {
    const std::size_t at = i;
    const char32_t c = utf8::next(bounded, i);
    cells.push_back(
        {static_cast<std::uint32_t>(at), shown_as(c, bounded.substr(at, i - at), x.back())});
    x.push_back(x.back() + cells.back().shown.width);
  }
  const bool cut_left = from > line_begin;
  const bool cut_right = i < line_end;
  const auto index_of = [&](std::uint32_t offset) {
    return static_cast<std::size_t>(
        std::lower_bound(cells.begin(), cells.end(), offset,
                         [](const Cell& c, std::uint32_t o) { return c.begin < o; }) -
        cells.begin());
  };
  const std::size_t n = cells.size();
  const std::size_t s = index_of(first);
  const std::size_t e = std::max(s, index_of(last));

  // The window [a, b) of cells shown: the whole line when it fits, else some context before the
  // span and as much after it as fits, leaving room for the "…" marks.
  std::size_t a = 0;
  std::size_t b = n;
  if (cut_left || cut_right || x[n] > kMaxCells) {
    const int budget = kMaxCells - 2;
    a = s;
    while (a > 0 && x[s] - x[a - 1] <= kContextCells)
      --a;
    b = a;
    while (b < n && x[b + 1] - x[a] <= budget)
      ++b;
    if (b == n && !cut_right) {
      while (a > 0 && x[n] - x[a - 1] <= budget)
        --a;
    }
  }
  const bool left_mark = a > 0 || cut_left;
  const bool right_mark = b < n || cut_right;

  const std::string number = std::to_string(line);
  const std::size_t gutter = std::max<std::size_t>(number.size(), 5);
  out << std::string(gutter - number.size(), ' ') << number << " | ";
  if (left_mark) out << kEllipsis;
  for (std::size_t k = a; k < b; ++k) {
    if (k == s && s < e) out << palette.caret();
    out << cells[k].shown.text;
    if (k + 1 == e && k >= s) out << palette.reset();
  }
  if (s < e && e > b && s < b) out << palette.reset();  // the span runs past the window
  if (right_mark) out << kEllipsis;
  out << '\n';

  int underlined = 0;
  for (std::size_t k = s; k < std::min(e, b); ++k)
    underlined += cells[k].shown.width;
  // An empty span (a place between characters) still gets its caret.
  std::string marks(static_cast<std::size_t>(std::max(underlined, 1)), '~');
  marks[0] = '^';
  const auto indent = static_cast<std::size_t>((left_mark ? 1 : 0) + x[s] - x[a]);
  out << std::string(gutter, ' ') << " | " << std::string(indent, ' ') << palette.caret() << marks
      << palette.reset() << '\n';
}

}  // namespace guidelint::report
