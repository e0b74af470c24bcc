// Simplified -> traditional script, for text guidelint writes itself: zh-Hant messages quote the
// element names profiles write in simplified script.
#pragma once

#include <string>
#include <string_view>

namespace guidelint::text {

// Whether `input` has an ideograph that only simplified script writes (a table derived from ICU
// at build time; see gen_fold_table.cpp).
bool has_simplified(std::string_view input);

// `input` in traditional script, by ICU's Hans-Hant transliterator, which reads characters in
// context (标准 -> 標準, 批准 stays). Text without a simplified-only ideograph is returned as it
// is without ICU, whose transliterator takes about 13 ms to create; conversions are kept, so each
// text is converted once a process. Invalid UTF-8 is returned as it is.
std::string to_traditional(std::string_view input);

}  // namespace guidelint::text
