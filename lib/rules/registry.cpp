#include "rules/rule.hpp"

namespace guidelint::rules {

const std::vector<RuleType>& rule_types() {
  // One line per rule type; each type is defined in its own file.
  static const std::vector<RuleType> all = {
      abolished_item_type(),
      delegated_item_type(),
      post_approval_precondition_type(),
      required_element_type(),
      placeholder_content_type(),
      thin_content_type(),
      legal_basis_citation_type(),
      time_limit_format_type(),
      contact_format_type(),
      fee_basis_type(),
      link_to_homepage_type(),
      stale_content_type(),
  };
  return all;
}

const RuleType* find_rule_type(std::string_view name) {
  for (const RuleType& t : rule_types()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace guidelint::rules
