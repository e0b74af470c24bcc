// Resource limits: how much of an untrusted input guidelint will read, nest, hold and report.
// Every limit has a default that real guides stay far below, and a config's `limits:` can move it
// (a province's whole export in one NDJSON file needs more guides per file; a CMS that lints at
// save time may want a smaller input size).
#pragma once

#include <cstdint>

#include "config/yaml_util.hpp"

namespace guidelint::config {

struct Limits {
  // Offsets are 32-bit, so no setting goes past 4 GiB - 1.
  static constexpr std::uint64_t kMaxInputBytes = 0xFFFFFFFFu;

  std::uint64_t input_bytes = 256ull << 20;      // bytes of one input file or buffer
  std::uint32_t depth = 256;                     // nested elements (XML, HTML, JSON, Word's XML)
  std::uint32_t guides_per_file = 100'000;       // guides read from one input
  std::uint32_t findings_per_guide = 1'000;      // rule findings kept for one guide
  std::uint64_t yaml_nodes = kMaxYamlNodes;      // a catalog or profile with its aliases expanded
  std::uint64_t docx_entry_bytes = 64ull << 20;  // one part of a Word archive, unpacked
  std::uint32_t docx_ratio = 200;                // unpacked size over packed size of a part
};

// The defaults, for code that runs without a config.
const Limits& default_limits();

// The keys `limits:` accepts, in the order docs/config.md lists them.
const std::vector<std::string>& limit_keys();

// Reads a `limits:` mapping over `limits`, key by key: a later config layer moves only the
// limits it names. Problems (unknown keys, values that are not positive whole numbers in range)
// are reported against the file.
void read_limits(const YamlFile& file, const YAML::Node& node, Limits& limits);

}  // namespace guidelint::config
