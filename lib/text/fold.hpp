// Text folding: one canonical form for labels, names and phrases, whatever script and width a
// page uses. 設立水利旅遊項目審批, 设立 水利旅游项目审批 and ＳＥＴ：x all fold to their
// simplified, half-width, lower-case form without spaces or punctuation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guidelint::text {

// Folded text plus, for every byte of it, the offset in the input of the character it came from;
// origin has one extra entry, the input's size, so [origin[b], origin[e]) is the input range of
// folded bytes [b, e) whenever e is a character boundary.
struct Folded {
  std::string text;
  std::vector<std::uint32_t> origin;

  // Input range covering folded bytes [begin, end) of the input that was folded: from the first
  // character to the end of the last one, so a match underlines exactly the original characters.
  std::pair<std::uint32_t, std::uint32_t> input_range(std::string_view input, std::size_t begin,
                                                      std::size_t end) const;
};

// Appends the folded form of one code point to out. Table lookup for the BMP; other planes go
// through ICU's normalizer (rare in guides; the normalizer is thread-safe and created once).
void fold_code_point(char32_t cp, std::string& out);

std::string fold(std::string_view input);
void fold(std::string_view input, Folded& out);

}  // namespace guidelint::text
