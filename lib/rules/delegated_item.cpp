// delegated-item: the item was delegated (下放) to a lower level of government; a guide whose
// agency sits above that level is out of date, any other is told which decision applies.
#include "rules/catalog_scan.hpp"

namespace guidelint::rules {
namespace {

// Levels of government, from the centre down.
enum class Level { national, provincial, municipal, county, unknown };

std::string_view level_name(Level level) {
  switch (level) {
    case Level::national:
      return "national";
    case Level::provincial:
      return "provincial";
    case Level::municipal:
      return "municipal";
    case Level::county:
      return "county";
    case Level::unknown:
      break;
  }
  return "unknown";
}

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// The level a decision delegates to, from its wording: 下放省级卫生和计划生育部门.
Level target_level(const std::string& folded) {
  if (contains(folded, "县级")) return Level::county;
  if (contains(folded, "设区的市") || contains(folded, "市级") || contains(folded, "地级"))
    return Level::municipal;
  if (contains(folded, "省级")) return Level::provincial;
  return Level::unknown;
}

// The level an agency's name places it at: the lowest administrative division it names.
// 市场 (market) and 社区/地区 are words, not divisions.
Level agency_level(std::string folded) {
  for (const std::string_view word : {"市场", "社区", "地区", "自治区"}) {
    for (std::size_t at = folded.find(word); at != std::string::npos; at = folded.find(word)) {
      folded.replace(at, word.size(), word == "自治区" ? "省" : "");
    }
  }
  if (contains(folded, "县") || contains(folded, "旗") || contains(folded, "区"))
    return Level::county;
  if (contains(folded, "市") || contains(folded, "州") || contains(folded, "盟"))
    return Level::municipal;
  if (contains(folded, "省")) return Level::provincial;
  if (folded.starts_with("国家") || folded.starts_with("国务院") ||
      folded.starts_with("中华人民共和国") || folded.ends_with("部") || folded.ends_with("总局"))
    return Level::national;
  return Level::unknown;
}

class DelegatedItem final : public Rule {
 public:
  void check(const Context& context, const Reporter& reporter) const override {
    const Guide& guide = context.guide;
    // The agency and its level, read for the few guides whose item was delegated.
    const Element* agency = nullptr;
    std::string agency_text;
    Level level = Level::unknown;
    bool agency_read = false;
    for (const CatalogMatch* m : context.catalogs.item()) {
      const config::CatalogEntry& entry = *m->entry;
      if (entry.action != config::Action::delegated || !in_force(entry, context.as_of)) continue;
      if (!agency_read) {
        agency_read = true;
        agency = guide.find("agency");
        agency_text = agency != nullptr && !agency->blank() ? agency->text : guide.department;
        if (!agency_text.empty()) level = agency_level(text::fold(agency_text));
      }
      const Level target = target_level(text::fold(entry.action_text));
      std::vector<Arg> args = citation(entry, context.as_of);
      args.push_back(
          {"action_text", entry.action_text.empty() ? std::string("下放") : entry.action_text});
      if (level != Level::unknown && target != Level::unknown && level < target) {
        args.push_back({"agency", agency_text});
        args.push_back({"level", std::string(level_name(level))});
        args.push_back({"target", std::string(level_name(target))});
        const Span at = agency != nullptr && !agency->blank() ? agency->value_span() : m->span;
        reporter.report("delegated-item.above-level", std::move(args), at, "agency");
      } else {
        reporter.report("delegated-item.delegated", std::move(args), m->span, "name",
                        Severity::info);
      }
    }
  }
};

}  // namespace

RuleType delegated_item_type() {
  return RuleType{
      "delegated-item",
      "办事指南的事项已由国务院决定下放，实施机关的层级与决定不符",
      {},
      [](const Setup&) -> std::unique_ptr<Rule> { return std::make_unique<DelegatedItem>(); }};
}

}  // namespace guidelint::rules
