// Rule types: C++ classes, one per file. Rule instances: YAML entries in packs and configs that
// name a type and give it a severity and options. A rule sees one resolved guide at a time and
// reports diagnostics through a Reporter; it never prints, reads files or keeps state.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/catalog.hpp"
#include "config/profile.hpp"
#include "config/yaml_util.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint::rules {

class CatalogScan;
class SharedPhrases;

// What a rule sees when it checks one guide.
struct Context {
  const Source& source;
  const Guide& guide;
  const config::Profile& profile;
  Date as_of;
  CatalogScan& catalogs;  // catalog names in the guide's elements, found on first use
};

// Collects one rule's findings on one guide; fills in what the rule need not know.
// How many more findings one guide may get (limits: findings_per_guide), shared by its rules;
// findings past it are counted, not kept, so a pathological guide cannot exhaust memory.
struct FindingBudget {
  std::size_t left = SIZE_MAX;
  std::size_t dropped = 0;
};

class Reporter {
 public:
  Reporter(std::vector<Diagnostic>& out, const RuleInfo& rule, int guide,
           FindingBudget* budget = nullptr)
      : out_(out), rule_(rule), guide_(guide), budget_(budget) {}

  // at_most lowers the rule's severity for a lesser finding of the same rule (a mention of an
  // abolished item beside the item itself); it never raises it.
  void report(std::string message_id, std::vector<Arg> args, Span span, std::string element_id = {},
              Severity at_most = Severity::error) const;
  // A finding the rule cannot be sure of (wording that can be legitimate): reported as needing
  // review, counted apart from errors and warnings.
  void review(std::string message_id, std::vector<Arg> args, Span span,
              std::string element_id = {}) const;

 private:
  void add(std::string message_id, std::vector<Arg> args, Span span, std::string element_id,
           Severity at_most, bool needs_review) const;

  std::vector<Diagnostic>& out_;
  const RuleInfo& rule_;
  int guide_;
  FindingBudget* budget_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const Context& context, const Reporter& reporter) const = 0;
};

// What a rule type gets to build an instance: its options, checked against the profile.
struct Setup {
  const std::string& id;
  const YAML::Node& options;     // undefined when the config gave none
  const config::YamlFile& file;  // where the options were written
  const config::Profile& profile;
  const config::Catalogs& catalogs;
  SharedPhrases& phrases;  // lists to look for in the elements catalog names are looked for in
};

struct RuleType {
  std::string_view name;
  std::string_view description;  // one line, zh-Hans
  std::vector<std::string> option_keys;
  // Returns nullptr after reporting problems through setup.file.
  std::function<std::unique_ptr<Rule>(const Setup&)> create;
};

// Every rule type, by name.
const std::vector<RuleType>& rule_types();
const RuleType* find_rule_type(std::string_view name);

// Rule types, one per file, each defined next to its class.
RuleType required_element_type();
RuleType abolished_item_type();
RuleType delegated_item_type();
RuleType post_approval_precondition_type();
RuleType placeholder_content_type();
RuleType thin_content_type();
RuleType legal_basis_citation_type();
RuleType time_limit_format_type();
RuleType contact_format_type();
RuleType fee_basis_type();
RuleType link_to_homepage_type();
RuleType stale_content_type();

// Are these options written in a built-in pack? Those are written for the national profile:
// when a config swaps the profile, the elements the new profile lacks are left out rather than
// reported.
bool builtin_options(const Setup& setup);

// Reads an option that names profile elements. In a user's config an unknown id is reported with
// a suggestion; in a built-in pack it is left out (see builtin_options).
std::optional<std::vector<std::string>> element_list_option(const Setup& setup,
                                                            std::string_view key);

// Asked for every element of a guide, of a few short ids: compared byte by byte, most of them
// told apart by their length or first byte, without a call to compare memory.
inline bool listed(const std::vector<std::string>& ids, std::string_view id) {
  for (const std::string& x : ids) {
    if (x.size() != id.size()) continue;
    std::size_t k = 0;
    while (k < x.size() && x[k] == id[k])
      ++k;
    if (k == x.size()) return true;
  }
  return false;
}

}  // namespace guidelint::rules
