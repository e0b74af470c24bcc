// stale-content: the guide was last updated long ago (or on a date that cannot be right), or
// before the State Council decision that abolished or changed its item — it was not revised when
// the law changed.
#include <algorithm>
#include <charconv>
#include <chrono>

#include "rules/catalog_scan.hpp"
#include "rules/dates.hpp"
#include "text/utf8.hpp"

namespace guidelint::rules {
namespace {

using dates::days_between;
using dates::parse_date;
using dates::Parsed;
using dates::trim;
using dates::WrittenDate;

// The day a catalog date can be at the earliest: a decision dated 2015 may be of 2015-01-01.
Date earliest(const config::PartialDate& d) {
  return Date{d.year, d.month != 0 ? d.month : 1, d.day != 0 ? d.day : 1};
}

std::string_view action_id(config::Action a) {
  switch (a) {
    case config::Action::abolished:
      return "abolished";
    case config::Action::delegated:
      return "delegated";
    case config::Action::post_approval:
      return "post_approval";
    default:
      return "";
  }
}

class StaleContent final : public Rule {
 public:
  StaleContent(std::int64_t max_age_days, Severity outdated, Severity missing,
               std::vector<config::Action> actions)
      : max_age_days_(max_age_days),
        outdated_(outdated),
        missing_(missing),
        actions_(std::move(actions)) {}

  void check(const Context& context, const Reporter& reporter) const override {
    const Guide& guide = context.guide;
    // The engine has found the guide's date wherever it is written (rules/dates.hpp).
    const std::string written(trim(guide.updated));
    if (written.empty()) {
      if (missing_ != Severity::off)
        reporter.report("stale-content.missing", {}, guide.span, {}, missing_);
      return;
    }
    const Span span = guide.updated_span.value_or(guide.span);
    const std::optional<Parsed> parsed = parse_date(written);
    if (!parsed) {
      reporter.review("stale-content.unreadable", {{"updated", written}}, span);
      return;
    }
    const WrittenDate& date = parsed->date;
    const std::string updated = written.substr(parsed->begin, parsed->end - parsed->begin);
    bool before_decision = false;
    if (!actions_.empty()) {
      for (const CatalogMatch* m : context.catalogs.item()) {
        const config::CatalogEntry& entry = *m->entry;
        if (std::find(actions_.begin(), actions_.end(), entry.action) == actions_.end()) continue;
        if (!entry.date.known() || !in_force(entry, context.as_of)) continue;
        // Surely before: the last day the written date can stand for is before the first day
        // the decision's date can.
        if (!(date.latest < earliest(entry.date))) continue;
        std::vector<Arg> args = citation(entry, context.as_of);
        args.push_back({"updated", updated});
        args.push_back({"action", std::string(action_id(entry.action))});
        reporter.report("stale-content.before-decision", std::move(args), span);
        before_decision = true;
      }
    }
    if (outdated_ == Severity::off) return;
    if (context.as_of < date.earliest) {
      reporter.report("stale-content.future",
                      {{"updated", updated}, {"as_of", as_of_text(context.as_of)}}, span, {},
                      outdated_);
      return;
    }
    // A guide older than the decision that changed its item has been reported as such.
    if (before_decision) return;
    const std::int64_t days = days_between(date.latest, context.as_of);
    if (days <= max_age_days_) return;
    reporter.report("stale-content.too-old",
                    {{"updated", updated},
                     {"as_of", as_of_text(context.as_of)},
                     {"days", days},
                     {"max_days", max_age_days_}},
                    span, {}, outdated_);
  }

 private:
  // The as-of date as findings write it: the same for each guide of a run, so formatted once
  // (per thread, rules being shared by threads).
  static const std::string& as_of_text(Date as_of) {
    thread_local Date formatted{};
    thread_local std::string text;  // empty until formatted: a date never formats empty
    if (text.empty() || !(formatted == as_of)) {
      formatted = as_of;
      text = as_of.to_string();
    }
    return text;
  }

  std::int64_t max_age_days_;
  Severity outdated_;
  Severity missing_;
  std::vector<config::Action> actions_;
};

std::optional<Severity> severity_option(const Setup& setup, std::string_view key,
                                        Severity fallback) {
  const YAML::Node node = config::get(setup.options, key);
  if (!node.IsDefined()) return fallback;
  const auto s = node.IsScalar() ? parse_severity(node.Scalar()) : std::nullopt;
  if (!s) {
    setup.file.report(node, "config.invalid-severity",
                      {{"value", node.IsScalar() ? node.Scalar() : std::string("?")}});
  }
  return s;
}

}  // namespace

RuleType stale_content_type() {
  return RuleType{
      "stale-content",
      "办事指南长期未更新、更新日期有误，或早于调整其事项的国务院决定",
      {"max_age_days", "outdated", "missing", "actions"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        bool ok = true;
        std::int64_t max_age_days = 365;
        if (const YAML::Node node = config::get(setup.options, "max_age_days"); node.IsDefined()) {
          const std::string value = node.IsScalar() ? node.Scalar() : std::string("?");
          std::int64_t n = 0;
          const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
          if (ec != std::errc() || end != value.data() + value.size() || n < 1) {
            setup.file.report(node, "stale-content.invalid-max-age", {{"value", value}});
            ok = false;
          }
          max_age_days = n;
        }
        const auto outdated = severity_option(setup, "outdated", Severity::warning);
        const auto missing = severity_option(setup, "missing", Severity::off);
        std::vector<config::Action> actions = {config::Action::abolished, config::Action::delegated,
                                               config::Action::post_approval};
        if (const YAML::Node node = config::get(setup.options, "actions"); node.IsDefined()) {
          actions.clear();
          if (!node.IsNull()) {
            auto given = config::get_strings(setup.file, setup.options, "actions");
            if (!given) return nullptr;
            for (std::size_t k = 0; k < given->size(); ++k) {
              const std::string& a = (*given)[k];
              if (a == "abolished") {
                actions.push_back(config::Action::abolished);
              } else if (a == "delegated") {
                actions.push_back(config::Action::delegated);
              } else if (a == "post_approval") {
                actions.push_back(config::Action::post_approval);
              } else {
                setup.file.report(node.IsSequence() ? node[k] : node,
                                  "stale-content.invalid-action", {{"value", a}});
                ok = false;
              }
            }
          }
        }
        if (!ok || !outdated || !missing) return nullptr;
        return std::make_unique<StaleContent>(max_age_days, *outdated, *missing,
                                              std::move(actions));
      }};
}

}  // namespace guidelint::rules
