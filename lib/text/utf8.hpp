// UTF-8 helpers shared by the line index, the folder and the parsers.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define GUIDELINT_UTF8_AVX2 1
#else
#define GUIDELINT_UTF8_AVX2 0
#endif

namespace guidelint::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i] and advances i. Malformed or truncated sequences, overlong
// forms and surrogates decode as U+FFFD and consume exactly one byte, so every byte of any
// input is accounted for and offsets stay exact.
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + len > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += len;
  return cp;
}

// The code point of the character at p[i] when it is one of U+1000–U+FFFF but the surrogates,
// three bytes, as most Chinese text and its full-width marks are; 0 for anything else, leaving i.
// With its two continuation bytes such a sequence is always well formed (no overlong form, no
// surrogate), so the loops that read every character of a guide take it here, before the
// general utf8::next.
inline char32_t next_common(const unsigned char* p, std::size_t n, std::size_t& i) {
  const unsigned char b = p[i];
  if (b < 0xE1 || b > 0xEF || b == 0xED || i + 2 >= n ||
      ((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) >= 0x40)
    return 0;
  const char32_t cp =
      (char32_t{b & 0x0Fu} << 12) | (char32_t{p[i + 1] & 0x3Fu} << 6) | (p[i + 2] & 0x3Fu);
  i += 3;
  return cp;
}

// utf8::next with ASCII and the common three-byte characters taken first: for loops over every
// character of a guide's text.
inline char32_t next_fast(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[i] < 0x80) return p[i++];
  if (const char32_t cp = next_common(p, s.size(), i); cp != 0) return cp;
  return next(s, i);
}

namespace detail {

// The first malformed sequence in p[i, n), i being where a sequence starts: skips ASCII eight
// bytes at a time and checks multi-byte forms directly.
inline std::size_t find_invalid_from(const unsigned char* p, std::size_t n, std::size_t i) {
  const auto cont = [&](std::size_t at) { return at < n && (p[at] & 0xC0) == 0x80; };
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xE0 && c <= 0xEF) {  // three bytes: almost all of CJK
      if (!cont(i + 1) || !cont(i + 2)) return i;
      if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0))
        return i;  // overlong, surrogate
      i += 3;
      // Chinese text is long runs of three-byte characters: check each with one masked load;
      // the two lead bytes with extra limits (E0, ED) go the long way round.
      while (std::endian::native == std::endian::little && i + 4 <= n) {
        std::uint32_t w;
        std::memcpy(&w, p + i, 4);
        const auto lead = static_cast<unsigned char>(w);
        if ((w & 0x00C0C0F0u) != 0x008080E0u || lead == 0xE0 || lead == 0xED) break;
        i += 3;
      }
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return i;
      if ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))
        return i;  // overlong, > U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

#if GUIDELINT_UTF8_AVX2
// The length of the prefix of whole 32-byte blocks found valid, checking each block whole with
// the lookup method of Keiser and Lemire ("Validating UTF-8 in less than one instruction per
// byte", 2021): three 16-entry tables indexed by the nibbles of each byte and of the byte before
// it flag every malformed pair, and the bytes two and three back say where a continuation must
// be. A block that holds an error, and a sequence cut off by the end of the last block, are left
// to the caller.
__attribute__((target("avx2"))) inline std::size_t valid_blocks_avx2(const unsigned char* p,
                                                                     std::size_t n) {
  constexpr char kTooShort = 1 << 0;      // a lead or ASCII where a continuation is due
  constexpr char kTooLong = 1 << 1;       // a continuation after ASCII
  constexpr char kOverlong3 = 1 << 2;     // E0 80..9F
  constexpr char kTooLarge = 1 << 3;      // F4 90.. and above
  constexpr char kSurrogate = 1 << 4;     // ED A0..BF
  constexpr char kOverlong2 = 1 << 5;     // C0, C1
  constexpr char kTooLarge1000 = 1 << 6;  // F5.. 80..8F
  constexpr char kOverlong4 = 1 << 6;     // F0 80..8F
  constexpr char kTwoConts = static_cast<char>(1 << 7);  // a continuation after a continuation
  constexpr char kCarry = kTooShort | kTooLong | kTwoConts;
  const __m256i byte1_high = _mm256_setr_epi8(
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTwoConts,
      kTwoConts, kTwoConts, kTwoConts, kTooShort | kOverlong2, kTooShort,
      kTooShort | kOverlong3 | kSurrogate, kTooShort | kTooLarge | kTooLarge1000 | kOverlong4,
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTwoConts,
      kTwoConts, kTwoConts, kTwoConts, kTooShort | kOverlong2, kTooShort,
      kTooShort | kOverlong3 | kSurrogate, kTooShort | kTooLarge | kTooLarge1000 | kOverlong4);
  constexpr char kLarge = kCarry | kTooLarge | kTooLarge1000;
  const __m256i byte1_low = _mm256_setr_epi8(
      kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry, kCarry,
      kCarry | kTooLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge, kLarge,
      kLarge | kSurrogate, kLarge, kLarge, kCarry | kOverlong3 | kOverlong2 | kOverlong4,
      kCarry | kOverlong2, kCarry, kCarry, kCarry | kTooLarge, kLarge, kLarge, kLarge, kLarge,
      kLarge, kLarge, kLarge, kLarge, kLarge | kSurrogate, kLarge, kLarge);
  constexpr char kCont = kTooLong | kOverlong2 | kTwoConts;
  const __m256i byte2_high = _mm256_setr_epi8(
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
      kCont | kOverlong3 | kTooLarge1000 | kOverlong4, kCont | kOverlong3 | kTooLarge,
      kCont | kSurrogate | kTooLarge, kCont | kSurrogate | kTooLarge, kTooShort, kTooShort,
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
      kTooShort, kTooShort, kCont | kOverlong3 | kTooLarge1000 | kOverlong4,
      kCont | kOverlong3 | kTooLarge, kCont | kSurrogate | kTooLarge,
      kCont | kSurrogate | kTooLarge, kTooShort, kTooShort, kTooShort, kTooShort);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i high_bit = _mm256_set1_epi8(static_cast<char>(0x80));
  // Bytes two back at E0 or above, or three back at F0 or above, keep their top bit after these
  // saturating subtractions: there a continuation is due.
  const __m256i third = _mm256_set1_epi8(0xE0 - 0x80);
  const __m256i fourth = _mm256_set1_epi8(0xF0 - 0x80);
  __m256i prev = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i in = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    // The 32 bytes before each byte's position, 1, 2 and 3 back.
    const __m256i carried = _mm256_permute2x128_si256(prev, in, 0x21);
    const __m256i prev1 = _mm256_alignr_epi8(in, carried, 15);
    const __m256i prev2 = _mm256_alignr_epi8(in, carried, 14);
    const __m256i prev3 = _mm256_alignr_epi8(in, carried, 13);
    const __m256i special = _mm256_and_si256(
        _mm256_and_si256(
            _mm256_shuffle_epi8(byte1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)),
            _mm256_shuffle_epi8(byte1_low, _mm256_and_si256(prev1, nibble))),
        _mm256_shuffle_epi8(byte2_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble)));
    const __m256i due = _mm256_and_si256(
        _mm256_or_si256(_mm256_subs_epu8(prev2, third), _mm256_subs_epu8(prev3, fourth)), high_bit);
    const __m256i error = _mm256_xor_si256(due, special);
    if (!_mm256_testz_si256(error, error)) break;
    prev = in;
  }
  return i;
}
#endif

}  // namespace detail

// Byte offset of the first malformed sequence, or npos when s is valid UTF-8. Runs over every
// input once: where the processor has AVX2, 32 bytes are checked at once, and only from the last
// sequence start before a block with an error (or before the end) does the scalar check look for
// the exact offset.
inline std::size_t find_invalid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t from = 0;
#if GUIDELINT_UTF8_AVX2
  static const bool avx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));
  if (s.size() >= 64 && avx2) {
    const std::size_t valid = detail::valid_blocks_avx2(p, s.size());
    // Every byte before `valid` fits the bytes before it, and a lead or ASCII byte there also
    // ends the sequence before it: the last one before `valid` starts a sequence with nothing
    // wrong before it. A valid prefix has at most three continuations in a row.
    if (valid > 0) {
      from = valid - 1;
      while (from > 0 && (p[from] & 0xC0) == 0x80)
        --from;
    }
  }
#endif
  return detail::find_invalid_from(p, s.size(), from);
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Can a character that starts with this byte be whitespace as is_space has it? Every one starts
// with an ASCII space or control byte, or with one of these lead bytes (U+00A0, U+1680,
// U+2000…U+205F, U+3000, U+FEFF): most text is ruled out by its first byte.
inline bool may_begin_space(unsigned char c) {
  return c <= ' ' || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

// Whitespace as guides use it: ASCII, NBSP, the ideographic space U+3000 and the other Zs.
inline bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

}  // namespace guidelint::utf8
