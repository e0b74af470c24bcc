// fee-basis: a fee (an amount) names its basis; a charge names its amount; free services pass in
// every way they are written; options; fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "fee-basis";

std::vector<const Diagnostic*> hits(const FileResult& r) {
  return testing::findings_of(r, kRule);
}

std::string guide(std::string_view fees) {
  return "事项名称：某项许可\n收费标准：" + std::string(fees) + "\n";
}

void expect_pass(const std::string& text, const Engine& e = testing::national_engine()) {
  const FileResult r = testing::lint_text(text, e);
  const auto h = hits(r);
  EXPECT_TRUE(h.empty()) << text << "→ " << render_message(*h.at(0)) << " at \""
                         << testing::text_of(r, *h.at(0)) << "\"";
}

// A copy: callers often pass a result that is gone after the call.
Diagnostic expect_one(const FileResult& r, std::string_view message_id, std::string_view at) {
  static const Diagnostic none;
  const auto h = hits(r);
  EXPECT_EQ(h.size(), 1u) << r.source->text();
  if (h.empty()) return none;
  EXPECT_EQ(h[0]->message_id, message_id) << r.source->text();
  EXPECT_EQ(testing::text_of(r, *h[0]), at) << r.source->text();
  return *h[0];
}

TEST(FeeBasis, InTheNationalPack) {
  const auto& rules = testing::national_engine().rules();
  const auto it =
      std::find_if(rules.begin(), rules.end(), [](const RuleInfo& i) { return i.id == kRule; });
  ASSERT_NE(it, rules.end());
  EXPECT_EQ(it->severity, Severity::error);
}

TEST(FeeBasis, FreeServicesPass) {
  for (const char* fees :
       {"不收费", "免费", "无收费", "0元", "０元", "不收取任何费用", "免收", "本事项不收费", "无",
        "否", "免予收费",
        "不收费（依据《中华人民共和国行政许可法》第五十八条，行政机关实施行政许可和对行政许可事项"
        "进行监督检查，不得收取任何费用）"}) {
    expect_pass(guide(fees));
  }
  expect_pass("事項名稱：某項許可\n收費標準：不收費\n");
  expect_pass("事項名稱：某項許可\n費用：免費\n");
  // 是否收费：否, with a stray line under it.
  expect_pass("事项名称：某项许可\n是否收费\n否\n十四、权力来源\n法定本级行使\n");
}

TEST(FeeBasis, FeesWithTheirBasisPass) {
  for (const char* fees :
       {"工本费每本20元，依据《某省物价局关于证照工本费标准的通知》",
        "按工程造价的0.5%收取（计价格〔2002〕125号）", "每件人民币壹佰元（财综〔2012〕97号）",
        "依据国家发展改革委令第49号，每次50元", "每证10元（发改价格[2015]1234号）",
        "¥50（依据《收费标准》）"}) {
    expect_pass(guide(fees));
  }
  expect_pass("事項名稱：某項許可\n收費標準：每件人民幣貳拾元（依據財綜〔2012〕97號）\n");
  // The basis may stand in its own element.
  expect_pass("事项名称：某项许可\n收费标准：工本费每本20元\n收费依据：财综〔2012〕97号\n");
}

TEST(FeeBasis, AFeeWithoutBasisIsAnErrorAtTheFees) {
  const FileResult r = testing::lint_text(guide("工本费每本20元"));
  const Diagnostic& d = expect_one(r, "fee-basis.no-basis", "工本费每本20元");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_FALSE(d.needs_review);
  EXPECT_EQ(d.element_id, "fees");
  EXPECT_EQ(testing::arg_of(d, "amount"), "20元");
  EXPECT_EQ(testing::arg_of(d, "label"), "收费标准");
  EXPECT_EQ(r.source->position(d.span->begin).line, 2u);
  EXPECT_EQ(r.source->position(d.span->begin).column, 6u);
  EXPECT_EQ(render_message(d),
            "“收费标准”收取费用（20元），但没有写明收费依据：应写明文件名称（《…》）或文号（如 "
            "财综〔2012〕97号）");
  for (const auto& [fees, amount] :
       std::vector<std::pair<std::string, std::string>>{{"按工程造价的0.5%收取", "0.5%"},
                                                        {"每件人民币壹佰元", "壹佰元"},
                                                        {"每件人民币100", "人民币100"},
                                                        {"￥30/本", "￥30"},
                                                        {"每平方米1.5元", "1.5元"},
                                                        {"收费标准为百分之三", "百分之三"}}) {
    const FileResult f = testing::lint_text(guide(fees));
    EXPECT_EQ(testing::arg_of(expect_one(f, "fee-basis.no-basis", fees), "amount"), amount) << fees;
  }
  // In traditional script.
  const FileResult t = testing::lint_text("事項名稱：某項許可\n收費標準：工本費每本貳拾元\n");
  const Diagnostic& td = expect_one(t, "fee-basis.no-basis", "工本費每本貳拾元");
  EXPECT_EQ(testing::arg_of(td, "amount"), "貳拾元");
  EXPECT_TRUE(render_message(td, "zh-Hant").starts_with("「收費標準」收取費用（貳拾元）"));
}

TEST(FeeBasis, AChargeWithoutAmountIsAWarning) {
  const FileResult r = testing::lint_text(guide("按标准收取"));
  const Diagnostic& d = expect_one(r, "fee-basis.no-amount", "按标准收取");
  EXPECT_EQ(d.severity, Severity::warning);
  expect_one(testing::lint_text(guide("是")), "fee-basis.no-amount", "是");
  const FileResult t = testing::lint_text(
      "事項名稱：網上遞交牌照申請\n繳款方法：申請人可以以下方法於網上繳付牌照費用\n");
  expect_one(t, "fee-basis.no-amount", "申請人可以以下方法於網上繳付牌照費用");
  // A charge that names its standard by a document passes.
  expect_pass(guide("按《某省不动产登记收费标准》收取"));
}

TEST(FeeBasis, WordingThatCanBeLegitimateNeedsReview) {
  const FileResult m = testing::lint_text(guide("不收费（原工本费10元已于2015年取消）"));
  const Diagnostic& d = expect_one(m, "fee-basis.mixed", "不收费（原工本费10元已于2015年取消）");
  EXPECT_TRUE(d.needs_review);
  EXPECT_EQ(testing::arg_of(d, "amount"), "10元");
  const FileResult u = testing::lint_text(guide("详见办事大厅公示"));
  EXPECT_TRUE(expect_one(u, "fee-basis.unclear", "详见办事大厅公示").needs_review);
}

TEST(FeeBasis, NumbersThatAreNotAmounts) {
  // Article numbers, dates, copies: no amount, nothing charged.
  expect_pass(guide("依据《行政许可法》第五十八条不收费"));
  expect_pass(guide("自2015年1月1日起免收"));
}

TEST(FeeBasis, OptionsOverrideTheDefaults) {
  // A basis phrase of one's own.
  const auto basis =
      testing::engine_from("rules:\n  fee-basis:\n    options: {basis: [省物价局核定]}\n");
  expect_pass(guide("每件10元（省物价局核定）"), *basis);
  // Only the fee_basis element is read.
  const auto only =
      testing::engine_from("rules:\n  fee-basis:\n    options: {elements: [fee_basis]}\n");
  expect_pass(guide("每件10元"), *only);
  // Free phrases replaced: 免费 no longer says free.
  const auto free = testing::engine_from("rules:\n  fee-basis:\n    options: {free: [不收费]}\n");
  expect_one(testing::lint_text(guide("免费"), *free), "fee-basis.unclear", "免费");
  // Currencies replaced.
  const auto currency =
      testing::engine_from("rules:\n  fee-basis:\n    options: {currency: [港元]}\n");
  // 10元 is no amount any more, and nothing says a fee is charged.
  expect_one(testing::lint_text(guide("每件10元"), *currency), "fee-basis.unclear", "每件10元");
  expect_one(testing::lint_text(guide("每件10港元"), *currency), "fee-basis.no-basis",
             "每件10港元");
  // Severity.
  const auto warn = testing::engine_from("rules:\n  fee-basis: warning\n");
  EXPECT_EQ(hits(testing::lint_text(guide("每件10元"), *warn)).at(0)->severity, Severity::warning);
}

TEST(FeeBasis, BadOptionsAreConfigErrors) {
  for (const char* yaml : {
           "rules:\n  fee-basis:\n    options: {elements: [fee]}\n",
           "rules:\n  fee-basis:\n    options: {free: {a: 1}}\n",
           "rules:\n  fee-basis:\n    options: {currency: }\n",
           "rules:\n  fee-basis:\n    options: {charge: [[收费]]}\n",
           "rules:\n  fee-basis:\n    options: {amounts: [元]}\n",
       }) {
    const EngineResult r = Engine::from_yaml(yaml, "cfg.yaml", ".");
    EXPECT_FALSE(r.engine) << yaml;
    ASSERT_FALSE(r.problems.empty()) << yaml;
    ASSERT_FALSE(r.problems[0].diagnostics.empty()) << yaml;
    EXPECT_EQ(r.problems[0].diagnostics[0].rule_id, "config-error") << yaml;
    EXPECT_TRUE(r.problems[0].diagnostics[0].span.has_value()) << yaml;
  }
}

TEST(FeeBasis, JsonFields) {
  EXPECT_TRUE(
      hits(testing::lint_text(R"({"task_name":"某项许可","is_fee":"0","charge_standard":"不收费"})",
                              testing::national_engine(), "g.json"))
          .empty());
  const FileResult r =
      testing::lint_text(R"({"task_name":"某项许可","is_fee":"1","charge_standard":"每件10元"})",
                         testing::national_engine(), "g.json");
  expect_one(r, "fee-basis.no-basis", "每件10元");
}

std::vector<std::string> probes() {
  std::vector<std::string> out;
  for (const char* v : {"不收费", "免费",     "免征",       "0元",      "无",       "否",
                        "是",     "1",        "有",         "10元",     "10圆",     "1万元",
                        "5角",    "10港元",   "10澳门元",   "10葡币",   "10新台币", "10美元",
                        "10欧元", "人民币10", "¥10",        "RMB10",    "HK$10",    "MOP$10",
                        "NT$10",  "$10",      "百分之三",   "千分之五", "0.5%",     "按规定收取",
                        "工本费", "缴款方式", "不涉及收费", "免予收费", "无需缴纳", "详见公示"}) {
    out.push_back(guide(v));
  }
  return out;
}

// The options the national pack writes out are those the rule has without any.
TEST(FeeBasis, PackOptionsAreTheBuiltInDefaults) {
  const auto bare = testing::engine_from("rules:\n  fee-basis:\n    options: {}\n");
  EXPECT_GT(testing::expect_same_findings(testing::national_engine(), *bare, kRule, probes()), 5u);
}

// A config with a profile of its own still builds with the national pack: the elements its
// options name that the profile lacks are left out, and the rules run on those it has.
TEST(FeeBasis, ThePackFitsAProfileWithoutItsElements) {
  const auto dir = testing::temp_dir("fee-basis-profile");
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "p.yaml")
        << "name: tiny\nelements:\n  name: {name: 事项名称, required: true}\n"
           "  fees: {name: 收费标准, labels: [费用]}\n";
    std::ofstream(dir / "c.yaml") << "profile: ./p.yaml\n";
  }
  const EngineResult r = Engine::from_file(dir / "c.yaml");
  for (const FileResult& f : r.problems) {
    const std::string_view pack = f.source->text();
    for (const std::string_view id : {"time-limit-format", "contact-format", "fee-basis"}) {
      const std::size_t begin = pack.find("\n  " + std::string(id) + ":\n");
      if (begin == std::string_view::npos) continue;
      std::size_t end = begin + 1;
      do {
        end = pack.find("\n  ", end + 1);
      } while (end != std::string_view::npos && pack.substr(end + 3, 1) == " ");
      for (const Diagnostic& d : f.diagnostics) {
        EXPECT_FALSE(d.span && d.span->begin > begin && d.span->begin < end)
            << f.source->name() << ": " << render_message(d);
      }
    }
  }
  if (r.engine) {
    const FileResult f = r.engine->lint(
        std::make_shared<const Source>("g.txt", "事项名称：甲\n费用：每件10元\n"), {});
    EXPECT_EQ(hits(f).size(), 1u);
  }
  std::filesystem::remove_all(dir);
}

// tests/fixtures/rules/fee-basis: the 2016 spot check's guide without 收费依据, a charge without
// its amount, and a guide that passes.
std::string fixture(const std::string& name) {
  return testing::read_fixture("rules/fee-basis/" + name);
}

TEST(FeeBasis, Fixtures) {
  const Diagnostic& d = expect_one(testing::lint_text(fixture("fee-without-basis.txt")),
                                   "fee-basis.no-basis", "每本120元");
  EXPECT_EQ(testing::arg_of(d, "amount"), "120元");
  expect_one(testing::lint_text(fixture("charge-without-amount.xml"), testing::national_engine(),
                                "charge-without-amount.xml"),
             "fee-basis.no-amount", "按规定标准收取");
  EXPECT_TRUE(hits(testing::lint_text(fixture("good.txt"))).empty());
}

}  // namespace
}  // namespace guidelint
