#include "rules/suppressions.hpp"

#include <algorithm>
#include <limits>

#include "rules/rule.hpp"
#include "text/suggest.hpp"

namespace guidelint::rules {
namespace {

constexpr std::uint32_t kEnd = std::numeric_limits<std::uint32_t>::max();

// One rule id (or every rule) suppressed over a range of the file.
struct Scope {
  std::string rule;  // empty: every rule
  std::uint32_t begin;
  std::uint32_t end;
  Span written;  // where to report it unused
  bool used = false;
};

bool names(const parse::Directive& d, const std::string& rule) {
  if (d.rules.empty()) return true;
  return std::any_of(d.rules.begin(), d.rules.end(),
                     [&](const parse::Directive::Rule& r) { return r.id == rule; });
}

// The range a disable-next-element directive covers: the first element (or guide) after it.
std::pair<std::uint32_t, std::uint32_t> next_element(const parse::Directive& d,
                                                     const std::vector<Guide>& guides) {
  std::pair<std::uint32_t, std::uint32_t> best{kEnd, kEnd};
  const auto consider = [&](Span s) {
    if (s.begin < d.span.end) return;
    const std::uint32_t end = std::max(s.end, s.begin + 1);
    if (s.begin < best.first) {
      best = {s.begin, end};
    } else if (s.begin == best.first) {
      best.second = std::max(best.second, end);  // a guide and its first element: both
    }
  };
  for (const Guide& g : guides) {
    consider(g.span);
    for (const Element& e : g.elements)
      consider(e.span);
  }
  return best;
}

}  // namespace

void apply_suppressions(const std::vector<parse::Directive>& directives,
                        const std::vector<Guide>& guides, const std::vector<RuleInfo>& rules,
                        std::vector<Diagnostic>& diagnostics) {
  if (directives.empty()) return;
  std::vector<std::string> known;
  for (const RuleInfo& r : rules)
    known.push_back(r.id);
  std::vector<std::string> types;
  for (const RuleType& t : rule_types())
    types.emplace_back(t.name);

  std::vector<Diagnostic> reports;
  const auto report = [&](std::string id, std::vector<Arg> args, Span span) {
    Diagnostic d;
    d.rule_id = "suppression";
    d.severity = Severity::warning;
    d.message_id = std::move(id);
    d.args = std::move(args);
    d.span = span;
    reports.push_back(std::move(d));
  };

  std::vector<Scope> scopes;
  for (std::size_t k = 0; k < directives.size(); ++k) {
    const parse::Directive& d = directives[k];
    if (d.kind == parse::Directive::Kind::enable) continue;
    std::vector<std::pair<std::string, Span>> ids;
    if (d.rules.empty()) ids.emplace_back(std::string(), d.span);
    for (const parse::Directive::Rule& r : d.rules) {
      const bool is_known = std::count(known.begin(), known.end(), r.id) > 0 ||
                            std::count(types.begin(), types.end(), r.id) > 0;
      if (!is_known) {
        std::vector<Arg> args{{"rule", r.id}};
        if (auto s = text::suggest(r.id, known)) args.push_back({"suggestion", *s});
        report("suppression.unknown-rule", std::move(args), r.span);
        continue;
      }
      ids.emplace_back(r.id, r.span);
    }
    for (auto& [rule, written] : ids) {
      Scope s{rule, d.span.end, kEnd, written};
      switch (d.kind) {
        case parse::Directive::Kind::disable:
          // Up to the first enable after it that names this rule (or every rule).
          for (std::size_t j = k + 1; j < directives.size(); ++j) {
            const parse::Directive& e = directives[j];
            if (e.kind == parse::Directive::Kind::enable &&
                (e.rules.empty() || (!rule.empty() && names(e, rule)))) {
              s.end = e.span.begin;
              break;
            }
          }
          break;
        case parse::Directive::Kind::disable_next_element:
          std::tie(s.begin, s.end) = next_element(d, guides);
          break;
        case parse::Directive::Kind::disable_record:
          s.begin = d.scope.begin;
          s.end = d.scope.end;
          break;
        case parse::Directive::Kind::enable:
          break;
      }
      scopes.push_back(std::move(s));
    }
  }

  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (!d.span || d.fatal || std::count(known.begin(), known.end(), d.rule_id) == 0) return false;
    bool suppressed = false;
    for (Scope& s : scopes) {
      if ((s.rule.empty() || s.rule == d.rule_id) && d.span->begin >= s.begin &&
          d.span->begin < s.end) {
        s.used = true;
        suppressed = true;
      }
    }
    return suppressed;
  });

  for (const Scope& s : scopes) {
    if (s.used) continue;
    if (s.rule.empty()) {
      report("suppression.unused-all", {}, s.written);
    } else {
      report("suppression.unused", {{"rule", s.rule}}, s.written);
    }
  }
  for (Diagnostic& d : reports)
    diagnostics.push_back(std::move(d));
}

}  // namespace guidelint::rules
