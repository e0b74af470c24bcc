// The audit: fixtures with known defects give exact figures; the model is data; comparisons,
// bounds, grouping, the JSON schema and the text tables' alignment.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "config/builtin.hpp"
#include "guidelint/audit.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {
namespace fs = std::filesystem;

const fs::path kAudit = fs::path(GUIDELINT_FIXTURES) / "audit";

AuditModel national() {
  std::string error;
  auto model = AuditModel::builtin("national", &error);
  EXPECT_TRUE(model) << error;
  return *model;
}

// Audits a fixture folder as the command does: through a Linter, results streamed into the Audit.
// An audit of root on as_of; compared with a previous JSON report when one is given.
std::unique_ptr<Audit> run(const fs::path& root, AuditModel model = national(),
                           const std::string& as_of = "2025-06-30",
                           const std::string& previous = {},
                           std::vector<std::pair<std::string, std::string>> settings = {}) {
  AuditOptions options;
  options.model = std::move(model);
  options.as_of = Date::parse(as_of);
  options.roots = {root};
  options.settings = std::move(settings);
  auto audit = std::make_unique<Audit>(std::move(options));
  if (!previous.empty()) {
    std::string error;
    EXPECT_TRUE(audit->compare_with(previous, &error)) << error;
  }
  LinterOptions lo;
  lo.lint.as_of = Date::parse(as_of);
  lo.jobs = 2;
  Linter linter(lo);
  linter.lint_paths({root}, [&](std::vector<FileResult>&& results) {
    for (const FileResult& r : results)
      audit->add(r);
  });
  return audit;
}

const AuditElementRow* element(const AuditReport& r, std::string_view id) {
  for (const auto& e : r.elements) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

const AuditRuleRow* rule(const AuditReport& r, std::string_view id) {
  for (const auto& e : r.rules) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::map<std::string, std::pair<std::size_t, std::size_t>> groups(
    const std::vector<AuditGroupRow>& rows) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> out;
  for (const auto& g : rows)
    out[g.name] = {g.guides, g.passing};
  return out;
}

TEST(AuditModel, BuiltinMapsTheEightCategoriesToProfileElements) {
  const AuditModel m = national();
  ASSERT_EQ(m.categories.size(), 8u);
  std::vector<std::string> names;
  for (const auto& c : m.categories)
    names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"事项名称", "设定依据", "申请条件", "办理材料",
                                             "办理地点", "办理时间", "联系电话", "办理流程"}));
  EXPECT_EQ(m.points_per_category, 2);
  EXPECT_EQ(m.max_deduction, 16);
  // Every element a category names is an element of the national profile, and a required one:
  // the census counts what required-element reports.
  const YAML::Node profile = YAML::Load(std::string(*builtin::find("profiles/national.yaml")));
  for (const auto& c : m.categories) {
    for (const auto& e : c.elements) {
      ASSERT_TRUE(profile["elements"][e]) << e;
      EXPECT_TRUE(profile["elements"][e]["required"].as<bool>(false)) << e;
    }
  }
  // Every figure names a source the model lists, and every source says where it stands.
  for (const std::string& id :
       {m.pass_source, m.census_source, m.elements_source, m.stale_source}) {
    const AuditSource* s = m.source(id);
    ASSERT_NE(s, nullptr) << id;
    EXPECT_FALSE(s->title.empty()) << id;
    EXPECT_FALSE(s->clause.empty()) << id;
  }
}

TEST(AuditModel, BadModelsAreRefusedWithTheKeyNamed) {
  std::string error;
  EXPECT_FALSE(AuditModel::parse("name: x\nscore: 3\n", "m.yaml", &error));
  EXPECT_EQ(error, "m.yaml:2:1: unknown key \"score\"");
  EXPECT_FALSE(AuditModel::parse("name: x\nstale:\n  buckets: [30, 10]\n", "m.yaml", &error));
  EXPECT_TRUE(error.starts_with("m.yaml:3:12: ")) << error;
  // Aliases are expanded no further than a config's are: a "billion laughs" is refused.
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b', prev = 'a'; c <= 'h'; prev = c++) {
    laughs += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 10; ++k)
      laughs += std::string(k ? ", *" : "*") + prev;
    laughs += "]\n";
  }
  EXPECT_FALSE(AuditModel::parse(laughs, "m.yaml", &error));
  EXPECT_NE(error.find("expands to more than"), std::string::npos) << error;
  EXPECT_FALSE(AuditModel::parse("group_by: {department: [folder]}\n", "m.yaml", &error));
  EXPECT_NE(error.find("folder"), std::string::npos) << error;
  EXPECT_FALSE(AuditModel::parse("stale: {buckets: [730, 365]}\n", "m.yaml", &error));
  EXPECT_NE(error.find("ascending"), std::string::npos) << error;
  EXPECT_FALSE(AuditModel::parse("census: {source: nowhere}\n", "m.yaml", &error));
  EXPECT_NE(error.find("nowhere"), std::string::npos) << error;
  EXPECT_FALSE(AuditModel::parse("census: {points_per_category: two}\n", "m.yaml", &error));
  EXPECT_FALSE(AuditModel::parse("[1, 2", "m.yaml", &error));
  EXPECT_NE(error.find("m.yaml:"), std::string::npos) << error;
  EXPECT_FALSE(AuditModel::builtin("nosuch", &error));
  EXPECT_FALSE(AuditModel::load(kAudit / "missing.yaml", &error));
  EXPECT_TRUE(valid_audit_grouping("dir:2"));
  EXPECT_FALSE(valid_audit_grouping("dir:0"));
  EXPECT_FALSE(valid_audit_grouping("dir:x"));
}

// tests/fixtures/audit/site: six guides in six files, one file broken. Their defects:
//   民政局/good.xml      passes
//   民政局/no-basis.xml  no 设定依据; updated 2023-01-15 (897 days: stale)
//   卫健委/two.xml       guide 1: 办理时间 empty; guide 2: 设定依据 "相关法规", no 咨询电话
//   卫健委/broken.xml    malformed XML
//   水利局/tourism.txt   an abolished item; no date
//   市场监管局/company.txt  requires a post-registration approval before registration; no date
TEST(Audit, FixtureSiteGivesExactFigures) {
  const auto audit = run(kAudit / "site");
  const AuditReport r = audit->report();
  EXPECT_EQ(r.files, 6u);
  EXPECT_EQ(r.unreadable, 1u);
  EXPECT_EQ(r.config_problems, 0u);
  EXPECT_EQ(r.guides, 6u);
  EXPECT_EQ(r.passing, 1u);
  EXPECT_DOUBLE_EQ(r.compliance_rate(), 1.0 / 6.0);
  EXPECT_EQ(r.errors, 8u);
  EXPECT_EQ(r.warnings, 3u);
  EXPECT_EQ(r.reviews, 1u);

  ASSERT_NE(element(r, "legal_basis"), nullptr);
  EXPECT_EQ(element(r, "legal_basis")->missing, 1u);
  EXPECT_EQ(element(r, "legal_basis")->placeholder, 1u);
  EXPECT_EQ(element(r, "legal_basis")->name, "设定依据");
  EXPECT_EQ(element(r, "hours")->empty, 1u);
  EXPECT_EQ(element(r, "phone")->missing, 1u);
  EXPECT_EQ(element(r, "conditions")->missing + element(r, "conditions")->empty, 0u);
  EXPECT_EQ(r.elements.size(), 8u);  // the census elements, whether or not anything is missing

  // Census: 设定依据 (missing once; the placeholder does not count), 办理时间 (empty), 联系电话.
  std::map<std::string, std::size_t> missing;
  for (const auto& c : r.categories)
    missing[c.category.id] = c.guides_missing;
  EXPECT_EQ(missing, (std::map<std::string, std::size_t>{{"name", 0},
                                                         {"legal_basis", 1},
                                                         {"conditions", 0},
                                                         {"materials", 0},
                                                         {"place", 0},
                                                         {"hours", 1},
                                                         {"phone", 1},
                                                         {"procedure", 0}}));
  EXPECT_EQ(r.census_deduction, 6);
  EXPECT_EQ(r.census_full_guides, 3u);
  EXPECT_EQ(r.census_guide_points, 6u);

  EXPECT_EQ(rule(r, "required-element")->findings, 3u);
  EXPECT_EQ(rule(r, "required-element")->guides, 3u);
  EXPECT_EQ(rule(r, "parse-error")->findings, 1u);
  EXPECT_EQ(rule(r, "parse-error")->guides, 0u);
  EXPECT_EQ(rule(r, "legal-basis-citation")->reviews, 1u);

  ASSERT_EQ(r.catalog.size(), 2u);
  std::set<std::pair<std::string, std::string>> items;
  for (const auto& c : r.catalog) {
    items.emplace(c.kind, c.item);
    EXPECT_EQ(c.guides, 1u);
    EXPECT_EQ(c.decision_date, "2015");
    EXPECT_FALSE(c.source.empty());
  }
  EXPECT_EQ(items,
            (std::set<std::pair<std::string, std::string>>{{"abolished", "设立水利旅游项目审批"},
                                                           {"post-approval", "道路客运经营许可"}}));

  EXPECT_EQ(groups(r.departments), (std::map<std::string, std::pair<std::size_t, std::size_t>>{
                                       {"某县卫生健康委员会", {2, 0}},
                                       {"某市市场监督管理局", {1, 0}},
                                       {"某市民政局", {1, 1}},
                                       {"某市水利局", {1, 0}},
                                       {"滑县自然资源局", {1, 0}}}));
  EXPECT_EQ(groups(r.regions), (std::map<std::string, std::pair<std::size_t, std::size_t>>{
                                   {"", {2, 0}}, {"某县", {2, 0}}, {"某市", {2, 1}}}));

  EXPECT_EQ(r.age_buckets, (std::vector<std::size_t>{3, 0, 1, 0}));
  EXPECT_EQ(r.no_date, 2u);
  EXPECT_EQ(r.stale, 1u);

  // Serious findings: the catalog rules first, then the rest in the order of the files.
  EXPECT_EQ(r.serious_total, 6u);
  ASSERT_EQ(r.serious.size(), 6u);
  EXPECT_EQ(r.serious[0].rule_id, "abolished-item");
  EXPECT_EQ(r.serious[1].rule_id, "post-approval-precondition");
  EXPECT_EQ(r.serious[1].line, 10u);
  EXPECT_EQ(r.serious[2].rule_id, "required-element");
  EXPECT_EQ(r.serious[5].rule_id, "placeholder-content");

  ASSERT_EQ(r.unreadable_files.size(), 1u);
  EXPECT_EQ(fs::path(r.unreadable_files[0].file).filename(), "broken.xml");
  EXPECT_FALSE(r.comparison);
}

TEST(Audit, GroupsByFolderWhenAsked) {
  AuditModel m = national();
  m.department_by = {"dir:1"};
  m.region_by = {"guide", "dir:1"};
  const AuditReport r = run(kAudit / "site", m)->report();
  EXPECT_EQ(
      groups(r.departments),
      (std::map<std::string, std::pair<std::size_t, std::size_t>>{
          {"卫健委", {2, 0}}, {"市场监管局", {1, 0}}, {"民政局", {2, 1}}, {"水利局", {1, 0}}}));
  EXPECT_EQ(groups(r.regions),
            (std::map<std::string, std::pair<std::size_t, std::size_t>>{
                {"市场监管局", {1, 0}}, {"水利局", {1, 0}}, {"某县", {2, 0}}, {"某市", {2, 1}}}));
}

TEST(Audit, SiteDeductionOnceThresholdAndCap) {
  AuditModel m = national();
  m.site_min_guides = 2;  // each category is missing from one guide only
  EXPECT_EQ(run(kAudit / "site", m)->report().census_deduction, 0);
  m = national();
  m.max_deduction = 4;
  EXPECT_EQ(run(kAudit / "site", m)->report().census_deduction, 4);
  m = national();
  m.missing_states = {"missing", "empty", "placeholder"};  // 相关法规 counts now, same category
  const AuditReport r = run(kAudit / "site", m)->report();
  EXPECT_EQ(r.census_deduction, 6);
  EXPECT_EQ(r.categories[1].guides_missing, 2u);
  EXPECT_EQ(r.census_full_guides, 3u);
}

TEST(Audit, SeriousFindingsAreBoundedWithACountOfTheRest) {
  AuditModel m = national();
  m.max_findings = 2;
  const AuditReport r = run(kAudit / "site", m)->report();
  EXPECT_EQ(r.serious_total, 6u);
  ASSERT_EQ(r.serious.size(), 2u);
  EXPECT_EQ(r.serious[0].rule_id, "abolished-item");
  EXPECT_EQ(r.serious[1].rule_id, "post-approval-precondition");
  m.max_findings = 0;
  EXPECT_TRUE(run(kAudit / "site", m)->report().serious.empty());
}

TEST(Audit, UnreadableInputsAreCountedAndTheOthersKept) {
  AuditOptions options;
  options.model = national();
  options.as_of = Date::parse("2025-06-30");
  Audit audit(std::move(options));
  LinterOptions lo;
  lo.lint.as_of = Date::parse("2025-06-30");
  Linter linter(lo);
  linter.lint_paths({kAudit / "no-such-folder", kAudit / "site" / "民政局"},
                    [&](std::vector<FileResult>&& results) {
                      for (const FileResult& r : results)
                        audit.add(r);
                    });
  const AuditReport r = audit.report();
  EXPECT_EQ(r.files, 3u);
  EXPECT_EQ(r.unreadable, 1u);
  EXPECT_EQ(r.guides, 2u);
  EXPECT_EQ(r.passing, 1u);
  ASSERT_EQ(r.unreadable_files.size(), 1u);
  EXPECT_EQ(r.unreadable_files[0].message_id, "io.not-found");
}

TEST(Audit, ComparesWithAPreviousReport) {
  // tests/fixtures/audit/before: the same site a month earlier. Since then good.xml gained its
  // 办理时间 (fixed), both guides of two.xml broke, company.txt appeared failing, and
  // 文旅局/gone.xml (failing) went away.
  std::ostringstream previous;
  audit_json(*run(kAudit / "before", national(), "2025-06-01"), previous, {});
  const AuditReport r = run(kAudit / "site", national(), "2025-06-30", previous.str())->report();
  ASSERT_TRUE(r.comparison);
  const AuditComparison& c = *r.comparison;
  EXPECT_EQ(c.previous_date, "2025-06-01");
  EXPECT_EQ(c.previous_guides, 6u);
  EXPECT_EQ(c.previous_passing, 2u);
  EXPECT_EQ(c.newly_failing, 3u);
  EXPECT_EQ(c.newly_passing, 1u);
  EXPECT_EQ(c.findings_fixed, 1u);
  EXPECT_EQ(c.fixed_by_rule, (std::map<std::string, std::size_t>{{"required-element", 1}}));
  EXPECT_EQ(c.findings_new, 6u);
  EXPECT_EQ(c.guides_gone, 1u);
  ASSERT_EQ(c.fixed_guides.size(), 1u);
  EXPECT_EQ(fs::path(c.fixed_guides[0].file).filename(), "good.xml");
  EXPECT_EQ(c.previous_rule_findings.at("required-element"), 3u);
  EXPECT_DOUBLE_EQ(c.previous_element_share.at("hours"), 1.0 / 6.0);

  Audit other(AuditOptions{});
  std::string error;
  EXPECT_FALSE(other.compare_with("{\"schema\":\"something-else\"}", &error));
  EXPECT_FALSE(other.compare_with("not json", &error));
  EXPECT_FALSE(
      other.compare_with("{\"schema\":\"guidelint-audit\",\"schema_version\":99}", &error));
}

// The JSON report's shape: every key path, as docs/audit.md documents it. A change here is a
// schema change (kAuditSchemaVersion).
void key_paths(const rapidjson::Value& v, const std::string& at, std::set<std::string>& out) {
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      const std::string name = m.name.GetString();
      // Maps keyed by data (settings, rule ids) are one entry each.
      const bool map = at == "config.settings" || at.ends_with("_by_rule") ||
                       at.ends_with("guides[].rules") || at == "guides[].findings";
      const std::string path = at.empty() ? name : at + "." + (map ? "*" : name);
      out.insert(path);
      key_paths(m.value, path, out);
    }
  } else if (v.IsArray()) {
    for (const auto& e : v.GetArray())
      key_paths(e, at + "[]", out);
  }
}

TEST(Audit, JsonSchemaIsStable) {
  std::ostringstream previous;
  audit_json(*run(kAudit / "before", national(), "2025-06-01"), previous, {});
  const auto audit =
      run(kAudit / "site", national(), "2025-06-30", previous.str(), {{"config", "x"}});
  std::ostringstream out;
  audit_json(*audit, out, {});
  rapidjson::Document doc;
  doc.Parse(out.str().c_str());
  ASSERT_FALSE(doc.HasParseError()) << out.str();
  EXPECT_EQ(doc["schema_version"].GetInt(), kAuditSchemaVersion);
  std::set<std::string> paths;
  key_paths(doc, "", paths);
  const std::set<std::string> expected = {"schema",
                                          "schema_version",
                                          "generator",
                                          "date",
                                          "locale",
                                          "config",
                                          "config.paths",
                                          "config.settings",
                                          "config.settings.*",
                                          "model",
                                          "model.name",
                                          "model.title",
                                          "model.file",
                                          "model.sources",
                                          "model.sources[].id",
                                          "model.sources[].title",
                                          "model.sources[].number",
                                          "model.sources[].date",
                                          "model.sources[].url",
                                          "model.sources[].clause",
                                          "totals",
                                          "totals.files",
                                          "totals.unreadable",
                                          "totals.config_problems",
                                          "totals.guides",
                                          "totals.passing",
                                          "totals.failing",
                                          "totals.compliance_rate",
                                          "totals.errors",
                                          "totals.warnings",
                                          "totals.infos",
                                          "totals.reviews",
                                          "totals.basis",
                                          "census",
                                          "census.title",
                                          "census.points_per_category",
                                          "census.max_deduction",
                                          "census.site_min_guides",
                                          "census.missing_states",
                                          "census.deduction",
                                          "census.score",
                                          "census.full_guides",
                                          "census.guide_points",
                                          "census.basis",
                                          "census.categories",
                                          "census.categories[].id",
                                          "census.categories[].name",
                                          "census.categories[].elements",
                                          "census.categories[].guides_missing",
                                          "census.categories[].share",
                                          "census.categories[].deducted",
                                          "census.categories[].points",
                                          "elements",
                                          "elements[].id",
                                          "elements[].name",
                                          "elements[].missing",
                                          "elements[].empty",
                                          "elements[].placeholder",
                                          "elements[].share",
                                          "rules",
                                          "rules[].id",
                                          "rules[].severity",
                                          "rules[].findings",
                                          "rules[].guides",
                                          "rules[].share",
                                          "rules[].reviews",
                                          "catalog",
                                          "catalog[].kind",
                                          "catalog[].item",
                                          "catalog[].decision",
                                          "catalog[].decision_title",
                                          "catalog[].decision_date",
                                          "catalog[].source",
                                          "catalog[].guides",
                                          "catalog[].findings",
                                          "catalog[].files",
                                          "groups",
                                          "groups.department",
                                          "groups.department.by",
                                          "groups.department.rows",
                                          "groups.department.rows[].name",
                                          "groups.department.rows[].guides",
                                          "groups.department.rows[].passing",
                                          "groups.department.rows[].compliance_rate",
                                          "groups.department.rows[].errors",
                                          "groups.department.rows[].warnings",
                                          "groups.region",
                                          "groups.region.by",
                                          "groups.region.rows",
                                          "groups.region.rows[].name",
                                          "groups.region.rows[].guides",
                                          "groups.region.rows[].passing",
                                          "groups.region.rows[].compliance_rate",
                                          "groups.region.rows[].errors",
                                          "groups.region.rows[].warnings",
                                          "stale",
                                          "stale.as_of",
                                          "stale.basis",
                                          "stale.stale",
                                          "stale.buckets",
                                          "stale.buckets[].min_days",
                                          "stale.buckets[].max_days",
                                          "stale.buckets[].guides",
                                          "stale.no_date",
                                          "stale.unreadable_date",
                                          "stale.future_date",
                                          "serious",
                                          "serious.limit",
                                          "serious.total",
                                          "serious.more",
                                          "serious.findings",
                                          "serious.findings[].file",
                                          "serious.findings[].line",
                                          "serious.findings[].column",
                                          "serious.findings[].guide",
                                          "serious.findings[].code",
                                          "serious.findings[].rule",
                                          "serious.findings[].severity",
                                          "serious.findings[].messageId",
                                          "serious.findings[].message",
                                          "serious.findings[].args",
                                          "serious.findings[].args.decision",
                                          "serious.findings[].args.decision_date",
                                          "serious.findings[].args.decision_known",
                                          "serious.findings[].args.date_known",
                                          "serious.findings[].args.decision_title",
                                          "serious.findings[].args.item",
                                          "serious.findings[].args.years",
                                          "serious.findings[].args.source",
                                          "serious.findings[].args.catalog",
                                          "serious.findings[].args.label",
                                          "serious.findings[].args.element",
                                          "serious.findings[].args.phrase",
                                          "unreadable",
                                          "unreadable[].file",
                                          "unreadable[].line",
                                          "unreadable[].column",
                                          "unreadable[].guide",
                                          "unreadable[].code",
                                          "unreadable[].rule",
                                          "unreadable[].severity",
                                          "unreadable[].messageId",
                                          "unreadable[].message",
                                          "unreadable[].args",
                                          "unreadable[].args.problem",
                                          "comparison",
                                          "comparison.previous_date",
                                          "comparison.previous_guides",
                                          "comparison.previous_passing",
                                          "comparison.previous_compliance_rate",
                                          "comparison.previous_census_deduction",
                                          "comparison.newly_failing",
                                          "comparison.newly_passing",
                                          "comparison.findings_fixed",
                                          "comparison.findings_new",
                                          "comparison.guides_gone",
                                          "comparison.fixed_by_rule",
                                          "comparison.fixed_by_rule.*",
                                          "comparison.new_by_rule",
                                          "comparison.new_by_rule.*",
                                          "comparison.newly_failing_guides",
                                          "comparison.newly_failing_guides[].file",
                                          "comparison.newly_failing_guides[].name",
                                          "comparison.newly_failing_guides[].code",
                                          "comparison.newly_failing_guides[].rules",
                                          "comparison.newly_failing_guides[].rules.*",
                                          "comparison.fixed_guides",
                                          "comparison.fixed_guides[].file",
                                          "comparison.fixed_guides[].name",
                                          "comparison.fixed_guides[].code",
                                          "comparison.fixed_guides[].rules",
                                          "comparison.fixed_guides[].rules.*",
                                          "guides",
                                          "guides[].key",
                                          "guides[].file",
                                          "guides[].name",
                                          "guides[].code",
                                          "guides[].pass",
                                          "guides[].findings",
                                          "guides[].findings.*"};
  // Message arguments are the rules' own (docs/output.md); everything else is the schema.
  std::set<std::string> extra, absent;
  for (const auto& p : paths) {
    if (!expected.count(p) && p.find("].args.") == std::string::npos) extra.insert(p);
  }
  for (const auto& p : expected) {
    if (!paths.count(p) && p.find("].args.") == std::string::npos) absent.insert(p);
  }
  EXPECT_TRUE(extra.empty()) << "not in the schema: " << *extra.begin();
  EXPECT_TRUE(absent.empty()) << "missing: " << *absent.begin();
  EXPECT_EQ(doc["guides"].Size(), 5u);  // the guides with findings
  EXPECT_STREQ(doc["guides"][0]["key"].GetString(),
               "卫健委/two.xml#11410526MB1234567X4000117012002");
}

// Columns line up by display width: a CJK character takes two cells.
TEST(Audit, TextTablesAlignByDisplayWidth) {
  const auto audit = run(kAudit / "site");
  std::ostringstream out;
  audit_text(*audit, out, {});
  std::istringstream lines(out.str());
  std::string line;
  bool in_departments = false;
  std::vector<std::size_t> ends;
  while (std::getline(lines, line)) {
    if (line == "各部门情况") {
      in_departments = true;
      continue;
    }
    if (!in_departments) continue;
    if (line.empty()) break;
    if (line.find("---") != std::string::npos) continue;
    // The right edge of the second column (检查指南数, right-aligned).
    const std::size_t first_gap = line.find("  ", 2);
    std::size_t at = line.find_first_not_of(' ', first_gap);
    at = line.find(' ', at);
    ends.push_back(display_width(line.substr(0, at)));
  }
  ASSERT_EQ(ends.size(), 6u);  // the header and five departments
  for (const std::size_t e : ends)
    EXPECT_EQ(e, ends[0]) << out.str();
  EXPECT_NE(out.str().find("合格率          16.7%"), std::string::npos) << out.str();
}

TEST(Audit, HtmlIsSelfContained) {
  const auto audit = run(kAudit / "site");
  std::ostringstream out;
  AuditFormatOptions options;
  options.link_base = "https://www.example.gov.cn/guides/";
  audit_html(*audit, out, options);
  const std::string html = out.str();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("id=\"fig-rate\" data-value=\"0.1667\">16.7%<"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://www.example.gov.cn/guides/"), std::string::npos);
  EXPECT_NE(html.find("<svg id=\"chart-elements\""), std::string::npos);
}

}  // namespace
}  // namespace guidelint
