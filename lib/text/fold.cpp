#include "text/fold.hpp"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.hpp"

namespace guidelint::text {
namespace {

#include "fold_table.inc"

bool removed_outside_bmp(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  const auto mask = U_MASK(u_charType(c));
  return (mask & (U_GC_Z_MASK | U_GC_P_MASK | U_GC_CC_MASK | U_GC_CF_MASK)) != 0;
}

void fold_supplementary(char32_t cp, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (nfkc == nullptr) {
    utf8::append(out, cp);
    return;
  }
  status = U_ZERO_ERROR;
  const icu::UnicodeString folded =
      nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
  if (U_FAILURE(status)) {
    utf8::append(out, cp);
    return;
  }
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (!removed_outside_bmp(c)) utf8::append(out, static_cast<char32_t>(c));
  }
}

}  // namespace

namespace table {
const std::uint16_t* const index = kFoldIndex;
const std::uint32_t* const blocks = kFoldBlocks;
const char32_t* const pool = kFoldPool;
}  // namespace table

std::u32string_view fold_supplementary(char32_t cp, std::u32string& scratch) {
  std::string utf8;
  fold_supplementary(cp, utf8);
  scratch.clear();
  for (std::size_t i = 0; i < utf8.size();)
    scratch.push_back(utf8::next(utf8, i));
  return scratch;
}

void fold_code_point(char32_t cp, std::string& out) {
  if (cp >= 0x10000) {
    fold_supplementary(cp, out);
    return;
  }
  const std::uint32_t entry = table::entry(cp);
  if (entry == 0) {
    utf8::append(out, cp);
  } else if ((entry & kFoldMulti) == 0) {
    utf8::append(out, static_cast<char32_t>(entry));
  } else {
    const std::uint32_t len = (entry >> 24) & 0x7F;
    const std::uint32_t at = entry & 0xFFFFFF;
    for (std::uint32_t k = 0; k < len; ++k)
      utf8::append(out, kFoldPool[at + k]);
  }
}

void fold(std::string_view input, std::string& out) {
  out.clear();
  out.reserve(input.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
  for (std::size_t i = 0; i < input.size();) {
    const unsigned char b = bytes[i];
    // ASCII letters and digits are the only ASCII characters folding keeps unchanged or lowers.
    if (b < 0x80) {
      ++i;
      if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z')) {
        out.push_back(static_cast<char>(b));
        continue;
      }
      fold_code_point(b, out);
      continue;
    }
    // A three-byte character folding leaves as it is (most Chinese text) is copied as it is.
    std::size_t after = i;
    if (const char32_t cp = utf8::next_common(bytes, input.size(), after);
        cp != 0 && table::entry(cp) == 0) {
      out.append(input.data() + i, 3);
      i = after;
      continue;
    }
    fold_code_point(utf8::next(input, i), out);
  }
}

std::string fold(std::string_view input) {
  std::string out;
  fold(input, out);
  return out;
}

}  // namespace guidelint::text
