// post-approval-precondition: an approval the State Council turned into a post-registration one
// (改为后置审批) is still treated as a precondition — by a business-registration guide that
// requires it, or by the approval's own guide that asks for it before registration.
#include <set>

#include "rules/catalog_scan.hpp"

namespace guidelint::rules {
namespace {

class PostApprovalPrecondition final : public Rule {
 public:
  PostApprovalPrecondition(std::vector<std::string> registration, std::vector<std::string> elements,
                           const std::vector<std::string>& before, std::set<std::string> retained)
      : registration_(std::move(registration)),
        elements_(std::move(elements)),
        retained_(std::move(retained)) {
    for (std::size_t k = 0; k < before.size(); ++k)
      before_.add(before[k], static_cast<std::uint32_t>(k));
    before_.build();
  }

  void check(const Context& context, const Reporter& reporter) const override {
    const Guide& guide = context.guide;
    const auto post_approval = [&](const config::CatalogEntry& entry) {
      return entry.action == config::Action::post_approval && in_force(entry, context.as_of) &&
             retained_.count(text::fold(entry.item)) == 0;
    };

    // A registration guide requiring the approval first.
    if (const Element* name = guide.find("name"); name != nullptr && registration(context, *name)) {
      for (const Element& e : guide.elements) {
        if (!scanned(e)) continue;
        for (const CatalogMatch& m : context.catalogs.matches(e)) {
          if (!post_approval(*m.entry)) continue;
          std::vector<Arg> args = citation(*m.entry, context.as_of);
          args.push_back({"label", label_of(context, e)});
          reporter.report("post-approval-precondition.required-by-registration", std::move(args),
                          m.span, e.id);
        }
      }
    }

    // The approval's own guide asking for it before registration.
    for (const CatalogMatch* m : context.catalogs.item()) {
      if (!post_approval(*m->entry)) continue;
      for (const Element& e : guide.elements) {
        if (!scanned(e)) continue;
        hits_.clear();
        before_.find(e.text, hits_);
        for (const text::Matcher::Hit& h : hits_) {
          std::vector<Arg> args = citation(*m->entry, context.as_of);
          args.push_back({"phrase", e.text.substr(h.begin, h.end - h.begin)});
          reporter.report("post-approval-precondition.before-registration", std::move(args),
                          e.source_span(h.begin, h.end), e.id);
        }
      }
    }
  }

 private:
  bool scanned(const Element& e) const { return listed(elements_, e.id); }

  bool registration(const Context& context, const Element& name) const {
    const std::string& folded = context.catalogs.folded(name);
    return std::any_of(registration_.begin(), registration_.end(),
                       [&](const std::string& p) { return folded.find(p) != std::string::npos; });
  }

  std::vector<std::string> registration_;  // folded
  std::vector<std::string> elements_;
  text::Matcher before_;
  std::set<std::string> retained_;  // folded names of retained pre-registration approvals
  // Rules are shared by threads linting at once: the hit buffer is per thread.
  static thread_local std::vector<text::Matcher::Hit> hits_;
};

thread_local std::vector<text::Matcher::Hit> PostApprovalPrecondition::hits_;

}  // namespace

RuleType post_approval_precondition_type() {
  return RuleType{
      "post-approval-precondition",
      "已改为后置审批的事项仍被当作工商登记的前置条件",
      {"registration", "elements", "before_registration"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        auto registration = phrase_list_option(setup, "registration",
                                               {"设立登记", "工商登记", "市场主体登记", "营业执照",
                                                "企业登记", "开业登记", "注册登记"});
        auto before = phrase_list_option(setup, "before_registration",
                                         {"名称预先核准", "名称预核准", "前置审批", "工商登记前",
                                          "登记注册前", "领取营业执照前", "办理营业执照前"});
        std::vector<std::string> elements = {"conditions", "materials"};
        if (config::get(setup.options, "elements").IsDefined()) {
          auto given = element_list_option(setup, "elements");
          if (!given) return nullptr;
          elements = std::move(*given);
        }
        if (!registration || !before) return nullptr;
        std::set<std::string> retained;
        for (const config::CatalogEntry& e : setup.catalogs.entries) {
          if (e.action == config::Action::retained) retained.insert(text::fold(e.item));
        }
        return std::make_unique<PostApprovalPrecondition>(
            std::move(*registration), std::move(elements), *before, std::move(retained));
      }};
}

}  // namespace guidelint::rules
