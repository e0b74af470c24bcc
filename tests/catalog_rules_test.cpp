// abolished-item, delegated-item and post-approval-precondition over every bundled catalog entry,
// in simplified and traditional script and with a full-width space inside; dates; levels.
#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "config/builtin.hpp"
#include "config/catalog.hpp"
#include "fixture_support.hpp"

namespace guidelint {
namespace {

constexpr Date kAsOf{2026, 11, 26};

const Engine& engine() {
  static const EngineResult r = Engine::builtin();
  return *r.engine;
}

FileResult lint(const std::string& text, Date as_of = kAsOf, const Engine& e = engine()) {
  LintOptions options;
  options.as_of = as_of;
  return e.lint(std::make_shared<const Source>("g.txt", text), options);
}

std::vector<const Diagnostic*> by_rule(const FileResult& r, std::string_view rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == rule) out.push_back(&d);
  }
  return out;
}

std::string_view text_at(const FileResult& r, const Diagnostic& d) {
  return testing::text_of(r, d);
}

// Is there a finding of this rule on exactly these characters?
bool found(const FileResult& r, std::string_view rule, std::string_view written,
           std::string_view message_id = {}) {
  const auto hits = by_rule(r, rule);
  return std::any_of(hits.begin(), hits.end(), [&](const Diagnostic* d) {
    return d->span && text_at(r, *d) == written &&
           (message_id.empty() || d->message_id == message_id);
  });
}

std::string arg(const Diagnostic& d, std::string_view name) {
  return testing::arg_of(d, name);
}

std::string traditional(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  static const std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  t->transliterate(u);
  std::string out;
  return u.toUTF8String(out);
}

// A full-width space after the first character.
std::string spaced(const std::string& s) {
  std::size_t first = 1;
  while (first < s.size() && (static_cast<unsigned char>(s[first]) & 0xC0) == 0x80)
    ++first;
  return s.substr(0, first) + "\u3000" + s.substr(first);
}

std::vector<config::CatalogEntry> bundled() {
  std::vector<config::CatalogEntry> out;
  for (const std::string_view name :
       {"state-council-decisions", "post-approval", "pre-approval-retained"}) {
    config::Catalogs c;
    config::Problems problems;
    const std::string path = "catalogs/" + std::string(name) + ".yaml";
    c.load(config::YamlFile{std::make_shared<const Source>(path, std::string(*builtin::find(path))),
                            &problems});
    EXPECT_TRUE(problems.empty());
    out.insert(out.end(), c.entries.begin(), c.entries.end());
  }
  return out;
}

TEST(CatalogRules, EveryBundledEntryIsFoundInEveryScriptAndNearMissesAreNot) {
  const auto entries = bundled();
  ASSERT_GT(entries.size(), 50u);
  int checked = 0;
  for (const config::CatalogEntry& e : entries) {
    for (const std::string& written : {e.item, traditional(e.item), spaced(e.item)}) {
      SCOPED_TRACE(written);
      const FileResult offered = lint("事项名称：" + written + "\n");
      const FileResult near_miss = lint("事项名称：" + written + "变更登记事项\n");
      const FileResult registration =
          lint("事项名称：企业设立登记\n申请材料：" + written + "复印件\n");
      const FileResult before =
          lint("事项名称：" + written + "\n申请材料：企业名称预先核准通知书\n");
      switch (e.action) {
        case config::Action::abolished:
          EXPECT_TRUE(found(offered, "abolished-item", written, "abolished-item.offered"));
          EXPECT_TRUE(found(registration, "abolished-item", written, "abolished-item.required"));
          EXPECT_TRUE(by_rule(near_miss, "abolished-item").empty());
          break;
        case config::Action::delegated:
          EXPECT_TRUE(found(offered, "delegated-item", written));
          EXPECT_TRUE(by_rule(near_miss, "delegated-item").empty());
          break;
        case config::Action::post_approval:
          EXPECT_TRUE(found(registration, "post-approval-precondition", written,
                            "post-approval-precondition.required-by-registration"));
          EXPECT_TRUE(found(before, "post-approval-precondition", "名称预先核准",
                            "post-approval-precondition.before-registration"));
          EXPECT_TRUE(by_rule(near_miss, "post-approval-precondition").empty());
          break;
        case config::Action::retained:
        case config::Action::unknown:
          // Retained pre-approvals may be required before registration; an entry whose action
          // the source cut off is not acted on.
          EXPECT_TRUE(by_rule(registration, "post-approval-precondition").empty());
          EXPECT_TRUE(by_rule(offered, "abolished-item").empty());
          break;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(entries.size()) * 3);
}

TEST(CatalogRules, AbolishedSinceItsDecisionsDate) {
  // 国发〔2017〕7号, 2017-01-12.
  const std::string guide = "事项名称：棉花加工资格认定\n";
  EXPECT_TRUE(by_rule(lint(guide, Date{2017, 1, 11}), "abolished-item").empty());
  const FileResult on = lint(guide, Date{2017, 1, 12});
  ASSERT_EQ(by_rule(on, "abolished-item").size(), 1u);
  const FileResult now = lint(guide);
  const Diagnostic& d = *by_rule(now, "abolished-item").at(0);
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(arg(d, "decision"), "国发〔2017〕7号");
  EXPECT_EQ(arg(d, "decision_date"), "2017-01-12");
  EXPECT_EQ(arg(d, "years"), "9");
  EXPECT_EQ(arg(d, "source"), "https://devaurl.com/site/content/1300.html");
  EXPECT_EQ(render_message(d, "en"),
            "the State Council abolished the item \"棉花加工资格认定\": "
            "国务院关于第三批取消中央指定地方实施行政许可事项的决定 (国发〔2017〕7号), "
            "2017-01-12, 9 years ago; source: https://devaurl.com/site/content/1300.html");
}

TEST(CatalogRules, AYearOnlyDateCountsFromTheYearsEndAndIsShownAsAYear) {
  const std::string guide = "事项名称：设立水利旅游项目审批\n";
  EXPECT_TRUE(by_rule(lint(guide, Date{2015, 12, 30}), "abolished-item").empty());
  const FileResult r = lint(guide, Date{2016, 1, 1});
  const auto hits = by_rule(r, "abolished-item");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(arg(*hits[0], "decision_date"), "2015");
  EXPECT_EQ(arg(*hits[0], "decision_known"), "no");
  EXPECT_NE(render_message(*hits[0]).find("（文号不详）"), std::string::npos);
}

TEST(CatalogRules, AQualifierInBracketsStillNamesTheItem) {
  const FileResult r = lint("事项名称：设立水利旅游项目审批（新设）\n");
  EXPECT_TRUE(found(r, "abolished-item", "设立水利旅游项目审批"));
  EXPECT_TRUE(by_rule(lint("事项名称：关于设立水利旅游项目审批\n"), "abolished-item").empty());
}

TEST(CatalogRules, DelegatedItemsAndTheAgencysLevel) {
  const std::string item =
      "事项名称：香港特别行政区、澳门特别行政区、台湾地区投资者在内地设置独资医院审批\n";
  const FileResult national = lint(item + "实施机构：国家卫生健康委员会\n");
  const auto above = by_rule(national, "delegated-item");
  ASSERT_EQ(above.size(), 1u);
  EXPECT_EQ(above[0]->message_id, "delegated-item.above-level");
  EXPECT_EQ(above[0]->severity, Severity::warning);
  EXPECT_EQ(text_at(national, *above[0]), "国家卫生健康委员会");
  EXPECT_EQ(arg(*above[0], "target"), "provincial");

  for (const std::string agency : {"广东省卫生健康委员会", "某市卫生健康委员会", ""}) {
    const FileResult r = lint(item + "实施机构：" + agency + "\n");
    const auto info = by_rule(r, "delegated-item");
    ASSERT_EQ(info.size(), 1u) << agency;
    EXPECT_EQ(info[0]->message_id, "delegated-item.delegated") << agency;
    EXPECT_EQ(info[0]->severity, Severity::info) << agency;
  }
  // 市场 is a word, not a city: a provincial market regulator is provincial.
  const FileResult provincial = lint(
      "事项名称：由国务院环境保护行政主管部门负责的危险废物经营许可\n实施机构：某省市场监督管理局"
      "\n");
  const auto market = by_rule(provincial, "delegated-item");
  ASSERT_EQ(market.size(), 1u);
  EXPECT_EQ(market[0]->message_id, "delegated-item.delegated");
}

TEST(CatalogRules, RetainedPreApprovalsAreNotPostApprovals) {
  const EngineResult r = Engine::from_yaml(
      "extends: []\nprofile: national\ncatalogs: [post-approval]\nrules:\n"
      "  post-approval-precondition: error\n",
      "c.yaml", ".");
  ASSERT_TRUE(r.engine);
  const std::string guide = "事项名称：企业设立登记\n申请材料：食品经营许可证\n";
  EXPECT_EQ(by_rule(lint(guide, kAsOf, *r.engine), "post-approval-precondition").size(), 1u);
  // A retained list naming the same item takes it off.
  const EngineResult with_retained = Engine::from_yaml(
      "extends: []\nprofile: national\ncatalogs: [post-approval, retained.yaml]\nrules:\n"
      "  post-approval-precondition: error\n",
      "c.yaml", GUIDELINT_FIXTURES "/catalog");
  ASSERT_TRUE(with_retained.engine)
      << render_message(with_retained.problems.at(0).diagnostics.at(0));
  EXPECT_TRUE(
      by_rule(lint(guide, kAsOf, *with_retained.engine), "post-approval-precondition").empty());
  // A registration guide may require an approval that stays before registration.
  EXPECT_TRUE(by_rule(lint("事项名称：企业设立登记\n申请材料：危险化学品经营许可证\n"),
                      "post-approval-precondition")
                  .empty());
}

TEST(CatalogRules, MentionsHaveTheirOwnSeverity) {
  const std::string guide = "事项名称：某项登记\n申请条件：已取得煤炭生产许可证\n";
  const FileResult r = lint(guide);
  const auto hits = by_rule(r, "abolished-item");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]->severity, Severity::warning);
  EXPECT_EQ(hits[0]->element_id, "conditions");
  EXPECT_EQ(arg(*hits[0], "label"), "申请条件");
  const EngineResult off =
      Engine::from_yaml("rules:\n  abolished-item:\n    options: {mentions: off}\n", "c.yaml", ".");
  ASSERT_TRUE(off.engine);
  EXPECT_TRUE(by_rule(lint(guide, kAsOf, *off.engine), "abolished-item").empty());
  const EngineResult bad = Engine::from_yaml(
      "rules:\n  abolished-item:\n    options: {mentions: loud}\n", "c.yaml", ".");
  EXPECT_FALSE(bad.engine);
}

TEST(CatalogRules, JsonOutputCarriesTheCitationAsFields) {
  const FileResult r = lint("事项名称：棉花加工资格认定\n");
  std::ostringstream out;
  auto f = make_formatter("json", out, {});
  f->begin();
  f->file(r);
  Summary s;
  s.add(r);
  f->end(s);
  const std::string json = out.str();
  for (const std::string_view field :
       {"\"decision\":\"国发〔2017〕7号\"", "\"decision_date\":\"2017-01-12\"",
        "\"source\":\"https://devaurl.com/site/content/1300.html\"", "\"years\":9"}) {
    EXPECT_NE(json.find(field), std::string::npos) << field;
  }
}

}  // namespace
}  // namespace guidelint
