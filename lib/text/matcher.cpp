#include "text/matcher.hpp"

#include <algorithm>
#include <map>

namespace guidelint::text {

void Matcher::add(std::string_view pattern, std::uint32_t value) {
  if (!pattern.empty()) patterns_.emplace_back(std::string(pattern), value);
}

void Matcher::build() {
  // A trie with ordered children first, then flattened into sorted edge ranges.
  std::vector<std::map<unsigned char, std::uint32_t>> children(1);
  std::vector<std::vector<Output>> ends(1);
  for (const auto& [pattern, value] : patterns_) {
    std::uint32_t node = 0;
    for (const char ch : pattern) {
      const auto byte = static_cast<unsigned char>(ch);
      auto it = children[node].find(byte);
      if (it == children[node].end()) {
        const auto next = static_cast<std::uint32_t>(children.size());
        children[node].emplace(byte, next);
        children.emplace_back();
        ends.emplace_back();
        node = next;
      } else {
        node = it->second;
      }
    }
    ends[node].push_back({static_cast<std::uint32_t>(pattern.size()), value});
  }

  nodes_.assign(children.size(), Node{});
  edges_.clear();
  outputs_.clear();
  for (std::size_t n = 0; n < children.size(); ++n) {
    nodes_[n].edges_begin = static_cast<std::uint32_t>(edges_.size());
    for (const auto& [byte, to] : children[n])
      edges_.push_back({byte, to});
    nodes_[n].edges_end = static_cast<std::uint32_t>(edges_.size());
    nodes_[n].outputs_begin = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), ends[n].begin(), ends[n].end());
    nodes_[n].outputs_end = static_cast<std::uint32_t>(outputs_.size());
  }
  root_.fill(0);
  for (const auto& [byte, to] : children[0])
    root_[byte] = to;

  // Failure and dictionary links, breadth first: a node's fail target is shallower than it.
  std::vector<std::uint32_t> queue;
  for (const auto& [byte, to] : children[0]) {
    nodes_[to].fail = 0;
    queue.push_back(to);
  }
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const std::uint32_t n = queue[q];
    for (const auto& [byte, to] : children[n]) {
      nodes_[to].fail = step(nodes_[n].fail, byte);
      const Node& f = nodes_[nodes_[to].fail];
      nodes_[to].dict = f.outputs_end > f.outputs_begin ? nodes_[to].fail : f.dict;
      queue.push_back(to);
    }
  }
}

std::uint32_t Matcher::step(std::uint32_t state, unsigned char byte) const {
  while (state != 0) {
    const Node& n = nodes_[state];
    const auto first = edges_.begin() + n.edges_begin;
    const auto last = edges_.begin() + n.edges_end;
    const auto it = std::lower_bound(first, last, byte,
                                     [](const Edge& e, unsigned char b) { return e.byte < b; });
    if (it != last && it->byte == byte) return it->to;
    state = n.fail;
  }
  return root_[byte];
}

void Matcher::emit(std::uint32_t node, std::uint32_t end, std::vector<Hit>& out) const {
  for (std::uint32_t n = node; n != kNone; n = nodes_[n].dict) {
    for (std::uint32_t k = nodes_[n].outputs_begin; k < nodes_[n].outputs_end; ++k)
      out.push_back({end - outputs_[k].length, end, outputs_[k].value});
  }
}

void Matcher::find(std::string_view text, std::vector<Hit>& out) const {
  if (nodes_.size() <= 1) return;
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    state = step(state, static_cast<unsigned char>(text[i]));
    if (state != 0) emit(state, static_cast<std::uint32_t>(i + 1), out);
  }
}

}  // namespace guidelint::text
