// The data files built into the library: rule packs, profiles and message catalogs from rules/.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace guidelint::builtin {

struct File {
  std::string_view path;  // relative to rules/, e.g. "packs/national.yaml"
  std::string_view bytes;
};

const std::vector<File>& files();

inline std::optional<std::string_view> find(std::string_view path) {
  for (const File& f : files()) {
    if (f.path == path) return f.bytes;
  }
  return std::nullopt;
}

}  // namespace guidelint::builtin
