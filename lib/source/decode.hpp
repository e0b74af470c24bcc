// Decoding an input to UTF-8, once, keeping a map back to the original bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guidelint::source {

struct Decoded {
  std::string encoding = "UTF-8";
  std::uint32_t skip = 0;  // UTF-8 input: bytes before the text (a byte order mark)
  // Transcoded input: the UTF-8 text and, for each of its bytes, the offset in the input of the
  // character it came from (one extra entry: the input's size). Empty for UTF-8 input.
  std::string text;
  std::vector<std::uint32_t> origin;
  bool transcoded = false;
  // Where decoding failed (an offset in the input), why (a message id) and the offending bytes
  // as "0xB0 0xA1" (or the unknown encoding's name).
  std::optional<std::uint32_t> error_at;
  std::string error_id;
  std::string error_detail;
};

// The encoding a document declares in its first KiB: an XML declaration's encoding, an HTML
// <meta charset> or http-equiv Content-Type. Empty when none is declared.
std::string declared_encoding(std::string_view head);

Decoded decode(std::string_view bytes);

}  // namespace guidelint::source
