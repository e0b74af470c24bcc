// A minimal JSON writer: enough for reports, with correct string escaping. Reports are built in
// a string and written to their stream in one piece: a stream write per token costs more than
// the token.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "guidelint/guidelint.hpp"
#include "text/utf8.hpp"

namespace guidelint::report {

namespace detail {

// A byte that JSON wants escaped: a quote, a backslash or a control character.
inline void append_escape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default: {
      const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(escape, sizeof escape);
    }
  }
}

#if defined(__SSE2__)
// Strings are looked at sixteen bytes at a time.
inline constexpr std::size_t kBlock = 16;

// Bits set for the bytes of the block at p that JSON escapes: quotes, backslashes and control
// characters. Zero when there are none.
inline unsigned escapes_in(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i control = _mm_set1_epi8(0x1F);
  const __m128i special = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
      _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}

// Bits set for the bytes of the block at p that are not ASCII.
inline unsigned non_ascii_in(const char* p) {
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
}
#else
inline constexpr std::size_t kBlock = 8;
inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// The high bit of each of eight bytes that is a quote, a backslash or a control character (and
// perhaps of bytes above such a byte): zero when none is.
inline std::uint64_t escapes_in(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  const auto zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  return zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\')) |
         ((w - kOnes * 0x20) & ~w & kHigh);
}

inline std::uint64_t non_ascii_in(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w & kHigh;
}
#endif

// s escaped as JSON wants, without its quotes; bytes that do not decode as UTF-8 become U+FFFD.
inline void append_decoded(std::string& out, std::string_view s) {
  // Bytes that need no escape go out in runs.
  std::size_t run = 0;
  const auto flush = [&](std::size_t end) {
    if (end > run) out.append(s.data() + run, end - run);
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // JSON must be UTF-8: a byte that does not decode (a file name in another encoding)
      // becomes U+FFFD instead of breaking the whole report.
      const std::size_t at = i;
      const char32_t cp = utf8::next(s, i);
      if (cp == utf8::kReplacement && i - at == 1) {
        flush(at);
        out += "\\ufffd";
        run = i;
      }
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    flush(i);
    ++i;
    run = i;
    append_escape(out, c);
  }
  flush(s.size());
}

}  // namespace detail

inline void append_json_string(std::string& out, std::string_view s) {
  constexpr std::size_t kShort = 64;
  if (s.size() < kShort) {
    // Short strings (ids, names, file names, most arguments) are copied with their quotes into
    // one buffer, padded so that a block at a time is seen to the end, and most go out in one
    // append: only those that hold an escape or do not decode take the long way.
    char quoted[kShort + 1 + detail::kBlock];
    quoted[0] = '"';
    std::memcpy(quoted + 1, s.data(), s.size());
    std::memset(quoted + 1 + s.size(), 'x', detail::kBlock);
    std::uint64_t escapes = 0;
    std::uint64_t non_ascii = 0;
    for (std::size_t i = 0; i < s.size(); i += detail::kBlock) {
      escapes |= detail::escapes_in(quoted + 1 + i);
      non_ascii |= detail::non_ascii_in(quoted + 1 + i);
    }
    if (escapes == 0 && (non_ascii == 0 || utf8::find_invalid(s) == std::string_view::npos)) {
      quoted[s.size() + 1] = '"';
      out.append(quoted, s.size() + 2);
      return;
    }
    out.push_back('"');
    detail::append_decoded(out, s);
    out.push_back('"');
    return;
  }
  out.push_back('"');
  if (utf8::find_invalid(s) != std::string_view::npos) {
    detail::append_decoded(out, s);
    out.push_back('"');
    return;
  }
  // Valid UTF-8, as text almost always is: only quotes, backslashes and control characters
  // change, and a block at a time is seen to hold none.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (i + detail::kBlock <= s.size() && detail::escapes_in(s.data() + i) == 0) {
      i += detail::kBlock;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    ++i;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    if (i - 1 > run) out.append(s.data() + run, i - 1 - run);
    run = i;
    detail::append_escape(out, c);
  }
  if (s.size() > run) out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

// An integer in decimal, as a stream with the classic locale writes it.
template <typename Int>
inline void append_json_number(std::string& out, Int value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, static_cast<std::size_t>(end - digits));
}

// A message's arguments as one JSON object: {"element":"收费标准","years":3}.
inline void append_json_args(std::string& out, const std::vector<Arg>& args) {
  out.push_back('{');
  for (std::size_t k = 0; k < args.size(); ++k) {
    if (k > 0) out.push_back(',');
    append_json_string(out, args[k].name);
    out.push_back(':');
    if (const auto* s = std::get_if<std::string>(&args[k].value)) {
      append_json_string(out, *s);
    } else {
      append_json_number(out, std::get<std::int64_t>(args[k].value));
    }
  }
  out.push_back('}');
}

inline void write_json_string(std::ostream& out, std::string_view s) {
  std::string buffer;
  append_json_string(buffer, s);
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

inline void write_json_args(std::ostream& out, const std::vector<Arg>& args) {
  std::string buffer;
  append_json_args(buffer, args);
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace guidelint::report
