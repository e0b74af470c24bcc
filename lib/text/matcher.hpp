// Many names found in one pass: an Aho–Corasick automaton over folded code points. Text is folded
// as it is read (one table lookup per character) and hits are given as ranges of the original
// text, so a catalog of ten thousand item names costs about what a catalog of ten costs, and no
// folded copy of the text is made.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace guidelint::text {

class Matcher {
 public:
  // One occurrence: bytes [begin, end) of the text, from the first character of the match to the
  // end of its last (characters folding removes around it are not part of it).
  struct Hit {
    std::uint32_t begin;
    std::uint32_t end;
    std::uint32_t value;
  };

  // Adds a pattern, folded here (script, width, case; spaces and punctuation removed). A pattern
  // that folds to nothing is ignored. The same pattern may be added with several values.
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
    bool reports = false;  // a pattern ends here or on its fail chain
  };
  struct Edge {
    char32_t cp;
    std::uint32_t to;
  };
  struct Output {
    std::uint32_t length;  // in folded code points
    std::uint32_t value;
  };

  // The root's transitions for the BMP, dense: most characters start no pattern. Its 256 KiB are
  // asked of the system already zeroed and written only where a pattern starts, so that a build
  // touches a few pages of them rather than clearing them all.
  class RootTable {
   public:
    RootTable() = default;
    RootTable(const RootTable& other) { *this = other; }
    RootTable& operator=(const RootTable& other);
    RootTable(RootTable&&) noexcept = default;
    RootTable& operator=(RootTable&&) noexcept = default;

    // All zero, with room for the BMP; none at all (and nothing may be read) when !needed.
    void clear(bool needed);
    void set(char32_t cp, std::uint32_t to);
    std::uint32_t operator[](char32_t cp) const { return table_[cp]; }

   private:
    struct Free {
      void operator()(std::uint32_t* p) const { std::free(p); }
    };
    std::unique_ptr<std::uint32_t[], Free> table_;
    std::vector<char32_t> written_;  // what a copy writes
  };

  std::uint32_t step(std::uint32_t state, char32_t cp) const;

  std::vector<std::pair<std::u32string, std::uint32_t>> patterns_;  // folded, as added
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<Output> outputs_;
  RootTable root_;
  std::vector<std::uint64_t> root_bits_;  // BMP characters that fold to a pattern's start
  std::uint32_t longest_ = 0;             // in folded code points
};

}  // namespace guidelint::text
