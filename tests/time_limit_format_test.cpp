// time-limit-format: numbers and units in Arabic, full-width and Chinese numerals, simplified and
// traditional script; vague wording; legal against promised limits; options; fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "time-limit-format";

std::vector<const Diagnostic*> hits(const FileResult& r) {
  return testing::findings_of(r, kRule);
}

// No finding of the rule.
void expect_pass(const std::string& text, const Engine& e = testing::national_engine()) {
  const FileResult r = testing::lint_text(text, e);
  const auto h = hits(r);
  EXPECT_TRUE(h.empty()) << text << "\n→ " << render_message(*h.at(0)) << " at \""
                         << testing::text_of(r, *h.at(0)) << "\"";
}

// Exactly one finding, with this message id, on these characters.
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

TEST(TimeLimitFormat, InTheNationalPack) {
  const auto& rules = testing::national_engine().rules();
  const auto it =
      std::find_if(rules.begin(), rules.end(), [](const RuleInfo& i) { return i.id == kRule; });
  ASSERT_NE(it, rules.end());
  EXPECT_EQ(it->severity, Severity::error);
  EXPECT_EQ(it->type, "time-limit-format");
  EXPECT_FALSE(it->description.empty());
}

TEST(TimeLimitFormat, NumbersAndUnitsPass) {
  for (const char* value : {"20个工作日",
                            "自受理之日起20个工作日内办结",
                            "60个工作日内",
                            "承诺3个工作日",
                            "１０个工作日",
                            "十五个工作日",
                            "二十日",
                            "三十日内",
                            "一百二十日",
                            "45 (工作日)",
                            "45（工作日）",
                            "3个月",
                            "24小时",
                            "2周",
                            "0.5个工作日",
                            "半个工作日",
                            "20个工作日（情况复杂的，可延长10个工作日）",
                            "即办",
                            "即来即办（材料齐全的当场办结）",
                            "当场办结",
                            "即时办结",
                            "立即办理",
                            "30秒内接听"}) {
    expect_pass(std::string("事项名称：某项许可\n办理时限：") + value + "\n");
  }
}

TEST(TimeLimitFormat, TraditionalScriptPasses) {
  for (const char* value :
       {"20個工作日", "十個工作天內", "三十日內", "當場辦結", "即時辦理", "3個月", "48小時"}) {
    expect_pass(std::string("事項名稱：某項許可\n辦理時限：") + value + "\n");
  }
}

TEST(TimeLimitFormat, VagueWordingIsAnErrorAtTheValue) {
  const FileResult r =
      testing::lint_text("事项名称：某项许可\n办理时限：按规定时限办理\n咨询电话：0371-12345678\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.vague", "按规定时限办理");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_FALSE(d.needs_review);
  EXPECT_EQ(d.element_id, "time_limit");
  EXPECT_EQ(testing::arg_of(d, "label"), "办理时限");
  EXPECT_EQ(testing::arg_of(d, "phrase"), "按规定时限");
  EXPECT_EQ(r.source->position(d.span->begin).line, 2u);
  EXPECT_EQ(r.source->position(d.span->begin).column, 6u);
  EXPECT_EQ(render_message(d),
            "“办理时限”只写了“按规定时限”，没有写明时限：应写明数字和单位（如“20个工作日”），"
            "或写明“即办”");
  EXPECT_NE(render_message(d, "en").find("only says"), std::string::npos);

  for (const char* value : {"尽快办理", "及时办理", "另行通知", "在法定时限内办结"}) {
    const FileResult v =
        testing::lint_text(std::string("事项名称：某项许可\n办理时限：") + value + "\n");
    expect_one(v, "time-limit-format.vague", value);
  }
}

TEST(TimeLimitFormat, WordsAreFoundAcrossSpacesAndMarks) {
  // Folding removes spaces and punctuation from the text as from the words; the phrase is
  // quoted as written.
  expect_pass("事项名称：某项许可\n办理时限：即 时 办 结\n");
  const FileResult r = testing::lint_text("事项名称：某项许可\n办理时限：按“规定”时限办理\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.vague", "按“规定”时限办理");
  EXPECT_EQ(testing::arg_of(d, "phrase"), "按“规定”时限");
}

TEST(TimeLimitFormat, TraditionalVagueWording) {
  const FileResult r = testing::lint_text("事項名稱：某項許可\n辦理時限：按規定時限辦理\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.vague", "按規定時限辦理");
  EXPECT_EQ(testing::arg_of(d, "phrase"), "按規定時限");
  EXPECT_EQ(testing::arg_of(d, "label"), "辦理時限");
  EXPECT_TRUE(render_message(d, "zh-Hant").starts_with("「辦理時限」只寫了「按規定時限」"));
}

TEST(TimeLimitFormat, NoNumberAtAllIsAnError) {
  const FileResult r = testing::lint_text("事项名称：某项许可\n办理时限：详见办事大厅公示\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.missing", "详见办事大厅公示");
  EXPECT_EQ(d.severity, Severity::error);
  // A number without a unit that counts time is no limit either.
  expect_one(testing::lint_text("事项名称：某项许可\n办理时限：分3个阶段办理\n"),
             "time-limit-format.missing", "分3个阶段办理");
}

TEST(TimeLimitFormat, DatesAreNotLimits) {
  expect_one(testing::lint_text("事项名称：某项许可\n办理时限：2024年3月1日起按新标准办理\n"),
             "time-limit-format.missing", "2024年3月1日起按新标准办理");
}

TEST(TimeLimitFormat, WordingThatCanBeLegitimateNeedsReview) {
  // A bare number (a platform field without its unit).
  const Diagnostic& bare = expect_one(testing::lint_text("事项名称：某项许可\n承诺时限：20\n"),
                                      "time-limit-format.no-unit", "20");
  EXPECT_TRUE(bare.needs_review);
  EXPECT_EQ(testing::arg_of(bare, "number"), "20");
  // "No time limit" said in so many words.
  const FileResult u = testing::lint_text("事項名稱：查詢政府手續\n辦理時限：沒有時限規定。\n");
  EXPECT_TRUE(expect_one(u, "time-limit-format.unlimited", "沒有時限規定。").needs_review);
  EXPECT_EQ(u.reviews(), 1u);
  // The limits follow in a table the input did not attach to the label.
  const FileResult f =
      testing::lint_text("事項名稱：牌照申請\n服務承諾：監管局就處理牌照申請的服務承諾如下:\n");
  EXPECT_TRUE(expect_one(f, "time-limit-format.follows", "監管局就處理牌照申請的服務承諾如下:")
                  .needs_review);
}

TEST(TimeLimitFormat, PromisedLongerThanLegalIsAnError) {
  const FileResult r = testing::lint_text(
      "事项名称：某项许可\n办理时限：法定办结时限：20个工作日；承诺办结时限：25个工作日\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.promised-longer", "25个工作日");
  EXPECT_FALSE(d.needs_review);
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(testing::arg_of(d, "legal"), "20");
  EXPECT_EQ(testing::arg_of(d, "legal_unit"), "workday");
  EXPECT_EQ(testing::arg_of(d, "promised"), "25");
  EXPECT_EQ(testing::arg_of(d, "promised_unit"), "workday");
  EXPECT_EQ(render_message(d), "“办理时限”的承诺时限（25个工作日）长于法定时限（20个工作日）");
  EXPECT_EQ(render_message(d, "en"),
            "the promised time limit in \"办理时限\" (25 working days) is longer than the legal "
            "one (20 working days)");

  // In separate elements, in traditional script and Chinese numerals.
  const FileResult t = testing::lint_text(
      "事項名稱：某項許可\n法定辦結時限：二十個工作日\n承諾辦結時限：三十個工作日\n");
  const Diagnostic& td = expect_one(t, "time-limit-format.promised-longer", "三十個工作日");
  EXPECT_EQ(testing::arg_of(td, "legal"), "20");
  EXPECT_EQ(testing::arg_of(td, "promised"), "30");
  EXPECT_EQ(td.element_id, "promised_time_limit");
  EXPECT_EQ(testing::arg_of(td, "label"), "承諾辦結時限");

  // Immediate legal, days promised.
  expect_one(testing::lint_text("事项名称：某项许可\n法定时限：即办\n承诺时限：3个工作日\n"),
             "time-limit-format.promised-longer", "3个工作日");
}

TEST(TimeLimitFormat, PromisedWithinLegalPasses) {
  for (const char* text :
       {"法定办结时限：20个工作日；承诺办结时限：5个工作日",
        "法定时限：45个工作日  承诺时限：20个工作日", "20个工作日（法定时限45个工作日）",
        "法定办结时限：20个工作日；承诺办结时限：即办",
        "承诺15个工作日内办结（现场核查、专家评审等特别程序时间不计算在内）",
        "法定时限：2个月；承诺时限：30日", "法定时限：20日；承诺时限：10个工作日"}) {
    expect_pass(std::string("事项名称：某项许可\n办理时限：") + text + "\n");
  }
  expect_pass("事项名称：某项许可\n法定期限：20个工作日\n承诺期限：20个工作日\n");
  // 法定节假日 is no marker.
  expect_pass(
      "事项名称：某项许可\n承诺时限：5个工作日\n办理时限：法定节假日除外，3个工作日内办结\n");
  // An extension is not a promise.
  expect_pass(
      "事项名称：某项许可\n承诺时限：10个工作日（情况复杂的，可延长30个工作日）\n"
      "法定时限：20个工作日\n");
}

TEST(TimeLimitFormat, DifferentUnitsAreReviewedWhenTheyMayBeLonger) {
  // 20 working days take 20 to 33 calendar days: perhaps longer than 25 days.
  const FileResult r =
      testing::lint_text("事项名称：某项许可\n法定时限：25日\n承诺时限：20个工作日\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.promised-maybe-longer", "20个工作日");
  EXPECT_TRUE(d.needs_review);
  EXPECT_EQ(testing::arg_of(d, "legal_unit"), "day");
  EXPECT_EQ(testing::arg_of(d, "promised_unit"), "workday");
  // 2 months are surely longer than 20 days.
  const FileResult m = testing::lint_text("事项名称：某项许可\n法定时限：20日\n承诺时限：2个月\n");
  EXPECT_FALSE(expect_one(m, "time-limit-format.promised-longer", "2个月").needs_review);
}

TEST(TimeLimitFormat, AGuessedRoleIsOnlyReviewed) {
  // The unmarked limit beside a legal one is read as the promise, but it is a guess.
  const FileResult r =
      testing::lint_text("事项名称：某项许可\n办理时限：30个工作日（法定时限20个工作日）\n");
  const Diagnostic& d = expect_one(r, "time-limit-format.promised-longer", "30个工作日");
  EXPECT_TRUE(d.needs_review);
}

TEST(TimeLimitFormat, XmlAndJsonSpans) {
  const std::string xml =
      "<guide>\n  <name>某项许可</name>\n  <legal_time_limit label=\"法定办结时限\">5个工作日"
      "</legal_time_limit>\n  <promised_time_limit label=\"承诺办结时限\">自受理之日起10个工作日内"
      "</promised_time_limit>\n</guide>\n";
  const FileResult r = testing::lint_text(xml, testing::national_engine(), "g.xml");
  const Diagnostic& d = expect_one(r, "time-limit-format.promised-longer", "10个工作日");
  EXPECT_EQ(r.source->position(d.span->begin).line, 4u);

  const std::string json =
      R"({"task_name":"某项许可","anticipate_day":"20个工作日","promise_day":"按规定时限办理"})";
  const FileResult j = testing::lint_text(json, testing::national_engine(), "g.json");
  expect_one(j, "time-limit-format.vague", "按规定时限办理");
}

TEST(TimeLimitFormat, OptionsOverrideTheDefaults) {
  // Only promised limits are checked.
  const auto only = testing::engine_from(
      "rules:\n  time-limit-format:\n    options: {elements: [promised_time_limit]}\n");
  expect_pass("事项名称：某项许可\n法定时限：按规定\n", *only);
  // Units replaced: 工作日 only.
  const auto units = testing::engine_from(
      "rules:\n  time-limit-format:\n    options:\n      units: {workday: [工作日]}\n");
  expect_one(testing::lint_text("事项名称：某项许可\n办理时限：30日\n", *units),
             "time-limit-format.missing", "30日");
  // A vague phrase of one's own; the defaults are gone.
  const auto vague =
      testing::engine_from("rules:\n  time-limit-format:\n    options: {vague: [看情况]}\n");
  expect_one(testing::lint_text("事项名称：某项许可\n办理时限：看情况办理\n", *vague),
             "time-limit-format.vague", "看情况办理");
  expect_one(testing::lint_text("事项名称：某项许可\n办理时限：尽快办理\n", *vague),
             "time-limit-format.missing", "尽快办理");
  // No comparison.
  const auto nocompare =
      testing::engine_from("rules:\n  time-limit-format:\n    options: {compare: false}\n");
  expect_pass("事项名称：某项许可\n法定时限：5日\n承诺时限：10日\n", *nocompare);
  // Immediate phrases of one's own.
  const auto immediate =
      testing::engine_from("rules:\n  time-limit-format:\n    options: {immediate: [秒批]}\n");
  expect_pass("事项名称：某项许可\n办理时限：秒批\n", *immediate);
  expect_one(testing::lint_text("事项名称：某项许可\n办理时限：即办\n", *immediate),
             "time-limit-format.missing", "即办");
  // Severity.
  const auto warn = testing::engine_from("rules:\n  time-limit-format: warning\n");
  EXPECT_EQ(hits(testing::lint_text("事项名称：某项许可\n办理时限：尽快\n", *warn)).at(0)->severity,
            Severity::warning);
}

TEST(TimeLimitFormat, BadOptionsAreConfigErrors) {
  for (const char* yaml : {
           "rules:\n  time-limit-format:\n    options: {elements: [time_limimt]}\n",
           "rules:\n  time-limit-format:\n    options: {units: [工作日]}\n",
           "rules:\n  time-limit-format:\n    options:\n      units: {workdays: [工作日]}\n",
           "rules:\n  time-limit-format:\n    options: {vague: {a: b}}\n",
           "rules:\n  time-limit-format:\n    options: {compare: maybe}\n",
           "rules:\n  time-limit-format:\n    options: {immediate: }\n",
           "rules:\n  time-limit-format:\n    options: {unknown: 1}\n",
       }) {
    const EngineResult r = Engine::from_yaml(yaml, "cfg.yaml", ".");
    EXPECT_FALSE(r.engine) << yaml;
    ASSERT_FALSE(r.problems.empty()) << yaml;
    ASSERT_FALSE(r.problems[0].diagnostics.empty()) << yaml;
    const Diagnostic& d = r.problems[0].diagnostics[0];
    EXPECT_EQ(d.rule_id, "config-error") << yaml;
    EXPECT_TRUE(d.span.has_value()) << yaml;
  }
}

TEST(TimeLimitFormat, BlankAndAbsentElementsAreLeftToRequiredElement) {
  expect_pass("事项名称：某项许可\n办理时限：\n");
  expect_pass("事项名称：某项许可\n");
}

std::vector<std::string> probes() {
  std::vector<std::string> out;
  for (const char* v : {"20个工作日",
                        "十五日",
                        "45 (工作日)",
                        "3个月",
                        "24小时",
                        "2周",
                        "1年",
                        "30秒",
                        "即办",
                        "當場辦結",
                        "立等可取",
                        "按规定时限办理",
                        "尽快",
                        "没有时限",
                        "20",
                        "如下：",
                        "办理中",
                        "法定5日，承诺10日",
                        "承诺10个工作日（可延长5个工作日），法定20日",
                        "法定20日，承诺20个工作日"}) {
    out.push_back(std::string("事项名称：某项许可\n办理时限：") + v + "\n");
  }
  out.push_back("事项名称：某项许可\n法定时限：5日\n承诺时限：10日\n");
  return out;
}

// The options the national pack writes out are those the rule has without any.
TEST(TimeLimitFormat, PackOptionsAreTheBuiltInDefaults) {
  const auto bare = testing::engine_from("rules:\n  time-limit-format:\n    options: {}\n");
  EXPECT_GT(testing::expect_same_findings(testing::national_engine(), *bare, kRule, probes()), 5u);
}

// tests/fixtures/rules/time-limit-format: the defects of the national spot check's "内容不规范"
// as they show in a time limit, and a guide that passes.
std::string fixture(const std::string& name) {
  return testing::read_fixture("rules/time-limit-format/" + name);
}

TEST(TimeLimitFormat, Fixtures) {
  {
    const FileResult r = testing::lint_text(fixture("vague-time-limit.txt"));
    expect_one(r, "time-limit-format.vague", "按规定时限办理");
  }
  {
    const FileResult r = testing::lint_text(fixture("promised-longer.xml"),
                                            testing::national_engine(), "promised-longer.xml");
    const Diagnostic& d = expect_one(r, "time-limit-format.promised-longer", "30个工作日");
    EXPECT_EQ(testing::arg_of(d, "legal"), "20");
  }
  {
    const FileResult r = testing::lint_text(fixture("good.txt"));
    EXPECT_TRUE(hits(r).empty());
  }
  {
    const FileResult r = testing::lint_text(fixture("traditional.txt"));
    expect_one(r, "time-limit-format.vague", "儘快辦理");
  }
}

}  // namespace
}  // namespace guidelint
