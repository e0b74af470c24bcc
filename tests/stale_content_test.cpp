// stale-content: the guide's date in every format and the ways it is written, its age on --as-of,
// dates in the future and dates that cannot be read, guides older than the decision that changed
// their item (bundled catalog entries), options and their errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_support.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "stale-content";

const Engine& national() {
  return testing::national_engine();
}

FileResult lint(const std::string& name, const std::string& text, Date as_of,
                const Engine& engine = national()) {
  LintOptions options;
  options.as_of = as_of;
  return engine.lint(std::make_shared<const Source>(name, text), options);
}

// The rule's findings, copied: they outlive the result they came from.
std::vector<Diagnostic> findings(const FileResult& r) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == kRule) out.push_back(d);
  }
  return out;
}

std::string arg(const Diagnostic& d, std::string_view name) {
  return testing::arg_of(d, name);
}

std::string_view at(const FileResult& r, const Diagnostic& d) {
  return testing::text_at(r, *d.span);
}

// An XML guide updated on `updated` (as written).
std::string xml(const std::string& updated, const std::string& name = "取水许可") {
  return "<guide updated=\"" + updated + "\"><name>" + name + "</name></guide>";
}

std::shared_ptr<const Engine> with_options(const std::string& options) {
  const EngineResult r =
      Engine::from_yaml("rules:\n  stale-content:\n    options: " + options + "\n", "c.yaml", ".");
  EXPECT_TRUE(r.engine) << (r.problems.empty() || r.problems[0].diagnostics.empty()
                                ? std::string("?")
                                : render_message(r.problems[0].diagnostics[0], "en"));
  return r.engine;
}

std::string problem(const std::string& options) {
  const EngineResult r =
      Engine::from_yaml("rules:\n  stale-content:\n    options: " + options + "\n", "c.yaml", ".");
  EXPECT_FALSE(r.engine) << options;
  if (r.problems.empty() || r.problems[0].diagnostics.empty()) return "<none>";
  const Diagnostic& d = r.problems[0].diagnostics[0];
  EXPECT_EQ(d.rule_id, "config-error");
  return d.message_id;
}

TEST(StaleContent, TheDateInEveryFormatAtItsPlace) {
  constexpr Date kAsOf{2025, 12, 31};
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"g.xml", "<guide code=\"1\" updated=\"2019-03-01\">\n<name>临时救助</name></guide>"},
      {"g.json",
       "{\"task_name\": \"临时救助\", \"dept_name\": \"某局\", \"update_date\": "
       "\"2019-03-01 08:30:00\"}"},
      {"g.txt", "事项名称：临时救助\n实施机关：某局\n更新时间：2019-03-01\n"},
      {"g.html",
       "<html><body><h1>临时救助</h1><div><span>事项编码：123</span> "
       "<span>更新时间：2019-03-01</span></div><table><tr><th>实施机关</th><td>某局</td></tr>"
       "</table></body></html>"},
      {"t.html",
       "<table><tr><th>事项名称</th><td>临时救助</td></tr><tr><th>實施機關</th><td>某局</td></tr>"
       "<tr><th>最後更新時間</th><td>2019-03-01 14:41</td></tr></table>"}};
  for (const auto& [name, text] : inputs) {
    SCOPED_TRACE(name);
    const FileResult r = lint(name, text, kAsOf);
    const auto hits = findings(r);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].message_id, "stale-content.too-old");
    EXPECT_EQ(hits[0].severity, Severity::warning);
    EXPECT_EQ(arg(hits[0], "updated"), "2019-03-01");
    EXPECT_EQ(arg(hits[0], "days"), "2497");
    EXPECT_EQ(arg(hits[0], "max_days"), "365");
    EXPECT_EQ(arg(hits[0], "as_of"), "2025-12-31");
    // At the date as written (a JSON string with its quotes and time, when the parser gives
    // the whole value).
    const std::string_view written = at(r, hits[0]);
    EXPECT_NE(written.find("2019-03-01"), std::string_view::npos) << written;
    EXPECT_LE(written.size(), 21u) << written;
  }
  // Epoch milliseconds, which the JSON parser reads as a date: at the number.
  const FileResult ms =
      lint("g.json",
           "{\"task_name\": \"临时救助\", \"dept_name\": \"某局\", \"gmtModified\": 1551398400000}",
           kAsOf);
  ASSERT_EQ(findings(ms).size(), 1u);
  EXPECT_EQ(arg(findings(ms)[0], "updated"), "2019-03-01");
}

TEST(StaleContent, TheWaysADateIsWritten) {
  constexpr Date kAsOf{2025, 12, 31};
  // Read as 2023-05-06 (or its month or year): 970 days before as-of for a day.
  for (const std::string written :
       {"2023-05-06", "2023/5/6", "2023.05.06", "2023年5月6日", "2023年5月6号",
        "2023年05月06日 14:30", "2023-05-06T14:30:00+08:00", "2023-05-06 14:30:00.0",
        "２０２３年５月６日", "二〇二三年五月六日", "2023-5-6（星期六）", "20230506",
        "20230506143000", "1683331200", "1683331200000"}) {
    const FileResult r = lint("g.xml", xml(written), kAsOf);
    const auto hits = findings(r);
    ASSERT_EQ(hits.size(), 1u) << written;
    EXPECT_EQ(hits[0].message_id, "stale-content.too-old") << written;
    EXPECT_EQ(arg(hits[0], "days"), "970") << written;
  }
  // A month counts from its last day, a year from the year's.
  for (const auto& [written, days] :
       std::vector<std::pair<std::string, std::string>>{{"2023-05", "945"},
                                                        {"2023年5月", "945"},
                                                        {"2023年", "731"},
                                                        {"2023", "731"},
                                                        {"二〇二三年十二月三十一日", "731"}}) {
    const auto hits = findings(lint("g.xml", xml(written), kAsOf));
    ASSERT_EQ(hits.size(), 1u) << written;
    EXPECT_EQ(arg(hits[0], "days"), days) << written;
  }
  // Not a date: for a person to look at, never a warning.
  for (const std::string written : {"暂无", "2023-13-01", "2023-02-29", "0000-00-00", "1900-01-01",
                                    "05/06/2023", "2023-05-061", "2023-05/06", "二二十", "?"}) {
    const FileResult r = lint("g.xml", xml(written), kAsOf);
    const auto hits = findings(r);
    ASSERT_EQ(hits.size(), 1u) << written;
    EXPECT_EQ(hits[0].message_id, "stale-content.unreadable") << written;
    EXPECT_TRUE(hits[0].needs_review) << written;
    EXPECT_EQ(arg(hits[0], "updated"), written);
    EXPECT_EQ(at(r, hits[0]), written);
    EXPECT_EQ(r.count(Severity::warning), 0u);
  }
  EXPECT_EQ(findings(lint("g.xml", xml("2024-02-29"), Date{2024, 3, 1})).size(), 0u);
}

TEST(StaleContent, AgeOnTheDateCheckedOn) {
  const std::string guide = xml("2024-01-01");
  EXPECT_TRUE(findings(lint("g.xml", guide, Date{2024, 12, 31})).empty());  // 365 days
  const auto old = findings(lint("g.xml", guide, Date{2025, 1, 1}));
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(arg(old[0], "days"), "366");
  EXPECT_EQ(
      render_message(old[0]),
      "指南的更新日期是 2024-01-01，到 2025-01-01 已 366 天未更新（超过 365 天），内容可能已过时");
  EXPECT_EQ(
      render_message(old[0], "zh-Hant"),
      "指南的更新日期是 2024-01-01，到 2025-01-01 已 366 天未更新（超過 365 天），內容可能已過時");
  EXPECT_EQ(render_message(old[0], "en"),
            "the guide was last updated on 2024-01-01, 366 days before 2025-01-01 (more than "
            "365): its content may be out of date");
  // A month is old only once its last day is.
  EXPECT_TRUE(findings(lint("g.xml", xml("2024-01"), Date{2025, 1, 30})).empty());
  EXPECT_EQ(findings(lint("g.xml", xml("2024-01"), Date{2025, 2, 1})).size(), 1u);
}

TEST(StaleContent, ADateAfterTheDateCheckedOnIsProbablyWrong) {
  const std::string guide = xml("2026-01-01 09:00");
  EXPECT_TRUE(findings(lint("g.xml", guide, Date{2026, 1, 1})).empty());
  const FileResult r = lint("g.xml", guide, Date{2025, 12, 31});
  const auto hits = findings(r);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].message_id, "stale-content.future");
  EXPECT_EQ(hits[0].severity, Severity::warning);
  EXPECT_EQ(at(r, hits[0]), "2026-01-01 09:00");
  EXPECT_EQ(render_message(hits[0], "en"),
            "the guide's update date 2026-01-01 is after the date checked on (2025-12-31): the "
            "date is probably wrong");
  // A year is in the future only when its first day is.
  EXPECT_TRUE(findings(lint("g.xml", xml("2026"), Date{2026, 1, 1})).empty());
}

TEST(StaleContent, NoDateNoFinding) {
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"g.xml", "<guide><name>取水许可</name></guide>"},
           {"g.txt", "事项名称：取水许可\n设定依据：《中华人民共和国水法》（2016年修正）第七条\n"},
           {"g.txt", "事项名称：取水许可\n设定依据：《某办法》 发布日期：2010-01-01\n"}}) {
    EXPECT_TRUE(findings(lint(name, text, Date{2025, 12, 31})).empty()) << text;
  }
}

TEST(StaleContent, UpdatedBeforeTheDecisionThatAbolishedTheItem) {
  // 棉花加工资格认定: 国发〔2017〕7号, 2017-01-12.
  const std::string before = xml("2016-12-01", "棉花加工资格认定");
  const FileResult r = lint("g.xml", before, Date{2017, 6, 1});
  const auto hits = findings(r);
  ASSERT_EQ(hits.size(), 1u);  // no age warning beside it
  const Diagnostic& d = hits[0];
  EXPECT_EQ(d.message_id, "stale-content.before-decision");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(arg(d, "decision"), "国发〔2017〕7号");
  EXPECT_EQ(arg(d, "decision_date"), "2017-01-12");
  EXPECT_EQ(arg(d, "action"), "abolished");
  EXPECT_EQ(arg(d, "item"), "棉花加工资格认定");
  EXPECT_EQ(arg(d, "updated"), "2016-12-01");
  EXPECT_EQ(at(r, d), "2016-12-01");
  EXPECT_EQ(render_message(d),
            "指南最后更新于 2016-12-01，早于国务院关于第三批取消中央指定地方实施行政许可事项的决定"
            "（国发〔2017〕7号）于 2017-01-12 取消事项“棉花加工资格认定”：指南未随决定修订；"
            "来源：https://devaurl.com/site/content/1300.html");
  EXPECT_EQ(render_message(d, "en"),
            "the guide was last updated on 2016-12-01, before "
            "国务院关于第三批取消中央指定地方实施行政许可事项的决定 (国发〔2017〕7号) abolished "
            "the item \"棉花加工资格认定\" on 2017-01-12: the guide was not revised after the "
            "decision; source: https://devaurl.com/site/content/1300.html");
  // In traditional script too.
  EXPECT_EQ(findings(lint("g.xml", xml("2016-12-01", "棉花加工資格認定"), Date{2017, 6, 1})).size(),
            1u);
  // Not before the decision: an age warning only.
  const auto after =
      findings(lint("g.xml", xml("2017-01-12", "棉花加工资格认定"), Date{2018, 6, 1}));
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].message_id, "stale-content.too-old");
  // The decision not yet made on the date checked on.
  EXPECT_TRUE(findings(lint("g.xml", before, Date{2017, 1, 11})).empty());
  // A longer name is another item.
  EXPECT_TRUE(
      findings(lint("g.xml", xml("2016-12-01", "棉花加工资格认定变更"), Date{2017, 6, 1})).empty());
}

TEST(StaleContent, ADecisionDatedOnlyByItsYearCountsFromTheYearsStart) {
  // 设立水利旅游项目审批: abolished in 2015, no number, no day.
  const FileResult r = lint("g.xml", xml("2014-12-31", "设立水利旅游项目审批"), Date{2016, 6, 1});
  const auto hits = findings(r);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].message_id, "stale-content.before-decision");
  EXPECT_EQ(arg(hits[0], "decision_date"), "2015");
  EXPECT_EQ(arg(hits[0], "decision_known"), "no");
  EXPECT_NE(render_message(hits[0]).find("（文号不详）于 2015 取消"), std::string::npos)
      << render_message(hits[0]);
  // Within 2015 it cannot be told which came first.
  const auto unsure =
      findings(lint("g.xml", xml("2015-06-01", "设立水利旅游项目审批"), Date{2016, 1, 1}));
  EXPECT_TRUE(unsure.empty());
  // Before the year's last day the decision is not yet taken as made: the age alone.
  const auto early =
      findings(lint("g.xml", xml("2014-12-01", "设立水利旅游项目审批"), Date{2015, 12, 30}));
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].message_id, "stale-content.too-old");
}

TEST(StaleContent, PostApprovalAndDelegatedItems) {
  // The report: 道路客运经营许可 made a post-registration approval in 2015, guides not adjusted.
  const FileResult road = testing::lint_fixture("rules/stale-content/road-passenger-2014.xml");
  LintOptions options;
  options.as_of = Date{2025, 6, 30};
  const FileResult r = national().lint(road.source, options);
  const auto hits = findings(r);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(arg(hits[0], "action"), "post_approval");
  EXPECT_EQ(at(r, hits[0]), "2014-06-18");
  EXPECT_EQ(testing::line_column(r, hits[0].span->begin),
            (std::pair<std::uint32_t, std::uint32_t>{4, 92}));
  EXPECT_NE(render_message(hits[0], "zh-Hant").find("改為後置審批事項「道路客运经营许可」"),
            std::string::npos)
      << render_message(hits[0], "zh-Hant");
  // 国发〔2013〕27号 of 2013-07-13 delegated this approval.
  const auto delegated = findings(lint(
      "g.xml",
      xml("2013-01-05", "香港特别行政区、澳门特别行政区、台湾地区投资者在内地设置独资医院审批"),
      Date{2014, 1, 1}));
  ASSERT_EQ(delegated.size(), 1u);
  EXPECT_EQ(arg(delegated[0], "action"), "delegated");
  EXPECT_EQ(arg(delegated[0], "decision"), "国发〔2013〕27号");
}

TEST(StaleContent, FixturesForTheDefectsTheReportNames) {
  LintOptions options;
  options.as_of = Date{2025, 6, 30};
  const auto run = [&](const std::string& name) {
    const FileResult f = testing::lint_fixture(name);
    return national().lint(f.source, options);
  };
  // 设立水利旅游项目审批 still offered, the record last updated in 2014 (JSON).
  const FileResult water = run("rules/stale-content/water-tourism-2014.json");
  const auto w = findings(water);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].message_id, "stale-content.before-decision");
  EXPECT_NE(at(water, w[0]).find("2014-09-03"), std::string_view::npos);
  // A column that stopped being updated (HTML, date in a table row).
  const FileResult column = run("rules/stale-content/stalled-column.html");
  const auto c = findings(column);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].message_id, "stale-content.too-old");
  EXPECT_EQ(at(column, c[0]), "2016年3月8日");
  // Revised after the decision and within the year.
  EXPECT_TRUE(findings(run("rules/stale-content/current.xml")).empty());
}

TEST(StaleContent, OptionsReplaceTheDefaults) {
  const std::string guide = xml("2025-06-01");
  constexpr Date kAsOf{2025, 12, 31};
  EXPECT_TRUE(findings(lint("g.xml", guide, kAsOf)).empty());
  const auto month = with_options("{max_age_days: 30}");
  ASSERT_TRUE(month);
  const auto hits = findings(lint("g.xml", guide, kAsOf, *month));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(arg(hits[0], "max_days"), "30");

  // The age at most info; off leaves the decision case.
  const auto info = with_options("{outdated: info}");
  ASSERT_TRUE(info);
  EXPECT_EQ(findings(lint("g.xml", xml("2020-01-01"), kAsOf, *info)).at(0).severity,
            Severity::info);
  const auto quiet = with_options("{outdated: off}");
  ASSERT_TRUE(quiet);
  EXPECT_TRUE(findings(lint("g.xml", xml("2020-01-01"), kAsOf, *quiet)).empty());
  EXPECT_TRUE(findings(lint("g.xml", xml("2030-01-01"), kAsOf, *quiet)).empty());
  EXPECT_EQ(findings(lint("g.xml", xml("2016-12-01", "棉花加工资格认定"), kAsOf, *quiet)).size(),
            1u);

  // Which decisions count.
  const auto none = with_options("{actions: []}");
  ASSERT_TRUE(none);
  const auto no_decision =
      findings(lint("g.xml", xml("2016-12-01", "棉花加工资格认定"), kAsOf, *none));
  ASSERT_EQ(no_decision.size(), 1u);
  EXPECT_EQ(no_decision[0].message_id, "stale-content.too-old");
  const auto abolished = with_options("{actions: [abolished]}");
  ASSERT_TRUE(abolished);
  EXPECT_EQ(findings(lint("g.xml", xml("2014-01-01", "道路客运经营许可"), kAsOf, *abolished))
                .at(0)
                .message_id,
            "stale-content.too-old");

  // A guide that does not say when it was updated.
  const auto missing = with_options("{missing: info}");
  ASSERT_TRUE(missing);
  const FileResult undated =
      lint("g.xml", "<guide code=\"1\"><name>取水许可</name></guide>", kAsOf, *missing);
  const auto m = findings(undated);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].message_id, "stale-content.missing");
  EXPECT_EQ(m[0].severity, Severity::info);
  EXPECT_EQ(at(undated, m[0]), "<guide code=\"1\">");

  // A severity set for the rule caps every finding.
  const EngineResult warning =
      Engine::from_yaml("rules:\n  stale-content: warning\n", "c.yaml", ".");
  ASSERT_TRUE(warning.engine);
  EXPECT_EQ(findings(lint("g.xml", xml("2016-12-01", "棉花加工资格认定"), kAsOf, *warning.engine))
                .at(0)
                .severity,
            Severity::warning);
}

TEST(StaleContent, BadOptionsAreConfigErrors) {
  EXPECT_EQ(problem("{max_age_days: 0}"), "stale-content.invalid-max-age");
  EXPECT_EQ(problem("{max_age_days: -3}"), "stale-content.invalid-max-age");
  EXPECT_EQ(problem("{max_age_days: a year}"), "stale-content.invalid-max-age");
  EXPECT_EQ(problem("{max_age_days: [1]}"), "stale-content.invalid-max-age");
  EXPECT_EQ(problem("{outdated: loud}"), "config.invalid-severity");
  EXPECT_EQ(problem("{missing: [info]}"), "config.invalid-severity");
  EXPECT_EQ(problem("{actions: [cancelled]}"), "stale-content.invalid-action");
  EXPECT_EQ(problem("{max_age: 30}"), "config.unknown-key");
  const EngineResult r = Engine::from_yaml(
      "rules:\n  stale-content:\n    options: {max_age_days: soon}\n", "c.yaml", ".");
  ASSERT_FALSE(r.problems.empty());
  const Diagnostic& d = r.problems[0].diagnostics.at(0);
  EXPECT_EQ(render_message(d, "en"),
            "max_age_days must be a positive whole number of days, not \"soon\"");
  EXPECT_EQ(r.problems[0].source->position(d.span->begin).line, 3u);
}

TEST(StaleContent, TheRuleIsInTheNationalPack) {
  const auto& rules = national().rules();
  const auto it = std::find_if(rules.begin(), rules.end(),
                               [](const RuleInfo& i) { return i.id == "stale-content"; });
  ASSERT_NE(it, rules.end());
  EXPECT_EQ(it->type, "stale-content");
  EXPECT_EQ(it->severity, Severity::error);  // the decision case; age findings are warnings
  EXPECT_FALSE(it->description.empty());
}

}  // namespace
}  // namespace guidelint
