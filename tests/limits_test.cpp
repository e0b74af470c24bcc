// Resource limits: the `limits:` config section, and each limit refusing what is past it with a
// diagnostic that says which limit and where.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/limits.hpp"
#include "fixture_support.hpp"

namespace guidelint {
namespace {

struct Read {
  config::Limits limits;
  std::vector<std::string> problems;  // "message-id@line:column"
};

Read read_limits(std::string_view yaml) {
  auto source = std::make_shared<const Source>("limits.yaml", std::string(yaml));
  config::Problems problems;
  const config::YamlFile file{source, &problems};
  Read out;
  if (auto root = config::load(file))
    config::read_limits(file, config::get(*root, "limits"), out.limits);
  for (const FileResult& f : problems.take()) {
    for (const Diagnostic& d : f.diagnostics) {
      const Position p = f.source->position(d.span ? d.span->begin : 0);
      out.problems.push_back(d.message_id + "@" + std::to_string(p.line) + ":" +
                             std::to_string(p.column));
    }
  }
  return out;
}

TEST(LimitsConfig, NamedLimitsMoveAndTheOthersKeepTheirDefaults) {
  const Read r = read_limits("limits:\n  depth: 64\n  input_bytes: 8MiB\n  guides_per_file: 5\n");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.limits.depth, 64u);
  EXPECT_EQ(r.limits.input_bytes, 8u << 20);
  EXPECT_EQ(r.limits.guides_per_file, 5u);
  EXPECT_EQ(r.limits.findings_per_guide, config::Limits{}.findings_per_guide);
  EXPECT_EQ(r.limits.docx_ratio, config::Limits{}.docx_ratio);
}

TEST(LimitsConfig, BadValuesAndUnknownKeysAreReportedWhereTheyAre) {
  const Read r = read_limits(
      "limits:\n"
      "  depth: 0\n"
      "  input_bytes: 5GiB\n"
      "  guides_per_file: many\n"
      "  findings_per_guide: [1]\n"
      "  docx_ratios: 10\n");
  EXPECT_EQ(r.problems,
            (std::vector<std::string>{"config.unknown-key@6:3", "config.invalid-limit@3:16",
                                      "config.invalid-limit@2:10", "config.invalid-limit@4:20",
                                      "config.invalid-limit@5:23"}));
  EXPECT_EQ(r.limits.depth, config::Limits{}.depth);
  EXPECT_EQ(r.limits.input_bytes, config::Limits{}.input_bytes);
}

using testing::arg_of;
using testing::config_errors;
using testing::engine_from;
using testing::line_column;
using testing::read_fixture;

// A config with the national pack and these limits.
std::shared_ptr<const Engine> limited(std::string_view limits) {
  return engine_from("limits:\n" + std::string(limits));
}

FileResult lint(const Engine& engine, const std::string& name, std::string bytes) {
  return engine.lint(std::make_shared<const Source>(name, std::move(bytes)), {});
}

const Diagnostic* find(const FileResult& r, std::string_view message_id) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.message_id == message_id) return &d;
  }
  return nullptr;
}

std::string nested(std::string_view open, std::string_view close, int levels,
                   std::string_view inside = "") {
  std::string s;
  for (int i = 0; i < levels; ++i)
    s += open;
  s += inside;
  for (int i = 0; i < levels; ++i)
    s += close;
  return s;
}

TEST(Limits, InputBytesRefusesABufferAndAFileLargerThanTheLimit) {
  const auto engine = limited("  input_bytes: 1KiB\n");
  ASSERT_TRUE(engine);
  EXPECT_EQ(engine->max_input_bytes(), 1024u);
  const std::string guide = read_fixture("good.xml");
  ASSERT_GT(guide.size(), 1024u);
  const FileResult r = lint(*engine, "good.xml", guide);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "input.too-large");
  EXPECT_TRUE(r.diagnostics[0].fatal);
  EXPECT_EQ(render_message(r.diagnostics[0], "en"),
            "the input is " + std::to_string(guide.size()) +
                " bytes, more than 1,024 (limits: input_bytes); not checked");
  // Under the limit, the same engine lints.
  const auto roomy = limited("  input_bytes: 1MiB\n");
  EXPECT_FALSE(lint(*roomy, "good.xml", guide).fatal());

  // Through the Linter, the file is not even read past the limit.
  const std::filesystem::path dir = testing::temp_dir("limits-input");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / ".guidelint.yaml") << "limits:\n  input_bytes: 1KiB\n";
  std::ofstream(dir / "good.xml", std::ios::binary) << guide;
  std::ofstream(dir / "small.xml", std::ios::binary) << "<guide><name>x</name></guide>";
  const Linter linter(LinterOptions{});
  const std::vector<FileResult> big = linter.lint_file(dir / "good.xml");
  ASSERT_EQ(big.size(), 1u);
  ASSERT_EQ(big[0].diagnostics.size(), 1u);
  EXPECT_EQ(big[0].diagnostics[0].message_id, "io.too-large");
  EXPECT_EQ(render_message(big[0].diagnostics[0], "en"),
            "the file is larger than 1,024 bytes (limits: input_bytes); not checked");
  const std::vector<FileResult> small = linter.lint_file(dir / "small.xml");
  ASSERT_EQ(small.size(), 1u);
  EXPECT_FALSE(small[0].fatal());
  std::filesystem::remove_all(dir);
}

TEST(Limits, DepthAppliesToXmlJsonAndHtml) {
  const auto engine = limited("  depth: 12\n");
  ASSERT_TRUE(engine);
  const std::string xml =
      "<guide><name>临时救助</name><note>" + nested("<b>", "</b>", 20) + "</note></guide>";
  const std::string json = "{\"name\": \"临时救助\", \"x\": " + nested("[", "]", 20) + "}";
  const std::string html =
      "<html><body>" + nested("<div>", "</div>", 20, "办理地点：某中心") + "</body></html>";
  for (const auto& [name, bytes] :
       {std::pair<std::string, std::string>{"d.xml", xml}, {"d.json", json}, {"d.html", html}}) {
    const FileResult r = lint(*engine, name, bytes);
    const Diagnostic* d = find(r, "parse-error.too-deep");
    ASSERT_NE(d, nullptr) << name;
    EXPECT_TRUE(d->fatal) << name;
    EXPECT_EQ(arg_of(*d, "limit"), "12") << name;
    EXPECT_TRUE(r.guides.empty()) << name;
    // With the default limit, 20 levels are read.
    EXPECT_EQ(
        find(testing::lint_text(bytes, testing::national_engine(), name), "parse-error.too-deep"),
        nullptr)
        << name;
  }
}

TEST(Limits, GuidesPerFileKeepsTheFirstAndSaysWhereTheRestBegin) {
  const auto engine = limited("  guides_per_file: 2\n");
  ASSERT_TRUE(engine);
  std::string many = "<guides>\n";
  for (int i = 0; i < 4; ++i)
    many += "  <guide code=\"G-" + std::to_string(i) + "\"><name>事项" + std::to_string(i) +
            "</name></guide>\n";
  many += "</guides>\n";
  const FileResult all = testing::lint_text(many, testing::national_engine(), "many.xml");
  ASSERT_GT(all.guides.size(), 2u);
  const FileResult r = lint(*engine, "many.xml", many);
  ASSERT_EQ(r.guides.size(), 2u);
  EXPECT_EQ(r.guides[0].code, all.guides[0].code);
  EXPECT_EQ(r.guides[1].code, all.guides[1].code);
  const Diagnostic* d = find(r, "parse-error.too-many-guides");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->fatal);  // the first two are linted
  ASSERT_TRUE(d->span);
  // At the third <guide>.
  EXPECT_EQ(line_column(r, d->span->begin), (std::pair<std::uint32_t, std::uint32_t>{4, 3}));
  EXPECT_EQ(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                          [](const Diagnostic& x) { return x.rule_id == "parse-error"; }),
            1);

  // NDJSON: one record per line.
  std::string ndjson;
  for (int i = 0; i < 5; ++i)
    ndjson += "{\"task_name\": \"事项" + std::to_string(i) + "\", \"dept_name\": \"某局\"}\n";
  const FileResult n = lint(*engine, "x.ndjson", ndjson);
  ASSERT_EQ(n.guides.size(), 2u);
  const Diagnostic* nd = find(n, "parse-error.too-many-guides");
  ASSERT_NE(nd, nullptr);
  EXPECT_EQ(line_column(n, nd->span->begin), (std::pair<std::uint32_t, std::uint32_t>{3, 1}));
}

TEST(Limits, FindingsPerGuideKeepsTheFirstAndCountsTheRest) {
  // A guide with a name only: every other required element is missing.
  const std::string bare = "<guide><name>临时救助</name></guide>";
  const FileResult all = testing::lint_text(bare, testing::national_engine(), "g.xml");
  ASSERT_GT(all.diagnostics.size(), 3u);
  const auto engine = limited("  findings_per_guide: 3\n");
  ASSERT_TRUE(engine);
  const FileResult r = lint(*engine, "g.xml", bare);
  ASSERT_EQ(r.diagnostics.size(), 4u);
  const Diagnostic* d = find(r, "resource-limit.findings");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->rule_id, "resource-limit");
  EXPECT_EQ(d->severity, Severity::warning);
  EXPECT_EQ(d->guide, 0);
  EXPECT_EQ(arg_of(*d, "dropped"), std::to_string(all.diagnostics.size() - 3));
  EXPECT_EQ(render_message(*d, "en"), std::to_string(all.diagnostics.size() - 3) +
                                          " more findings on this guide not reported: more "
                                          "than 3 (limits: findings_per_guide)");
}

TEST(Limits, YamlNodesBoundsTheCatalogsAConfigLoads) {
  const std::filesystem::path dir = testing::temp_dir("limits-yaml");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // Ten entries through aliases: a few dozen nodes expanded.
  std::ofstream(dir / "small.yaml")
      << "name: small\nentries:\n  - &e {name: 设立水利旅游项目审批, action: abolished}\n"
      << "  - *e\n  - *e\n  - *e\n  - *e\n  - *e\n  - *e\n  - *e\n  - *e\n  - *e\n";
  const EngineResult tight =
      Engine::from_yaml("catalogs: [small.yaml]\nlimits:\n  yaml_nodes: 20\n", "cfg.yaml", dir);
  ASSERT_FALSE(tight.engine);
  ASSERT_FALSE(tight.problems.empty());
  EXPECT_TRUE(tight.problems[0].source->name().ends_with("small.yaml"))
      << tight.problems[0].source->name();
  EXPECT_EQ(tight.problems[0].diagnostics.at(0).message_id, "config.yaml-too-large");
  EXPECT_EQ(arg_of(tight.problems[0].diagnostics.at(0), "limit"), "20");
  std::filesystem::remove_all(dir);

  // A "billion laughs" config is refused whatever it says about limits.
  std::string laughs =
      "limits:\n  yaml_nodes: 1099511627776\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; prev = c++)
    laughs += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
              prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
              ", *" + prev + "]\n";
  const std::vector<std::string> problems = config_errors(laughs);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(problems[0].starts_with("config.yaml-too-large")) << problems[0];
}

TEST(Limits, DocxEntryBytesAndRatio) {
  const std::string docx = read_fixture("docx/clauses.docx");
  const auto small = limited("  docx_entry_bytes: 1KiB\n");
  ASSERT_TRUE(small);
  const FileResult r = lint(*small, "clauses.docx", docx);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "parse-error.docx-too-large");
  EXPECT_EQ(render_message(r.diagnostics[0], "en"),
            "the Word document's body (word/document.xml) unpacks to more than 1,024 bytes "
            "(limits: docx_entry_bytes); not checked");
  EXPECT_FALSE(testing::lint_text(docx, testing::national_engine(), "clauses.docx").fatal());

  // bomb-ratio.docx expands a thousandfold: refused at the default 200, read at 2,000.
  const std::string bomb = read_fixture("docx/bomb-ratio.docx");
  const FileResult refused = testing::lint_text(bomb, testing::national_engine(), "b.docx");
  ASSERT_EQ(refused.diagnostics.size(), 1u);
  EXPECT_EQ(arg_of(refused.diagnostics[0], "cause"), "ratio");
  EXPECT_NE(render_message(refused.diagnostics[0], "en").find("200 times its compressed size"),
            std::string::npos);
  const auto lenient = limited("  docx_ratio: 2000\n");
  ASSERT_TRUE(lenient);
  EXPECT_EQ(find(lint(*lenient, "b.docx", bomb), "parse-error.docx-too-large"), nullptr);
}

TEST(Limits, LayersMoveOnlyTheLimitsTheyNameAndPrintConfigShowsThem) {
  const std::filesystem::path dir = testing::temp_dir("limits-layers");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "base.yaml") << "limits:\n  depth: 40\n  guides_per_file: 7\n";
  const EngineResult r =
      Engine::from_yaml("extends: [base.yaml]\nlimits:\n  guides_per_file: 9\n", "cfg.yaml", dir);
  ASSERT_TRUE(r.engine);
  const std::string printed = r.engine->effective_config("g.xml");
  EXPECT_NE(printed.find("depth: 40"), std::string::npos) << printed;
  EXPECT_NE(printed.find("guides_per_file: 9"), std::string::npos) << printed;
  EXPECT_NE(printed.find("findings_per_guide: 1000"), std::string::npos) << printed;
  std::filesystem::remove_all(dir);

  // A wrong value is a config error at its place, and the engine is not built.
  const std::vector<std::string> problems = config_errors("limits:\n  depth: -1\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "config.invalid-limit limit \"depth\" must be a whole number from 1 to 4,096, not "
            "\"-1\"");
}

}  // namespace
}  // namespace guidelint
