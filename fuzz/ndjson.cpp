// NDJSON: one record per line, many guides per input.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return guidelint::fuzz::lint(data, size, "input.ndjson");
}
