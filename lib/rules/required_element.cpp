// required-element: every element the profile marks required is present and not blank.
#include <algorithm>

#include "rules/rule.hpp"

namespace guidelint::rules {
namespace {

class RequiredElement final : public Rule {
 public:
  explicit RequiredElement(std::vector<const config::ElementDef*> required)
      : required_(std::move(required)) {}

  void check(const Context& context, const Reporter& reporter) const override {
    const Guide& guide = context.guide;
    for (const config::ElementDef* def : required_) {
      // Present with content, under its own id or one the profile accepts in its place.
      const Element* blank = nullptr;
      bool present = false;
      const auto look = [&](std::string_view id) {
        for (const Element& e : guide.elements) {
          // Most ids differ in length or first byte: told apart there, before a call to compare.
          if (e.id.size() != id.size() || (!id.empty() && e.id[0] != id[0]) || e.id != id) continue;
          if (!e.blank())
            present = true;
          else if (blank == nullptr)
            blank = &e;
        }
      };
      look(def->id);
      for (const std::string& alt : def->satisfied_by)
        look(alt);
      if (present) continue;
      if (blank != nullptr) {
        reporter.report(
            "required-element.empty",
            {{"element", def->name}, {"label", blank->label.empty() ? def->name : blank->label}},
            blank->span, def->id);
      } else {
        reporter.report("required-element.missing", {{"element", def->name}}, guide.span, def->id);
      }
    }
  }

 private:
  std::vector<const config::ElementDef*> required_;
};

}  // namespace

RuleType required_element_type() {
  return RuleType{"required-element",
                  "办事指南缺少必备要素，或必备要素内容为空",
                  {"elements", "exclude"},
                  [](const Setup& setup) -> std::unique_ptr<Rule> {
                    const auto elements = element_list_option(setup, "elements");
                    const auto exclude = element_list_option(setup, "exclude");
                    const bool bad =
                        (config::get(setup.options, "elements").IsDefined() && !elements) ||
                        (config::get(setup.options, "exclude").IsDefined() && !exclude);
                    // element_list_option has reported whatever made an option unusable.
                    if (bad) return nullptr;
                    std::vector<const config::ElementDef*> required;
                    for (const config::ElementDef& def : setup.profile.elements) {
                      const bool chosen = elements ? listed(*elements, def.id) : def.required;
                      const bool excluded = exclude && listed(*exclude, def.id);
                      if (chosen && !excluded) required.push_back(&def);
                    }
                    return std::make_unique<RequiredElement>(std::move(required));
                  }};
}

}  // namespace guidelint::rules
