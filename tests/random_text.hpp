// Texts made at random from fragments, with a fixed seed, and a digest of what is read from them:
// for checking that a reading that passes over what cannot matter reads what reading every
// character read, on more inputs than examples can list.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace guidelint::testing {

class RandomText {
 public:
  // The fragments separated by '|'.
  RandomText(std::string_view fragments, std::uint32_t seed) : rng_(seed) {
    for (std::size_t at = 0; at <= fragments.size();) {
      const std::size_t bar = std::min(fragments.find('|', at), fragments.size());
      fragments_.push_back(fragments.substr(at, bar - at));
      at = bar + 1;
    }
  }

  // Up to `most` fragments, each drawn alike. (Modulo, not a distribution: the draws are the same
  // with every standard library.)
  std::string next(std::size_t most) {
    std::string s;
    const std::size_t n = rng_() % (most + 1);
    for (std::size_t k = 0; k < n; ++k)
      s += fragments_[rng_() % fragments_.size()];
    return s;
  }
  std::uint32_t draw() { return static_cast<std::uint32_t>(rng_()); }

 private:
  std::vector<std::string_view> fragments_;
  std::mt19937 rng_;
};

// FNV-1a over what was read, one text's reading after another.
class Digest {
 public:
  void add(std::string_view s) {
    for (const char c : s) {
      h_ ^= static_cast<unsigned char>(c);
      h_ *= 0x100000001b3ull;
    }
  }
  void add(std::uint64_t n) { add(std::to_string(n) + ","); }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

}  // namespace guidelint::testing
