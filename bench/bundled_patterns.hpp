// What the engine compiles into its one automaton, for the baselines and micro-benchmarks that
// stand in for it: every item name of the bundled catalogs and every phrase the national pack
// lists (every string in a sequence under a `phrases` key, at any depth).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "config/builtin.hpp"

namespace guidelint::bench {

inline std::vector<std::string> bundled_patterns() {
  std::vector<std::string> out;
  for (const builtin::File& f : builtin::files()) {
    if (f.path.rfind("catalogs/", 0) != 0) continue;
    for (const YAML::Node& entry : YAML::Load(std::string(f.bytes))["entries"]) {
      if (entry["item"]) out.push_back(entry["item"].as<std::string>());
    }
  }
  struct Collect {
    std::vector<std::string>& out;
    void operator()(const YAML::Node& n, bool phrases) {
      if (n.IsScalar() && phrases) out.push_back(n.as<std::string>());
      if (n.IsSequence()) {
        for (const YAML::Node& x : n)
          (*this)(x, phrases);
      } else if (n.IsMap()) {
        for (const auto& kv : n)
          (*this)(kv.second, phrases || kv.first.as<std::string>() == "phrases");
      }
    }
  } collect{out};
  collect(YAML::Load(std::string(*builtin::find("packs/national.yaml"))), false);
  return out;
}

}  // namespace guidelint::bench
