// Catalogs: items the State Council abolished, delegated or turned into post-registration
// approvals, and approvals kept before registration, each with the decision that says so. Loaded
// from rules/catalogs/*.yaml (built in) and users' own files, compiled into one matcher over
// folded item names.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "config/yaml_util.hpp"
#include "text/matcher.hpp"

namespace guidelint::config {

enum class Action {
  unknown,        // the source did not say (a cut-off cell): no rule acts on it
  abolished,      // 取消
  delegated,      // 下放
  post_approval,  // 改为后置审批
  retained,       // 保留 (a pre-registration approval that stays one)
};

// A date as the source gives it: a day, a month or only a year; or none at all.
struct PartialDate {
  int year = 0;  // 0: not known
  int month = 0;
  int day = 0;

  bool known() const { return year != 0; }
  // The last day the date can stand for: a decision dated "2015" is surely in force on
  // 2015-12-31, not before.
  Date latest() const;
  std::string to_string() const;  // "2015-02-24", "2017-11", "2015"; empty when not known
  static std::optional<PartialDate> parse(std::string_view text);
};

struct CatalogEntry {
  std::string item;  // the item's name, in the source's wording
  std::string agency;
  std::string basis;
  std::string decision;  // 国发〔2015〕11号; empty when the source gave none
  std::string decision_title;
  PartialDate date;
  Action action = Action::unknown;
  std::string action_text;  // the source's words when they say more, "下放省级卫生和计划生育部门"
  std::string source;  // where the entry was read: a URL
  std::string note;
  std::string catalog;  // the catalog file it came from
};

// What a pattern in the matcher stands for.
struct CatalogName {
  std::uint32_t entry;
  bool document;  // a certificate the item issues ("煤炭生产许可证" for "煤炭生产许可证核发")
};

// All catalogs an engine loaded, compiled.
class Catalogs {
 public:
  std::vector<CatalogEntry> entries;
  std::vector<std::string> files;  // the catalog files loaded, in order

  // Reads one catalog file and adds its entries; problems go to file.problems. False when the
  // file was unusable (its readable entries are kept so that every problem is reported).
  bool load(const YamlFile& file);
  // Compiles the names of every entry loaded so far.
  void build();

  const text::Matcher& matcher() const { return matcher_; }
  const CatalogName& name(std::uint32_t value) const { return names_[value]; }
  // The matcher's values are below this.
  std::uint32_t name_count() const { return static_cast<std::uint32_t>(names_.size()); }

 private:
  // load() for a file in the plain form the bundled ones have, with nothing to report; false,
  // having changed nothing, for any other.
  bool load_plain(const YamlFile& file);

  text::Matcher matcher_;
  std::vector<CatalogName> names_;
};

// The certificate an item issues, folded, when its name is "<certificate>核发" (许可证, 批准书,
// 执照 …): what a material that requires the item's outcome names. Empty otherwise.
std::string issued_document(std::string_view item);

std::string_view action_name(Action action);  // "取消", "下放", "改为后置审批", "保留", ""

}  // namespace guidelint::config
