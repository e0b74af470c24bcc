// The json parser and every rule after it, on arbitrary bytes.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return guidelint::fuzz::lint(data, size, "input.json");
}
