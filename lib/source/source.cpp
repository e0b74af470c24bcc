#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <fmt/format.h>

#include "guidelint/guidelint.hpp"
#include "source/decode.hpp"
#include "text/utf8.hpp"

namespace guidelint {

namespace {
void index_lines(std::string_view t, std::vector<std::uint32_t>& starts);
}  // namespace

Source::Source(std::string name, std::string bytes)
    : name_(std::move(name)), bytes_(std::move(bytes)) {
  if (bytes_.size() > 0xFFFFFFFFu) {
    // Offsets are 32-bit; such an input is refused rather than reported on wrongly.
    line_starts_.push_back(0);
    decode_error_ = DecodeError{0, "input.too-large", std::to_string(bytes_.size()), encoding_};
    bytes_.clear();
    return;
  }
  source::Decoded d = source::decode(bytes_);
  encoding_ = d.encoding;
  text_begin_ = d.skip;
  if (d.transcoded) {
    transcoded_ = std::move(d.text);
    origin_ = std::move(d.origin);
  }
  index_lines(text(), line_starts_);
  if (d.error_at) {
    // Positions of an input that could not be decoded are those of its bytes.
    decode_error_ = DecodeError{*d.error_at - std::min(*d.error_at, text_begin_), d.error_id,
                                d.error_detail, encoding_};
  }
}

std::string_view Source::text() const {
  return origin_.empty() ? std::string_view(bytes_).substr(text_begin_)
                         : std::string_view(transcoded_);
}

std::uint32_t Source::original_offset(std::uint32_t text_offset) const {
  if (origin_.empty()) return text_offset + text_begin_;
  return origin_[std::min<std::size_t>(text_offset, origin_.size() - 1)];
}

namespace {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GUIDELINT_SOURCE_AVX2 1

bool has_avx2() {
  static const bool yes =
      (__builtin_cpu_init(), __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"));
  return yes;
}

// Counts the lead bytes (those that are not 10xxxxxx) and the four-byte leads (11110xxx and
// above) among the bytes of the 32 at p that `keep` has a bit for.
__attribute__((target("avx2,popcnt"))) inline void count_leads_in_block(const char* p,
                                                                        std::uint32_t keep,
                                                                        std::uint32_t& leads,
                                                                        std::uint32_t& astral) {
  // As signed bytes, continuations are -128..-65 and four-byte leads -16..-1.
  const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const auto cont =
      static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(-64), b)));
  const auto four = static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpgt_epi8(b, _mm256_set1_epi8(-17))) & _mm256_movemask_epi8(b));
  leads += static_cast<std::uint32_t>(__builtin_popcount(~cont & keep));
  astral += static_cast<std::uint32_t>(__builtin_popcount(four & keep));
}

// The same for p[from, to), 32 bytes at a time, the last few as part of the 32 bytes that end at
// `to` (which must be at least 32).
__attribute__((target("avx2,popcnt"))) void count_leads_avx2(const char* p, std::size_t from,
                                                             std::size_t to, std::uint32_t& leads,
                                                             std::uint32_t& astral) {
  for (; from + 32 <= to; from += 32)
    count_leads_in_block(p + from, ~0u, leads, astral);
  // The bytes before `from` are left out.
  if (from < to) count_leads_in_block(p + to - 32, ~0u << (32 - (to - from)), leads, astral);
}

// The bytes of a block equal to c, as bits.
__attribute__((target("avx2"))) inline std::uint32_t equal_bytes(__m256i block, char c) {
  return static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(block, _mm256_set1_epi8(c))));
}

// Adds the start of each line after a \n in p[0, n) to `starts`: 64 bytes at a time, then the
// rest as one or two 32-byte blocks ending at n (when n allows); stops at the first block holding
// a \r (which needs the careful scan). Returns how many bytes it read.
__attribute__((target("avx2"))) std::size_t index_newlines_avx2(
    const char* p, std::size_t n, std::vector<std::uint32_t>& starts) {
  const auto add = [&](std::size_t at, std::uint64_t lines) {
    for (; lines != 0; lines &= lines - 1)
      starts.push_back(static_cast<std::uint32_t>(at + __builtin_ctzll(lines) + 1));
  };
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32));
    if ((equal_bytes(a, '\r') | equal_bytes(b, '\r')) != 0) return i;
    add(i, equal_bytes(a, '\n') | std::uint64_t{equal_bytes(b, '\n')} << 32);
  }
  if (n < 32) return i;
  // The bytes of the first block that were read already are left out.
  for (std::size_t end = std::min(i + 32, n); i < n; end = n) {
    const std::size_t at = end - 32;
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + at));
    if (equal_bytes(b, '\r') != 0) return i;
    add(at, equal_bytes(b, '\n') >> (i - at) << (i - at));
    i = end;
  }
  return i;
}
#else
#define GUIDELINT_SOURCE_AVX2 0
#endif

// A line ends at \n, at \r\n, or at a lone \r, as editors count lines. Text without a \r
// (nearly all) is split at its \n alone; a lone \r (old Mac files) needs the careful scan.
void index_lines(std::string_view t, std::vector<std::uint32_t>& starts) {
  starts.reserve(std::min<std::size_t>(t.size() / 32, 4096) + 1);
  starts.push_back(0);
  std::size_t i = 0;
#if GUIDELINT_SOURCE_AVX2
  if (has_avx2()) i = index_newlines_avx2(t.data(), t.size(), starts);
#endif
  for (; i < t.size(); ++i) {
    if (t[i] == '\r') break;
    if (t[i] == '\n') starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
  if (i == t.size()) return;
  starts.resize(1);
  for (i = 0; i < t.size(); ++i) {
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) {
      starts.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

// Lines longer than this get column marks, one about every kMarkEvery bytes.
constexpr std::uint32_t kLongLine = 4096;
constexpr std::uint32_t kMarkEvery = 1024;

bool has_long_line(std::string_view t, const std::vector<std::uint32_t>& starts) {
  if (t.size() <= kLongLine) return false;
  for (std::size_t l = 1; l < starts.size(); ++l) {
    if (starts[l] - starts[l - 1] > kLongLine) return true;
  }
  return t.size() - starts.back() > kLongLine;
}

// Adds the code points and UTF-16 units of t[from, to) to the columns. Decoded text is valid
// UTF-8, so counting lead bytes is enough (a four-byte one is two UTF-16 units), 32 bytes at a
// time where the processor can; text that failed to decode is stepped through code point by
// code point, as the decoder saw it.
void count_columns(std::string_view t, std::size_t from, std::size_t to, bool valid,
                   std::uint32_t& column, std::uint32_t& column_utf16) {
  if (valid) {
    std::uint32_t leads = 0;
    std::uint32_t astral = 0;
#if GUIDELINT_SOURCE_AVX2
    if (to - from >= 8 && to >= 32 && has_avx2()) {  // else a few bytes, counted one by one
      count_leads_avx2(t.data(), from, to, leads, astral);
      from = to;
    }
#endif
    for (std::size_t i = from; i < to; ++i) {
      const auto b = static_cast<unsigned char>(t[i]);
      leads += (b & 0xC0) != 0x80;
      astral += b >= 0xF0;
    }
    column += leads;
    column_utf16 += leads + astral;
    return;
  }
  for (std::size_t i = from; i < to;) {
    const char32_t cp = utf8::next(t, i);
    ++column;
    column_utf16 += cp >= 0x10000 ? 2 : 1;
  }
}

}  // namespace

void Source::mark_columns() const {
  const std::string_view t = text();
  if (t.size() <= kLongLine) return;  // no line can be long
  for (std::size_t l = 0; l < line_starts_.size(); ++l) {
    const std::uint32_t begin = line_starts_[l];
    const auto end =
        l + 1 < line_starts_.size() ? line_starts_[l + 1] : static_cast<std::uint32_t>(t.size());
    if (end - begin <= kLongLine) continue;
    std::uint32_t column = 1;
    std::uint32_t column_utf16 = 1;
    for (std::size_t i = begin; i < end;) {
      // The next mark at a code point's start, about kMarkEvery bytes on.
      std::size_t next = std::min<std::size_t>(i + kMarkEvery, end);
      while (next < end && (static_cast<unsigned char>(t[next]) & 0xC0) == 0x80)
        ++next;
      count_columns(t, i, next, !decode_error_, column, column_utf16);
      i = next;
      if (i < end) column_marks_.push_back({static_cast<std::uint32_t>(i), column, column_utf16});
    }
  }
}

Position Source::position(std::uint32_t offset) const {
  if (!marked_.load(std::memory_order_acquire)) {
    // Most inputs have no long line: they need no marks, nor the lock that guards making them
    // (threads that both find none both say so, harmlessly).
    if (!has_long_line(text(), line_starts_)) {
      marked_.store(true, std::memory_order_release);
    } else {
      const std::lock_guard lock(marking_);
      if (!marked_.load(std::memory_order_relaxed)) {
        mark_columns();
        marked_.store(true, std::memory_order_release);
      }
    }
  }
  const std::string_view t = text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(t.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::size_t i = line_starts_[line - 1];
  Position p{original_offset(offset), line, 1, 1};
  const auto mark =
      std::upper_bound(column_marks_.begin(), column_marks_.end(), offset,
                       [](std::uint32_t o, const ColumnMark& m) { return o < m.offset; });
  if (mark != column_marks_.begin() && std::prev(mark)->offset >= i) {
    i = std::prev(mark)->offset;
    p.column = std::prev(mark)->column;
    p.column_utf16 = std::prev(mark)->column_utf16;
  }
  count_columns(t, i, offset, !decode_error_, p.column, p.column_utf16);
  return p;
}

std::string_view Source::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::string_view t = text();
  const std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end =
      line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(t.size());
  while (end > begin && (t[end - 1] == '\n' || t[end - 1] == '\r'))
    --end;
  return t.substr(begin, end - begin);
}

std::string_view version() {
  return GUIDELINT_VERSION;
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::off:
      return "off";
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    if (name == to_string(s)) return s;
  }
  return std::nullopt;
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const Date d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(d.year),
                                        std::chrono::month(static_cast<unsigned>(d.month)),
                                        std::chrono::day(static_cast<unsigned>(d.day))};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

Date Date::today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace guidelint
