// Message templates (rules/messages/<locale>.yaml), rendered with ICU MessageFormat.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace guidelint::report {

// The locales messages exist in.
const std::vector<std::string>& locales();

// "zh-Hans", "zh-Hant" or "en" for a locale name as users and environments write it
// ("zh_TW.UTF-8", "zh-HK", "en_US", "C"); empty when it names none of them.
std::string match_locale(std::string_view name);

// The template of a message id in a locale; empty when the id is unknown there.
std::string_view message_template(std::string_view id, std::string_view locale);

// A locale's message files as built in: messages/<locale>.yaml, then messages/<locale>/*.yaml
// (one per rule type, so that a rule's messages live together), in order of name.
std::vector<std::string_view> message_files(std::string_view locale);

// All message ids of a locale, sorted.
std::vector<std::string> message_ids(std::string_view locale);

// A message rendered in a locale (falling back to zh-Hans, then to the id itself), with a
// "did you mean" note when the arguments carry a suggestion.
std::string render(std::string_view id, const std::vector<Arg>& args, std::string_view locale);
// The same, appended to `out`: a report that renders a message per finding reuses one string.
void render(std::string& out, std::string_view id, const std::vector<Arg>& args,
            std::string_view locale);

}  // namespace guidelint::report
