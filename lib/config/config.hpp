// Config files and built-in packs: what rules run, with which severity and options, over which
// profile. A config is a pack plus `extends`: the built-in packs are configs like any other.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/limits.hpp"
#include "config/yaml_util.hpp"

namespace guidelint::config {

// One `rules:` entry of one config file.
struct RuleSetting {
  std::string id;
  std::optional<std::string> type;
  std::optional<Severity> severity;
  std::optional<std::string> description;
  YAML::Node options;    // undefined when the entry gives none
  YamlFile file;         // where the entry was written, for problems found when building rules
  YAML::Node node;       // the entry's key
  YAML::Node type_node;  // its `type:` value, when given
};

// Where a profile or a catalog comes from: a built-in name or a file, and who named it.
struct DataRef {
  std::string name;
  std::filesystem::path base_dir;
  YamlFile file;
  YAML::Node node;
};

// An `overrides:` entry: rule settings for the files its globs match (relative to the folder of
// the config that wrote it), applied after the config's own, in order.
struct Override {
  std::vector<std::string> files;
  std::filesystem::path base_dir;  // absolute
  std::vector<RuleSetting> rules;
};

// Does a glob match a path? `*` and `?` stay within a folder name, `**` spans folders, and a
// glob without '/' is matched against the file's name alone, at any depth (as ESLint's).
bool glob_match(std::string_view glob, std::string_view path);

// A config with its `extends` chain flattened: settings in the order they apply.
struct Resolved {
  std::optional<DataRef> profile;
  std::vector<DataRef> catalogs;  // every layer's, in order, each file once
  std::vector<RuleSetting> rules;
  std::vector<Override> overrides;  // every layer's, in order
  Limits limits;                    // each layer's `limits:` over the one it extends
};

// Loads a config (and, recursively, what it extends) from YAML text. Problems go to `problems`;
// the result is usable only when none were added.
Resolved resolve(std::shared_ptr<const Source> source, const std::filesystem::path& base_dir,
                 Problems& problems);
// The same for a built-in pack by name.
Resolved resolve_builtin(std::string_view pack, Problems& problems);

// Reads a file into a Source; nullopt and a problem (against `from`, when given) if unreadable.
std::shared_ptr<const Source> read_source(const std::filesystem::path& path, std::string* error);

std::vector<std::string> builtin_names(std::string_view folder);  // "packs" -> {"national"}

}  // namespace guidelint::config
