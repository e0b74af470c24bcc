#include "config/limits.hpp"

#include <charconv>
#include <string_view>

namespace guidelint::config {

namespace {

// Byte sizes may carry a binary unit: 64MiB, 512 KiB, 1GiB.
std::optional<std::uint64_t> parse_count(std::string_view s, bool bytes) {
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  std::uint64_t unit = 1;
  if (bytes) {
    for (const auto& [suffix, factor] :
         {std::pair<std::string_view, std::uint64_t>{"KiB", 1ull << 10},
          {"MiB", 1ull << 20},
          {"GiB", 1ull << 30}}) {
      if (s.ends_with(suffix)) {
        s.remove_suffix(suffix.size());
        while (!s.empty() && s.back() == ' ')
          s.remove_suffix(1);
        unit = factor;
        break;
      }
    }
  }
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  if (n > UINT64_MAX / unit) return std::nullopt;
  return n * unit;
}

template <typename T>
void read_one(const YamlFile& file, const YAML::Node& map, std::string_view key, T& limit,
              std::uint64_t max, bool bytes = false) {
  const YAML::Node node = get(map, key);
  if (!node.IsDefined()) return;
  const std::string value = node.IsScalar() ? node.Scalar() : std::string("?");
  const auto n = node.IsScalar() ? parse_count(value, bytes) : std::nullopt;
  if (!n || *n < 1 || *n > max) {
    file.report(node, "config.invalid-limit",
                {{"key", std::string(key)},
                 {"value", value},
                 {"max", static_cast<std::int64_t>(max)},
                 {"bytes", bytes ? "yes" : "no"}});
    return;
  }
  limit = static_cast<T>(*n);
}

}  // namespace

const Limits& default_limits() {
  static const Limits limits;
  return limits;
}

const std::vector<std::string>& limit_keys() {
  static const std::vector<std::string> keys{"input_bytes",        "depth",      "guides_per_file",
                                             "findings_per_guide", "yaml_nodes", "docx_entry_bytes",
                                             "docx_ratio"};
  return keys;
}

void read_limits(const YamlFile& file, const YAML::Node& node, Limits& limits) {
  if (!expect_map(file, node, "limits") || !node.IsMap()) return;
  check_keys(file, node, limit_keys());
  read_one(file, node, "input_bytes", limits.input_bytes, Limits::kMaxInputBytes, true);
  // Parsers recurse on nesting; past a few thousand levels a thread's stack is at risk.
  read_one(file, node, "depth", limits.depth, 4096);
  read_one(file, node, "guides_per_file", limits.guides_per_file, UINT32_MAX);
  read_one(file, node, "findings_per_guide", limits.findings_per_guide, UINT32_MAX);
  read_one(file, node, "yaml_nodes", limits.yaml_nodes, std::uint64_t{1} << 40);
  read_one(file, node, "docx_entry_bytes", limits.docx_entry_bytes, Limits::kMaxInputBytes, true);
  read_one(file, node, "docx_ratio", limits.docx_ratio, 1'000'000);
}

}  // namespace guidelint::config
