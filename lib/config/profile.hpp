// A profile: the canonical elements of a service guide and every label that names each of them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/yaml_util.hpp"
#include "text/string_map.hpp"

namespace guidelint::config {

struct ElementDef {
  std::string id;    // canonical id, "legal_basis"
  std::string name;  // zh-Hans name as messages show it, "设定依据"
  bool required = false;
  bool list = false;                      // entries are listed (materials, steps)
  std::vector<std::string> labels;        // label variants, written once (folding does the rest)
  std::vector<std::string> satisfied_by;  // other elements that count as this one being present
  std::vector<std::string> basis;         // documents that ask for the element
  std::vector<std::string> keys;          // field names in platforms' JSON exports
};

class LabelTrie;

// Record fields of JSON exports that are not guide elements.
enum class Field { none, region, updated, html, material_name };

class Profile {
 public:
  std::string name;
  std::string title;
  std::vector<ElementDef> elements;

  const ElementDef* find(std::string_view id) const;
  // The element a label names: folded (script, width, spaces, punctuation) and with any clause
  // number or bullet in front removed ("二十、办理地点：", "◆ 申請人資格"). nullptr when none does.
  const ElementDef* resolve_label(std::string_view label) const;
  std::vector<std::string> ids() const;

  // What a JSON field name stands for: an element (or nullptr) and a record field (or none);
  // "name" is both the item's name and a material's. Field names are compared with case, '_'
  // and '-' ignored (task_name, TASK_NAME, taskName), and Chinese ones as labels.
  std::pair<const ElementDef*, Field> resolve_name(std::string_view key) const;
  // resolve_name(key).second alone: a text asked whether it names a record field ("更新时间")
  // is not looked up as a label as well.
  Field resolve_field(std::string_view key) const;

  // Reads a profile file; problems go to file.problems. Returns nullopt when it is unusable.
  static std::optional<Profile> load(const YamlFile& file);

 private:
  std::shared_ptr<const LabelTrie> labels_;  // the folded labels; made by load, never changed
  // Element index + 1 by its id's hash, open addressing (0: empty); made by load.
  std::vector<std::uint32_t> by_id_;
  // What a folded field name stands for: an element (by index) and a record field.
  struct Name {
    static constexpr std::size_t kNoElement = ~std::size_t{0};
    std::size_t element = kNoElement;
    Field field = Field::none;
  };
  text::StringMap<Name> names_;
  // The same names as a trie (index into named_), for names that are not ASCII: looked up
  // along it as labels are, rather than folded whole first. Made by load.
  std::shared_ptr<const LabelTrie> name_trie_;
  std::vector<Name> named_;

  // The names_ entry the key folds to, or nullptr; `ascii`: whether the key is all ASCII.
  const Name* find_name(std::string_view key, bool& ascii) const;
};

// A JSON field name in the form names are compared in.
std::string fold_key(std::string_view key);

// The label with a leading clause number or bullet removed: "一、", "（二）", "3.", "4.1",
// "①", "◆", "【…】" brackets are left to folding.
std::string_view strip_enumerator(std::string_view label);

}  // namespace guidelint::config
