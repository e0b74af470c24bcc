// Many phrases found in one pass: an Aho–Corasick automaton over the bytes of folded text, so a
// catalog of ten thousand item names costs about what a catalog of ten costs per guide.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guidelint::text {

class Matcher {
 public:
  // One occurrence of a pattern: folded bytes [begin, end) and the value it was added with.
  struct Hit {
    std::uint32_t begin;
    std::uint32_t end;
    std::uint32_t value;
  };

  // Patterns are matched byte for byte: fold them the way the text will be folded. An empty
  // pattern is ignored. The same pattern may be added with several values.
  void add(std::string_view pattern, std::uint32_t value);
  // Compiles the automaton; add() after build() needs another build().
  void build();

  // Appends every occurrence in text, in order of their end, longest first at the same end.
  void find(std::string_view text, std::vector<Hit>& out) const;

  std::size_t patterns() const { return patterns_.size(); }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  struct Node {
    std::uint32_t fail = 0;
    std::uint32_t dict = kNone;  // nearest node on the fail chain with outputs
    std::uint32_t edges_begin = 0;
    std::uint32_t edges_end = 0;
    std::uint32_t outputs_begin = 0;
    std::uint32_t outputs_end = 0;
  };
  struct Edge {
    unsigned char byte;
    std::uint32_t to;
  };
  struct Output {
    std::uint32_t length;
    std::uint32_t value;
  };

  std::uint32_t step(std::uint32_t state, unsigned char byte) const;
  void emit(std::uint32_t node, std::uint32_t end, std::vector<Hit>& out) const;

  std::vector<std::pair<std::string, std::uint32_t>> patterns_;  // as added
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<Output> outputs_;
  std::array<std::uint32_t, 256> root_{};  // the root's transitions, dense: most bytes start none
};

}  // namespace guidelint::text
