#include "report/rule_meta.hpp"

#include <algorithm>
#include <array>

#include "report/messages.hpp"
#include "rules/rule.hpp"

namespace guidelint::report {
namespace {

struct BuiltinFinding {
  std::string_view id;
  Severity severity;
  bool in_lint_runs;  // catalog-import reports on annex tables, not on guides
};

// Findings the library reports itself rather than through a rule of the config.
constexpr std::array<BuiltinFinding, 6> kBuiltinFindings{{
    {"parse-error", Severity::error, true},
    {"io-error", Severity::error, true},
    {"config-error", Severity::error, true},
    {"suppression", Severity::warning, true},
    {"resource-limit", Severity::warning, true},
    {"catalog-import", Severity::error, false},
}};

bool documented(std::string_view id) {
  if (id.empty()) return false;
  if (std::any_of(kBuiltinFindings.begin(), kBuiltinFindings.end(),
                  [&](const BuiltinFinding& f) { return f.id == id; })) {
    return true;
  }
  return rules::find_rule_type(id) != nullptr;
}

// The message id of a rule's built-in description.
std::string description_id(std::string_view id) {
  return "rule-description." + std::string(id);
}

std::string describe(std::string_view id, std::string_view written, std::string_view locale) {
  const std::string key = description_id(id);
  if (message_template(key, "zh-Hans").empty()) return std::string(written);
  // A description a config wrote is its author's words, in no locale of ours; the built-in one
  // (the same as the pack's) is translated.
  if (!written.empty() && written != render(key, {}, "zh-Hans")) return std::string(written);
  return render(key, {}, locale);
}

}  // namespace

std::string rule_doc_url(std::string_view id, std::string_view type) {
  if (documented(id)) return std::string(kRuleDocsBase) + std::string(id) + ".md";
  if (documented(type)) return std::string(kRuleDocsBase) + std::string(type) + ".md";
  return {};
}

std::vector<RuleMeta> describe_rules(const FormatOptions& options) {
  std::vector<RuleInfo> infos = options.rules;
  if (infos.empty()) {
    static const std::vector<RuleInfo> builtin = [] {
      const EngineResult built = Engine::builtin();
      return built.engine ? built.engine->rules() : std::vector<RuleInfo>{};
    }();
    infos = builtin;
  }
  std::vector<RuleMeta> out;
  for (const RuleInfo& r : infos) {
    out.push_back({r.id, r.type, r.severity, describe(r.id, r.description, options.locale),
                   rule_doc_url(r.id, r.type)});
  }
  for (const BuiltinFinding& f : kBuiltinFindings) {
    const bool listed =
        std::any_of(out.begin(), out.end(), [&](const RuleMeta& m) { return m.id == f.id; });
    if (f.in_lint_runs && !listed) out.push_back(describe_rule(f.id, options.locale));
  }
  return out;
}

RuleMeta describe_rule(std::string_view id, std::string_view locale) {
  RuleMeta meta{std::string(id), {}, std::nullopt, describe(id, {}, locale), rule_doc_url(id)};
  for (const BuiltinFinding& f : kBuiltinFindings) {
    if (f.id == id) meta.severity = f.severity;
  }
  if (rules::find_rule_type(id) != nullptr) meta.type = std::string(id);
  return meta;
}

}  // namespace guidelint::report
