// abolished-item: the guide offers an item the State Council abolished (取消), or its conditions
// or materials still require one.
#include "rules/catalog_scan.hpp"

namespace guidelint::rules {
namespace {

class AbolishedItem final : public Rule {
 public:
  AbolishedItem(std::vector<std::string> elements, Severity mentions)
      : elements_(std::move(elements)), mentions_(mentions) {}

  void check(const Context& context, const Reporter& reporter) const override {
    std::vector<const config::CatalogEntry*> own;
    for (const CatalogMatch* m : context.catalogs.item()) {
      if (m->entry->action != config::Action::abolished || !in_force(*m->entry, context.as_of))
        continue;
      own.push_back(m->entry);
      reporter.report("abolished-item.offered", citation(*m->entry, context.as_of), m->span,
                      "name");
    }
    if (mentions_ == Severity::off) return;
    for (const Element& e : context.guide.elements) {
      if (!listed(elements_, e.id)) continue;
      for (const CatalogMatch& m : context.catalogs.matches(e)) {
        if (m.entry->action != config::Action::abolished || !in_force(*m.entry, context.as_of))
          continue;
        if (std::find(own.begin(), own.end(), m.entry) != own.end()) continue;
        std::vector<Arg> args = citation(*m.entry, context.as_of);
        args.push_back({"label", label_of(context, e)});
        reporter.report("abolished-item.required", std::move(args), m.span, e.id, mentions_);
      }
    }
  }

 private:
  std::vector<std::string> elements_;
  Severity mentions_;
};

}  // namespace

RuleType abolished_item_type() {
  return RuleType{
      "abolished-item",
      "办事指南提供国务院已取消的事项，或其条件、材料仍要求已取消的审批",
      {"elements", "mentions"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        std::vector<std::string> elements = {"conditions", "materials"};
        if (config::get(setup.options, "elements").IsDefined()) {
          auto given = element_list_option(setup, "elements");
          if (!given) return nullptr;
          elements = std::move(*given);
        }
        Severity mentions = Severity::warning;
        if (const YAML::Node node = config::get(setup.options, "mentions"); node.IsDefined()) {
          const auto s = node.IsScalar() ? parse_severity(node.Scalar()) : std::nullopt;
          if (!s) {
            setup.file.report(node, "config.invalid-severity",
                              {{"value", node.IsScalar() ? node.Scalar() : std::string("?")}});
            return nullptr;
          }
          mentions = *s;
        }
        return std::make_unique<AbolishedItem>(std::move(elements), mentions);
      }};
}

}  // namespace guidelint::rules
