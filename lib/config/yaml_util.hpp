// Reading YAML config files with every problem reported as a diagnostic at its file, line and
// column, never as an exception.
#pragma once

#include <cstdint>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint::config {

// Config problems as fatal "config-error" diagnostics, grouped per config file.
class Problems {
 public:
  void add(const std::shared_ptr<const Source>& source, std::optional<Span> span,
           std::string message_id, std::vector<Arg> args = {});
  bool empty() const { return results_.empty(); }
  std::size_t size() const;
  std::vector<FileResult> take() { return std::move(results_); }

 private:
  std::vector<FileResult> results_;
};

// The most nodes a config or catalog may stand for with its aliases expanded: the largest real
// catalog has a few thousand entries of a few nodes each.
inline constexpr std::uint64_t kMaxYamlNodes = 2'000'000;

// A YAML file being read: where problems go and what they point into.
struct YamlFile {
  std::shared_ptr<const Source> source;
  Problems* problems;
  // The most nodes the file may stand for with its aliases expanded (limits: yaml_nodes).
  std::uint64_t max_nodes = kMaxYamlNodes;

  Span span(const YAML::Node& node) const;
  void report(const YAML::Node& at, std::string message_id, std::vector<Arg> args = {}) const;
};

// Parses the Source as one YAML document; a syntax error, or aliases that expand past
// file.max_nodes, becomes a problem and nullopt.
std::optional<YAML::Node> load(const YamlFile& file);

// Sends `handler` the events yaml-cpp's parser would for a text written in the plain subset of
// YAML the bundled files use: block mappings and sequences, flow ones, one-line plain and quoted
// scalars, anchors, aliases and comments. Returns false, part way through, for anything else
// (the caller then drops what it was sent and asks yaml-cpp). yaml-cpp's scanner cost more than
// all the rest of building an engine.
bool read_plain(std::string_view text, YAML::EventHandler& handler);

// For readers of read_plain's events: the index of `key` in `keys` (strings or views) when it is
// there and its bit in `seen` is not yet set, which it then is; the size of `keys` for a key that
// is unknown or met twice in one mapping.
template <typename Keys>
std::size_t claim_key(const Keys& keys, std::string_view key, std::uint32_t& seen) {
  const auto it = std::find(std::begin(keys), std::end(keys), key);
  const auto k = static_cast<std::size_t>(it - std::begin(keys));
  if (it == std::end(keys) || (seen >> k & 1) != 0) return std::size(keys);
  seen |= std::uint32_t{1} << k;
  return k;
}

// The node YAML::Load builds of the same events: yaml-cpp does not export its builder, the only
// way to make nodes that carry their marks.
class NodeBuilder : public YAML::EventHandler {
 public:
  NodeBuilder();
  YAML::Node root() const;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  YAML::detail::node& push(const YAML::Mark& mark, YAML::anchor_t anchor);
  void push(YAML::detail::node& node);
  void pop();

  YAML::detail::shared_memory_holder memory_;
  YAML::detail::node* root_ = nullptr;
  std::vector<YAML::detail::node*> stack_;
  std::vector<YAML::detail::node*> anchors_;
  // The keys of the maps being built, each with whether its value has come.
  std::vector<std::pair<YAML::detail::node*, bool>> keys_;
  std::size_t map_depth_ = 0;
};

// True when `node` is a mapping (or absent); reports "expected a mapping" otherwise.
bool expect_map(const YamlFile& file, const YAML::Node& node, std::string_view key);

// Reports keys of `map` that are not in `known` (with a suggestion when one is close) and keys
// that appear twice. Returns false when there was any.
bool check_keys(const YamlFile& file, const YAML::Node& map, const std::vector<std::string>& known);

// Typed reads of map[key]; absent gives nullopt silently, a wrong type reports and gives nullopt.
std::optional<std::string> get_string(const YamlFile& file, const YAML::Node& map,
                                      std::string_view key);
std::optional<bool> get_bool(const YamlFile& file, const YAML::Node& map, std::string_view key);
// A string or a list of strings.
std::optional<std::vector<std::string>> get_strings(const YamlFile& file, const YAML::Node& map,
                                                    std::string_view key);
// The node for key, searched without yaml-cpp's operator[] (which would insert on non-const).
YAML::Node get(const YAML::Node& map, std::string_view key);

}  // namespace guidelint::config
