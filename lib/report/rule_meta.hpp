// What reports say about a rule beyond its id: its doc page, default severity and a one-line
// description, for the formats that describe the rules they report (SARIF, rdjson).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint::report {

inline constexpr std::string_view kHomepage = "https://github.com/guidelint/guidelint";
// Where the rule pages of the repository (docs/rules/<id>.md) are published.
inline constexpr std::string_view kRuleDocsBase =
    "https://github.com/guidelint/guidelint/blob/main/docs/rules/";

// The doc page of a rule: that of its id when the id is a rule type or a built-in finding
// (parse-error, …), else that of its type, for an instance a config defines; empty when
// there is none.
std::string rule_doc_url(std::string_view id, std::string_view type = {});

struct RuleMeta {
  std::string id;
  std::string type;                  // the rule type; empty when not known
  std::optional<Severity> severity;  // the default severity, when known
  std::string description;           // one line; empty when not known
  std::string help_uri;              // empty when there is no doc page
};

// The rules of a run as reports describe them, in this order: those of FormatOptions::rules
// (the built-in pack's when it is empty), then the findings every run may report (parse-error,
// io-error, config-error, suppression). Descriptions are in the options' locale, except those
// a config wrote, which are its author's words.
std::vector<RuleMeta> describe_rules(const FormatOptions& options);

// A rule id not in that list (a rule of a config found beside the files, catalog-import),
// described from what is built in about it.
RuleMeta describe_rule(std::string_view id, std::string_view locale);

}  // namespace guidelint::report
