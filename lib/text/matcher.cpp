#include "text/matcher.hpp"

#include <algorithm>
#include <new>
#include <numeric>
#include <span>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace guidelint::text {

namespace {

// For the BMP code points folding changes (into other code points, or into none), which code
// points they fold to; every other code point folds to itself. Made once, from the folding table's
// blocks, most of which change nothing: each matcher's build then reads these few thousand to
// mark the characters that can start its patterns, rather than folding all 65,536.
struct Changed {
  struct Fold {  // both in the BMP: two bytes each keep the table small
    char16_t folded;
    char16_t cp;
  };
  // By the 64 code points their folded one is among: those of folded >> 6 == w are
  // folds[by_word[w], by_word[w + 1]), to be read against a bitmap of starts a word at a time.
  std::vector<Fold> folds;
  std::vector<std::uint32_t> by_word;
  // Those whose folded form holds a code point past the BMP.
  std::vector<char32_t> to_supplementary;
};

const Changed& changed_by_folding() {
  static const Changed made = [] {
    constexpr char32_t kBlock = 128;  // code points per block, as table::entry reads them
    Changed changed;
    std::vector<Changed::Fold> unsorted;
    std::vector<signed char> block_changes;  // by block id: 1, 0, or -1 when not yet known
    char32_t one = 0;
    std::u32string scratch;
    for (char32_t first = 0; first < 0x10000; first += kBlock) {
      const std::uint16_t id = table::index[first / kBlock];
      if (block_changes.size() <= id) block_changes.resize(id + 1u, -1);
      const std::uint32_t* entries = table::blocks + std::size_t{id} * kBlock;
      if (block_changes[id] < 0)
        block_changes[id] = std::any_of(entries, entries + kBlock, [](auto e) { return e != 0; });
      if (block_changes[id] == 0) continue;
      for (char32_t cp = first; cp < first + kBlock; ++cp) {
        if (entries[cp - first] == 0) continue;
        for (const char32_t f : fold_code_point(cp, one, scratch)) {
          if (f >= 0x10000) {
            changed.to_supplementary.push_back(cp);
          } else {
            unsorted.push_back({static_cast<char16_t>(f), static_cast<char16_t>(cp)});
          }
        }
      }
    }
    // Counted, then placed: two passes instead of a sort.
    changed.by_word.assign(0x10000 / 64 + 1, 0);
    for (const Changed::Fold& fold : unsorted)
      ++changed.by_word[(fold.folded >> 6) + 1];
    for (std::size_t w = 1; w < changed.by_word.size(); ++w)
      changed.by_word[w] += changed.by_word[w - 1];
    std::vector<std::uint32_t> next(changed.by_word.begin(), changed.by_word.end() - 1);
    changed.folds.resize(unsorted.size());
    for (const Changed::Fold& fold : unsorted)
      changed.folds[next[fold.folded >> 6]++] = fold;
    return changed;
  }();
  return made;
}

}  // namespace

void Matcher::add(std::string_view pattern, std::uint32_t value) {
  std::u32string folded;
  std::u32string scratch;
  char32_t one = 0;
  for (std::size_t i = 0; i < pattern.size();)
    folded += fold_code_point(utf8::next(pattern, i), one, scratch);
  if (!folded.empty()) patterns_.emplace_back(std::move(folded), value);
}

void Matcher::build() {
  // The trie of the patterns in sorted order: each shares the nodes of its common prefix with the
  // one before it and adds the rest, so that a node's children are made in the order of their
  // code points, and identical patterns end one after the other.
  std::vector<std::uint32_t> order(patterns_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return patterns_[a].first < patterns_[b].first;
  });
  struct Made {
    std::uint32_t parent;
    char32_t cp;
  };
  std::vector<Made> made(1);           // how each node was reached; the root's unused
  std::vector<std::uint32_t> path{0};  // the previous pattern's nodes, from the root
  std::u32string_view previous;
  nodes_.assign(1, Node{});
  outputs_.clear();
  longest_ = 0;
  for (const std::uint32_t k : order) {
    const std::u32string& pattern = patterns_[k].first;
    const std::size_t common = static_cast<std::size_t>(
        std::mismatch(pattern.begin(), pattern.end(), previous.begin(), previous.end()).first -
        pattern.begin());
    path.resize(common + 1);
    for (std::size_t i = common; i < pattern.size(); ++i) {
      made.push_back({path.back(), pattern[i]});
      nodes_.emplace_back();
      path.push_back(static_cast<std::uint32_t>(made.size() - 1));
    }
    Node& end = nodes_[path.back()];
    if (end.outputs_begin == end.outputs_end)
      end.outputs_begin = static_cast<std::uint32_t>(outputs_.size());
    outputs_.push_back({static_cast<std::uint32_t>(pattern.size()), patterns_[k].second});
    end.outputs_end = static_cast<std::uint32_t>(outputs_.size());
    longest_ = std::max(longest_, static_cast<std::uint32_t>(pattern.size()));
    previous = pattern;
  }

  // Each node's edges together: counted, then placed in the order the children were made.
  for (std::size_t n = 1; n < made.size(); ++n)
    ++nodes_[made[n].parent].edges_end;
  std::uint32_t placed = 0;
  for (Node& node : nodes_) {
    const std::uint32_t count = node.edges_end;
    node.edges_begin = node.edges_end = placed;
    placed += count;
  }
  edges_.resize(placed);
  for (std::size_t n = 1; n < made.size(); ++n)
    edges_[nodes_[made[n].parent].edges_end++] = {made[n].cp, static_cast<std::uint32_t>(n)};
  const auto children = [&](std::uint32_t n) {
    return std::span<const Edge>(edges_.data() + nodes_[n].edges_begin,
                                 edges_.data() + nodes_[n].edges_end);
  };

  // Which characters, as written, fold to something that starts a pattern: most characters of
  // a text do not, and are passed over without folding them. A character folding leaves as it is
  // does when it starts one itself; the others when one of their folded code points does.
  root_.clear(nodes_.size() > 1);
  root_bits_.assign(nodes_.size() > 1 ? 0x10000 / 64 : 0, 0);
  if (nodes_.size() > 1) {
    std::vector<std::uint64_t> starts(0x10000 / 64, 0);  // the patterns' first code points
    const auto set = [](std::vector<std::uint64_t>& bits, char32_t cp) {
      bits[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    };
    for (const auto& [f, to] : children(0)) {
      if (f >= 0x10000) continue;
      root_.set(f, to);
      set(starts, f);
      if (table::entry(f) == 0) set(root_bits_, f);
    }
    const Changed& changed = changed_by_folding();
    for (std::size_t w = 0; w < starts.size(); ++w) {
      if (starts[w] == 0) continue;
      for (std::uint32_t k = changed.by_word[w]; k < changed.by_word[w + 1]; ++k) {
        const auto& [f, cp] = changed.folds[k];
        if ((starts[w] >> (f & 63) & 1) != 0) set(root_bits_, cp);
      }
    }
    for (const char32_t cp : changed.to_supplementary)
      set(root_bits_, cp);
  }

  // Failure and dictionary links, breadth first: a node's fail target is shallower than it, so
  // its links are complete when the node is reached.
  std::vector<std::uint32_t> queue;
  for (const auto& [cp, to] : children(0))
    queue.push_back(to);
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const std::uint32_t n = queue[q];
    Node& node = nodes_[n];
    const Node& fail = nodes_[node.fail];
    node.dict = fail.outputs_end > fail.outputs_begin ? node.fail : fail.dict;
    node.reports = node.outputs_end > node.outputs_begin || node.dict != kNone;
    for (const auto& [cp, to] : children(n)) {
      nodes_[to].fail = step(node.fail, cp);
      queue.push_back(to);
    }
  }
}

Matcher::RootTable& Matcher::RootTable::operator=(const RootTable& other) {
  if (this == &other) return *this;
  clear(other.table_ != nullptr);
  for (const char32_t cp : other.written_)
    set(cp, other[cp]);
  return *this;
}

void Matcher::RootTable::clear(bool needed) {
  written_.clear();
  table_.reset(needed ? static_cast<std::uint32_t*>(std::calloc(0x10000, sizeof(std::uint32_t)))
                      : nullptr);
  if (needed && table_ == nullptr) throw std::bad_alloc();
}

void Matcher::RootTable::set(char32_t cp, std::uint32_t to) {
  table_[cp] = to;
  written_.push_back(cp);
}

std::uint32_t Matcher::step(std::uint32_t state, char32_t cp) const {
  while (state != 0) {
    const Node& n = nodes_[state];
    const auto first = edges_.begin() + n.edges_begin;
    const auto last = edges_.begin() + n.edges_end;
    const auto it =
        std::lower_bound(first, last, cp, [](const Edge& e, char32_t c) { return e.cp < c; });
    if (it != last && it->cp == cp) return it->to;
    state = n.fail;
  }
  if (cp < 0x10000) return root_[cp];
  const Node& root = nodes_[0];
  const auto first = edges_.begin() + root.edges_begin;
  const auto last = edges_.begin() + root.edges_end;
  const auto it =
      std::lower_bound(first, last, cp, [](const Edge& e, char32_t c) { return e.cp < c; });
  return it != last && it->cp == cp ? it->to : 0;
}

void Matcher::find(std::string_view text, std::vector<Hit>& out) const {
  if (nodes_.size() <= 1) return;
  // Where the last `longest_` folded code points came from: a hit's first character.
  std::size_t ring = 1;
  while (ring <= longest_)
    ring <<= 1;
  std::uint32_t starts_small[256];
  std::vector<std::uint32_t> starts_large;
  std::uint32_t* starts = starts_small;
  if (ring > 256) {
    starts_large.resize(ring);
    starts = starts_large.data();
  }
  const std::size_t mask = ring - 1;
  std::size_t count = 0;  // folded code points that may be part of a hit
  std::uint32_t state = 0;
  char32_t one = 0;
  std::u32string scratch;
  const std::size_t n = text.size();
  const auto feed = [&](char32_t f, std::uint32_t start, std::size_t end) {
    if (state == 0 && f < 0x10000) {
      state = root_[f];
      // A character that starts no name from the root is part of no hit: skip it cheaply.
      if (state == 0) return;
    } else {
      state = step(state, f);
    }
    starts[count & mask] = start;
    ++count;
    if (!nodes_[state].reports) return;
    for (std::uint32_t node = state; node != kNone; node = nodes_[node].dict) {
      for (std::uint32_t k = nodes_[node].outputs_begin; k < nodes_[node].outputs_end; ++k) {
        out.push_back({starts[(count - outputs_[k].length) & mask], static_cast<std::uint32_t>(end),
                       outputs_[k].value});
      }
    }
  };
  for (std::size_t i = 0; i < n;) {
    const auto start = static_cast<std::uint32_t>(i);
    const char32_t cp = utf8::next_fast(text, i);
    // The bitmap (8 KiB) stays in the first-level cache, where the tables would not.
    if (state == 0 && cp < 0x10000 && (root_bits_[cp >> 6] >> (cp & 63) & 1) == 0) continue;
    for (const char32_t f : fold_code_point(cp, one, scratch))
      feed(f, start, i);
  }
}

}  // namespace guidelint::text
