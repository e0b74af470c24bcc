// Text folding: one canonical form for labels, names and phrases, whatever script and width a
// page uses. 設立水利旅遊項目審批, 设立 水利旅游项目审批 and ＳＥＴ：x all fold to their
// simplified, half-width, lower-case form without spaces or punctuation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace guidelint::text {

// Appends the folded form of one code point to out. Table lookup for the BMP; other planes go
// through ICU's normalizer (rare in guides; the normalizer is thread-safe and created once).
void fold_code_point(char32_t cp, std::string& out);
// The folding table (see gen_fold_table.cpp): kFoldIndex[cp >> 7] selects a 128-entry block; an
// entry is 0 (unchanged), a code point, or kFoldMulti | length << 24 | offset into the pool.
namespace table {
extern const std::uint16_t* const index;
extern const std::uint32_t* const blocks;
extern const char32_t* const pool;
inline constexpr std::uint32_t kMulti = 0x80000000u;
// The table's entry for a BMP code point.
inline std::uint32_t entry(char32_t cp) {
  return blocks[index[cp >> 7] * 128u + (cp & 127u)];
}
}  // namespace table

std::u32string_view fold_supplementary(char32_t cp, std::u32string& scratch);

// The same as code points: a view of the folding table, of `one`, or of `scratch` (outside the
// BMP); empty when folding removes the character. Inline: automata call it for every character.
inline std::u32string_view fold_code_point(char32_t cp, char32_t& one, std::u32string& scratch) {
  if (cp >= 0x10000) return fold_supplementary(cp, scratch);
  const std::uint32_t entry = table::entry(cp);
  if ((entry & table::kMulti) != 0) {
    return {table::pool + (entry & 0xFFFFFF), (entry >> 24) & 0x7F};
  }
  one = entry == 0 ? cp : static_cast<char32_t>(entry);
  return {&one, 1};
}

std::string fold(std::string_view input);
// The same into a buffer, reusing its memory.
void fold(std::string_view input, std::string& out);

}  // namespace guidelint::text
