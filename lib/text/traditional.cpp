#include "text/traditional.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "text/utf8.hpp"

namespace guidelint::text {
namespace {

#include "traditional_table.inc"

}  // namespace

bool has_simplified(std::string_view input) {
  for (std::size_t i = 0; i < input.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::next(input, i);
    if (i - start == 3 && cp >= kSimplified[0] &&
        std::binary_search(std::begin(kSimplified), std::end(kSimplified), cp))
      return true;
  }
  return false;
}

std::string to_traditional(std::string_view input) {
  if (!has_simplified(input) || utf8::find_invalid(input) != std::string_view::npos)
    return std::string(input);
  // Messages are rendered on any thread; converting is rare enough for one lock.
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> hant;
  static std::unordered_map<std::string, std::string> done;
  const std::lock_guard lock(mutex);
  if (const auto it = done.find(std::string(input)); it != done.end()) return it->second;
  if (!hant) {
    UErrorCode status = U_ZERO_ERROR;
    hant.reset(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) hant.reset();
  }
  if (!hant) return std::string(input);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  hant->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  // Element names and labels are few; a text of any length is kept only while they stay few.
  if (done.size() < 4096) done.emplace(std::string(input), out);
  return out;
}

}  // namespace guidelint::text
