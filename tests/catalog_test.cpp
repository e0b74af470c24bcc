// Catalog loading, dates, the name automaton and `catalogs:` in configs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/builtin.hpp"
#include "config/catalog.hpp"
#include "text/fold.hpp"
#include "text/matcher.hpp"

namespace guidelint {
namespace {

using config::Action;
using config::PartialDate;

TEST(PartialDate, DaysMonthsAndYearsOnly) {
  EXPECT_EQ(PartialDate::parse("2015-02-24")->latest(), (Date{2015, 2, 24}));
  EXPECT_EQ(PartialDate::parse("2017-11")->latest(), (Date{2017, 11, 30}));
  EXPECT_EQ(PartialDate::parse("2016-02")->latest(), (Date{2016, 2, 29}));
  EXPECT_EQ(PartialDate::parse("2015")->latest(), (Date{2015, 12, 31}));
  EXPECT_EQ(PartialDate::parse("2017-11")->to_string(), "2017-11");
  EXPECT_EQ(PartialDate::parse("2015")->to_string(), "2015");
  EXPECT_EQ(PartialDate{}.to_string(), "");
  for (const char* bad : {"2015-13", "2015-02-30", "15", "2015年", "2015-1-1", "abcd"})
    EXPECT_FALSE(PartialDate::parse(bad)) << bad;
}

TEST(Matcher, FindsEveryOccurrenceLongestFirstAtTheSameEnd) {
  text::Matcher m;
  m.add("he", 0);
  m.add("she", 1);
  m.add("hers", 2);
  m.add("his", 3);
  m.add("she", 4);  // the same pattern twice
  m.add("", 5);     // ignored
  m.build();
  std::vector<text::Matcher::Hit> hits;
  m.find("ushers", hits);
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].value, 1u);
  EXPECT_EQ(hits[1].value, 4u);
  EXPECT_EQ(hits[0].begin, 1u);
  EXPECT_EQ(hits[0].end, 4u);
  EXPECT_EQ(hits[2].value, 0u);  // "he" ends where "she" does, shorter, after it
  EXPECT_EQ(hits[2].begin, 2u);
  EXPECT_EQ(hits[3].value, 2u);
  EXPECT_EQ(hits[3].end, 6u);
  hits.clear();
  m.find("", hits);
  m.find("xyz", hits);
  EXPECT_TRUE(hits.empty());
}

TEST(Matcher, FoldsAsItReadsAndGivesTheOriginalCharacters) {
  text::Matcher m;
  m.add("设立水利旅游项目审批", 7);
  m.add("水利", 8);
  m.add("ＡＢＣ 许可", 9);  // patterns are folded too
  m.build();
  std::vector<text::Matcher::Hit> hits;
  const std::string text = "关于《設立　水利旅遊項目審批》、abc許可的通知";
  m.find(text, hits);
  ASSERT_EQ(hits.size(), 3u);
  const auto at = [&](const text::Matcher::Hit& h) {
    return text.substr(h.begin, h.end - h.begin);
  };
  EXPECT_EQ(hits[0].value, 8u);
  EXPECT_EQ(at(hits[0]), "水利");
  EXPECT_EQ(hits[1].value, 7u);
  EXPECT_EQ(at(hits[1]), "設立　水利旅遊項目審批");  // not the 《》 around it
  EXPECT_EQ(hits[2].value, 9u);
  EXPECT_EQ(at(hits[2]), "abc許可");
}

TEST(Matcher, AnyCharacterThatFoldsToAPatternsStartStartsIt) {
  text::Matcher m;
  m.add("ab", 1);
  m.add("gx", 2);  // "㎏" folds to "kg": its second code point starts this one
  m.add("项目", 3);
  m.build();
  std::vector<text::Matcher::Hit> hits;
  const std::string text = "Ab ａb ＡＢ ab ㎏x 項目 项目";
  m.find(text, hits);
  std::vector<std::string> found;
  for (const text::Matcher::Hit& h : hits)
    found.push_back(std::to_string(h.value) + ":" + text.substr(h.begin, h.end - h.begin));
  EXPECT_EQ(found, (std::vector<std::string>{"1:Ab", "1:ａb", "1:ＡＢ", "1:ab", "2:㎏x", "3:項目",
                                             "3:项目"}));
}

TEST(Matcher, ACopyFindsWhatTheOriginalDoesAndBuildsOnItsOwn) {
  text::Matcher original;
  original.add("水利", 1);
  original.add("abc", 2);
  original.build();
  text::Matcher copy = original;
  copy.add("旅游", 3);
  const text::Matcher unbuilt = copy;
  copy.build();
  text::Matcher assigned;
  assigned = copy;
  const std::string text = "水利旅遊ABC";
  for (const auto& [m, expected] : std::vector<std::pair<const text::Matcher*, std::size_t>>{
           {&original, 2}, {&copy, 3}, {&assigned, 3}}) {
    std::vector<text::Matcher::Hit> hits;
    m->find(text, hits);
    EXPECT_EQ(hits.size(), expected);
  }
  std::vector<text::Matcher::Hit> hits;
  text::Matcher rebuilt = unbuilt;
  rebuilt.build();
  rebuilt.find(text, hits);
  EXPECT_EQ(hits.size(), 3u);
}

TEST(Matcher, LongPatternsAndCharactersOutsideTheBmp) {
  text::Matcher m;
  std::string long_name;
  for (int k = 0; k < 100; ++k)
    long_name += "审";
  m.add(long_name + "批", 1);
  m.add("\U00020000字", 2);  // a CJK Extension B character
  m.build();
  std::vector<text::Matcher::Hit> hits;
  const std::string text = "前" + long_name + "批后\U00020000字";
  m.find(text, hits);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].begin, 3u);
  EXPECT_EQ(hits[0].end, 3u + long_name.size() + 3);
  EXPECT_EQ(text.substr(hits[1].begin), "\U00020000字");
  // Invalid bytes are read as U+FFFD and do not stop the scan.
  hits.clear();
  m.find("\xB0\xFF\U00020000字", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].begin, 2u);
}

TEST(Catalog, IssuedDocumentOnlyForCertificates) {
  EXPECT_EQ(config::issued_document("煤炭生产许可证核发"), text::fold("煤炭生产许可证"));
  EXPECT_EQ(config::issued_document("安全技术防范产品生产登记批准书核发"),
            text::fold("安全技术防范产品生产登记批准书"));
  EXPECT_EQ(config::issued_document("爆破作業單位許可證核發"), text::fold("爆破作业单位许可证"));
  EXPECT_EQ(config::issued_document("设立煤炭经营企业审批"), "");
  EXPECT_EQ(config::issued_document("核发"), "");
}

struct Loaded {
  config::Catalogs catalogs;
  std::vector<Diagnostic> problems;
  bool ok;
};

Loaded load(std::string yaml) {
  Loaded out;
  config::Problems problems;
  out.ok = out.catalogs.load(
      config::YamlFile{std::make_shared<const Source>("c.yaml", std::move(yaml)), &problems});
  for (const FileResult& f : problems.take()) {
    for (const Diagnostic& d : f.diagnostics)
      out.problems.push_back(d);
  }
  return out;
}

TEST(Catalog, LoadsEntriesWithPartialFields) {
  const Loaded l = load(
      "title: t\npartial: true\nentries:\n"
      "  - item: 甲项审批\n    decision: 国发〔2015〕11号\n    date: \"2015-02-24\"\n"
      "    action: 取消\n    source: https://example.gov.cn/a\n"
      "  - item: 乙項審批\n    date: \"2015\"\n    action: 改為後置審批\n"
      "  - item: 丙项审批\n    action: 下放\n    action_text: 下放省级人民政府\n"
      "  - item: 丁项审批\n");
  ASSERT_TRUE(l.ok) << (l.problems.empty() ? "" : render_message(l.problems[0]));
  ASSERT_EQ(l.catalogs.entries.size(), 4u);
  EXPECT_EQ(l.catalogs.entries[0].action, Action::abolished);
  EXPECT_EQ(l.catalogs.entries[0].decision, "国发〔2015〕11号");
  EXPECT_EQ(l.catalogs.entries[0].date.to_string(), "2015-02-24");
  EXPECT_EQ(l.catalogs.entries[1].action, Action::post_approval);  // traditional script
  EXPECT_EQ(l.catalogs.entries[1].item, "乙項審批");               // kept as written
  EXPECT_EQ(l.catalogs.entries[1].decision, "");
  EXPECT_EQ(l.catalogs.entries[1].date.to_string(), "2015");
  EXPECT_EQ(l.catalogs.entries[2].action, Action::delegated);
  EXPECT_EQ(l.catalogs.entries[2].action_text, "下放省级人民政府");
  EXPECT_EQ(l.catalogs.entries[3].action, Action::unknown);
  EXPECT_EQ(l.catalogs.entries[0].catalog, "c.yaml");
}

TEST(Catalog, EveryProblemAtItsLineAndColumn) {
  const Loaded l = load(
      "entries:\n"
      "  - item: 甲项审批\n    action: 取銷\n"      // line 3: a typo of 取消
      "  - item: 乙项审批\n    date: 2015-02-30\n"  // line 5: no such day
      "  - agency: 某部\n"                          // line 6: no item
      "  - item: 丙项审批\n    actoin: 取消\n"      // line 8: unknown key
      "  - just a string\n");                       // line 9
  EXPECT_FALSE(l.ok);
  ASSERT_EQ(l.problems.size(), 5u);
  std::vector<std::string> ids;
  for (const Diagnostic& d : l.problems)
    ids.push_back(d.message_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"catalog.invalid-action", "catalog.invalid-date",
                                           "catalog.missing-item", "config.unknown-key",
                                           "config.wrong-type"}));
  const auto line = [&](const Diagnostic& d) {
    const Source s("c.yaml",
                   "entries:\n  - item: 甲项审批\n    action: 取銷\n  - item: 乙项审批\n    date: "
                   "2015-02-30\n  - agency: 某部\n  - item: 丙项审批\n    actoin: 取消\n  - just "
                   "a string\n");
    return s.position(d.span->begin).line;
  };
  EXPECT_EQ(line(l.problems[0]), 3u);
  EXPECT_EQ(line(l.problems[1]), 5u);
  EXPECT_EQ(line(l.problems[2]), 6u);
  EXPECT_EQ(line(l.problems[3]), 8u);
  EXPECT_EQ(line(l.problems[4]), 9u);
  EXPECT_NE(render_message(l.problems[0], "en").find("did you mean \"取消\""), std::string::npos)
      << render_message(l.problems[0], "en");
  // The readable entries are kept, so that one run reports every problem.
  EXPECT_EQ(l.catalogs.entries.size(), 1u);
}

TEST(Catalog, NotACatalog) {
  EXPECT_EQ(load("entries: 3\n").problems.at(0).message_id, "config.wrong-type");
  EXPECT_EQ(load("title: x\n").problems.at(0).message_id, "catalog.no-entries");
  EXPECT_EQ(load("[1, 2]\n").problems.at(0).message_id, "config.wrong-type");
  EXPECT_EQ(load("entries: [\n").problems.at(0).message_id, "config.yaml-syntax");
}

// The bundled catalogs say what their tables say: one entry per row, the item as written, a
// source on every entry. (scripts/gen-catalogs --check, run by ctest, checks every field.)
TEST(Catalog, BundledCatalogsHoldEveryRowOfTheirTables) {
  const std::filesystem::path src =
      std::filesystem::path(GUIDELINT_FIXTURES) / "../../rules/catalogs/src";
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"state-council-decisions", "abolished-items.tsv"},
      {"post-approval", "post-approval-items.tsv"},
      {"pre-approval-retained", "pre-approval-retained.tsv"}};
  for (const auto& [name, table] : pairs) {
    const auto bytes = builtin::find("catalogs/" + name + ".yaml");
    ASSERT_TRUE(bytes) << name;
    const Loaded l = load(std::string(*bytes));
    ASSERT_TRUE(l.ok) << name;
    std::ifstream in(src / table);
    std::string line;
    std::getline(in, line);  // the header
    std::size_t row = 0;
    while (std::getline(in, line)) {
      ASSERT_LT(row, l.catalogs.entries.size()) << name;
      EXPECT_EQ(l.catalogs.entries[row].item, line.substr(0, line.find('\t'))) << name;
      EXPECT_FALSE(l.catalogs.entries[row].source.empty()) << name << " " << row;
      ++row;
    }
    EXPECT_EQ(row, l.catalogs.entries.size()) << name;
    EXPECT_GT(row, 0u) << name;
  }
}

// Every field of every entry, as one string per entry.
std::vector<std::string> described(const config::Catalogs& catalogs) {
  std::vector<std::string> out;
  for (const config::CatalogEntry& e : catalogs.entries) {
    out.push_back(e.item + "|" + e.agency + "|" + e.basis + "|" + e.decision + "|" +
                  e.decision_title + "|" + e.date.to_string() + "|" +
                  std::string(config::action_name(e.action)) + "|" + e.action_text + "|" +
                  e.source + "|" + e.note + "|" + e.catalog);
  }
  return out;
}

// A catalog in the plain form is read from the parser's events, any other from YAML nodes: a
// document marker in front (which the plain reader leaves to yaml-cpp) must change nothing.
TEST(Catalog, ThePlainFormReadsAsTheYamlNodesDo) {
  std::vector<std::string> texts;
  for (const char* name : {"state-council-decisions", "post-approval", "pre-approval-retained"})
    texts.emplace_back(*builtin::find(std::string("catalogs/") + name + ".yaml"));
  texts.push_back(
      "title: t\nnote: ~\npartial: false\nentries:\n  - item: '甲项 ''审批'''\n    date: \"\"\n"
      "    action:\n    note: null\n  - {item: 乙项审批, action: 下放, date: 2017-11}\n");
  texts.push_back("entries: []\n");
  for (const std::string& text : texts) {
    const Loaded plain = load(text);
    const Loaded nodes = load("---\n" + text);
    ASSERT_TRUE(plain.ok);
    ASSERT_TRUE(nodes.ok);
    EXPECT_EQ(described(plain.catalogs), described(nodes.catalogs));
    EXPECT_EQ(plain.catalogs.files, nodes.catalogs.files);
  }
}

// What the plain reading does not cover is read, and reported, as before.
TEST(Catalog, WhatThePlainFormDoesNotCoverIsReadAsBefore) {
  const Loaded yes = load("partial: yes\nentries:\n  - item: 甲项审批\n");
  EXPECT_TRUE(yes.ok);
  EXPECT_EQ(yes.catalogs.entries.size(), 1u);
  const Loaded aliased = load(
      "entries:\n  - item: 甲项审批\n    agency: &a 某部\n  - item: 乙项审批\n    agency: *a\n");
  ASSERT_TRUE(aliased.ok);
  ASSERT_EQ(aliased.catalogs.entries.size(), 2u);
  EXPECT_EQ(aliased.catalogs.entries[1].agency, "某部");
  for (const auto& [text, id] : std::vector<std::pair<std::string, std::string>>{
           {"title: x\nnote: y\n", "catalog.no-entries"},
           {"entries: ~\n", "catalog.no-entries"},
           {"entries:\n  - item: 甲项审批\n    item: 乙项审批\n", "config.duplicate-key"},
           {"entries:\n  - item: 甲项审批\n    date: 2015-13\n", "catalog.invalid-date"},
           {"entries:\n  - item: 甲项审批\n    action: 废止\n", "catalog.invalid-action"},
           {"entries:\n  - item: 。\n", "catalog.missing-item"},
           {"entries:\n  - item: [a]\n", "config.wrong-type"},
           {"titel: x\nentries: []\n", "config.unknown-key"},
           {"partial: 2\nentries: []\n", "config.wrong-type"}}) {
    const Loaded l = load(text);
    EXPECT_FALSE(l.ok) << text;
    ASSERT_FALSE(l.problems.empty()) << text;
    EXPECT_EQ(l.problems[0].message_id, id) << text;
  }
}

class CatalogConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("guidelint-catalog-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(CatalogConfig, AUserCatalogBesideTheConfigIsLinted) {
  write("province.yaml",
        "title: 某省取消的事项\nentries:\n  - item: 某省特设审批\n    decision: 某政发〔2020〕1号\n"
        "    date: \"2020-03-01\"\n    action: 取消\n    source: https://example.gov.cn/1\n");
  write(".guidelint.yaml", "catalogs: [province.yaml]\n");
  const EngineResult r = Engine::from_file(dir_ / ".guidelint.yaml");
  ASSERT_TRUE(r.engine);
  LintOptions options;
  options.as_of = Date{2026, 1, 1};
  const FileResult f =
      r.engine->lint(std::make_shared<const Source>("g.txt", "事项名称：某省特设审批\n"), options);
  const auto it = std::find_if(f.diagnostics.begin(), f.diagnostics.end(),
                               [](const Diagnostic& d) { return d.rule_id == "abolished-item"; });
  ASSERT_NE(it, f.diagnostics.end());
  EXPECT_NE(render_message(*it).find("某政发〔2020〕1号"), std::string::npos);
  // The national catalogs are still loaded beside it.
  const FileResult national = r.engine->lint(
      std::make_shared<const Source>("g.txt", "事项名称：设立水利旅游项目审批\n"), options);
  EXPECT_TRUE(std::any_of(national.diagnostics.begin(), national.diagnostics.end(),
                          [](const Diagnostic& d) { return d.rule_id == "abolished-item"; }));
}

TEST_F(CatalogConfig, UnknownAndUnreadableCatalogsAreConfigErrors) {
  write("a.yaml", "catalogs: [state-council-decision, missing.yaml]\n");
  const EngineResult r = Engine::from_file(dir_ / "a.yaml");
  EXPECT_FALSE(r.engine);
  std::vector<std::string> ids;
  for (const FileResult& f : r.problems) {
    for (const Diagnostic& d : f.diagnostics) {
      ids.push_back(d.message_id);
      if (d.message_id == "config.unknown-catalog") {
        EXPECT_NE(render_message(d, "en").find("state-council-decisions"), std::string::npos);
        EXPECT_EQ(f.source->position(d.span->begin).line, 1u);
        EXPECT_EQ(f.source->position(d.span->begin).column, 12u);
      }
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"config.unknown-catalog", "config.unreadable"}));
}

TEST_F(CatalogConfig, ABrokenUserCatalogIsReportedInItsOwnFile) {
  write("bad.yaml", "entries:\n  - item: 甲\n    action: 撤销\n");
  write("a.yaml", "catalogs: bad.yaml\n");
  const EngineResult r = Engine::from_file(dir_ / "a.yaml");
  EXPECT_FALSE(r.engine);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].source->name(), (dir_ / "bad.yaml").string());
  EXPECT_EQ(r.problems[0].diagnostics.at(0).message_id, "catalog.invalid-action");
  EXPECT_EQ(r.problems[0].source->position(r.problems[0].diagnostics[0].span->begin).line, 3u);
}

}  // namespace
}  // namespace guidelint
