// Inline suppressions in each format, unused and unknown ones, and `overrides:` by glob.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "config/config.hpp"
#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

const Engine& engine() {
  static const EngineResult r = Engine::builtin();
  return *r.engine;
}

FileResult lint(std::string name, std::string text) {
  LintOptions options;
  options.as_of = Date{2026, 1, 1};
  return engine().lint(std::make_shared<const Source>(std::move(name), std::move(text)), options);
}

std::size_t count(const FileResult& r, std::string_view rule, std::string_view message = {}) {
  return static_cast<std::size_t>(
      std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.rule_id == rule && (message.empty() || d.message_id == message);
      }));
}

std::string_view at(const FileResult& r, const Diagnostic& d) {
  return r.source->text().substr(d.span->begin, d.span->end - d.span->begin);
}

const Diagnostic* first(const FileResult& r, std::string_view message) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.message_id == message) return &d;
  }
  return nullptr;
}

constexpr std::string_view kAbolished = "<name>设立水利旅游项目审批</name>";

TEST(Suppressions, XmlDisableUpToEnable) {
  const std::string guide = "<guide>\n<!-- guidelint-disable abolished-item -- 存档页面 -->\n" +
                            std::string(kAbolished) +
                            "\n<!-- guidelint-enable abolished-item -->\n</guide>\n";
  const FileResult r = lint("g.xml", guide);
  EXPECT_EQ(count(r, "abolished-item"), 0u);
  EXPECT_EQ(count(r, "suppression"), 0u);
  EXPECT_GT(count(r, "required-element"), 0u);  // other rules still run
  // After the enable the rule is back.
  const FileResult after = lint("g.xml",
                                "<guide>\n<!-- guidelint-disable abolished-item -->\n"
                                "<!-- guidelint-enable abolished-item -->\n" +
                                    std::string(kAbolished) + "\n</guide>\n");
  EXPECT_EQ(count(after, "abolished-item"), 1u);
  EXPECT_EQ(count(after, "suppression", "suppression.unused"), 1u);
}

TEST(Suppressions, XmlDisableEverythingAndNextElement) {
  const FileResult all =
      lint("g.xml", "<!-- guidelint-disable -->\n<guide>" + std::string(kAbolished) + "</guide>");
  EXPECT_TRUE(all.diagnostics.empty()) << render_message(all.diagnostics.at(0));
  const FileResult next =
      lint("g.xml", "<guide>\n<!-- guidelint-disable-next-element abolished-item -->\n" +
                        std::string(kAbolished) + "\n<legal_basis></legal_basis>\n</guide>");
  EXPECT_EQ(count(next, "abolished-item"), 0u);
  EXPECT_EQ(count(next, "required-element", "required-element.empty"), 1u);
}

TEST(Suppressions, UnknownAndUnusedAreReportedWhereWritten) {
  const FileResult r = lint("g.xml",
                            "<guide>\n<!-- guidelint-disable-next-element requird-element, "
                            "delegated-item -->\n" +
                                std::string(kAbolished) + "\n</guide>");
  const Diagnostic* unknown = first(r, "suppression.unknown-rule");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(at(r, *unknown), "requird-element");
  EXPECT_EQ(unknown->severity, Severity::warning);
  EXPECT_NE(render_message(*unknown, "en").find("did you mean \"required-element\""),
            std::string::npos);
  const Diagnostic* unused = first(r, "suppression.unused");
  ASSERT_NE(unused, nullptr);
  EXPECT_EQ(at(r, *unused), "delegated-item");
  EXPECT_EQ(count(r, "abolished-item"), 1u);
}

TEST(Suppressions, HtmlCommentsAnywhereInThePage) {
  const FileResult r =
      lint("g.html",
           "<html><head><title>x</title><!-- guidelint-disable required-element --></head><body>"
           "<h1>設立水利旅遊項目審批</h1><table><tr><th>实施机关</th><td>某局</td></tr></table>"
           "</body></html>");
  EXPECT_EQ(count(r, "required-element"), 0u);
  EXPECT_EQ(count(r, "abolished-item"), 1u);
  EXPECT_EQ(count(r, "suppression"), 0u);
}

TEST(Suppressions, TextLinesAreNotPartOfTheGuide) {
  for (const std::string_view line : {"# guidelint-disable-next-element abolished-item",
                                      "<!-- guidelint-disable-next-element abolished-item -->"}) {
    const FileResult r = lint("g.md", std::string(line) + "\n事项名称：设立水利旅游项目审批\n");
    EXPECT_EQ(count(r, "abolished-item"), 0u) << line;
    EXPECT_EQ(count(r, "suppression"), 0u) << line;
    ASSERT_EQ(r.guides.size(), 1u);
    for (const Element& e : r.guides[0].elements)
      EXPECT_EQ(e.text.find("guidelint"), std::string::npos) << line;
  }
}

TEST(Suppressions, JsonFieldCoversItsRecordOnly) {
  const FileResult r = lint("g.json",
                            "[{\"task_name\": \"设立水利旅游项目审批\", \"dept_name\": \"某局\", "
                            "\"guidelint-disable\": [\"abolished-item\", \"required-element\"]},\n"
                            " {\"task_name\": \"设立水利旅游项目审批\", \"dept_name\": \"某局\"}]");
  ASSERT_EQ(r.guides.size(), 2u);
  EXPECT_EQ(count(r, "abolished-item"), 1u);
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == "abolished-item" || d.rule_id == "required-element") {
      EXPECT_EQ(d.guide, 1);
    }
  }
  EXPECT_EQ(count(r, "suppression"), 0u);
}

TEST(Glob, MatchesAsEslintDoes) {
  using config::glob_match;
  EXPECT_TRUE(glob_match("*.txt", "a.txt"));
  EXPECT_TRUE(glob_match("*.txt", "deep/down/a.txt"));  // no '/': the name alone
  EXPECT_FALSE(glob_match("*.txt", "a.xml"));
  EXPECT_TRUE(glob_match("legacy/**", "legacy/a/b.html"));
  EXPECT_TRUE(glob_match("legacy/*.html", "legacy/a.html"));
  EXPECT_FALSE(glob_match("legacy/*.html", "legacy/sub/a.html"));
  EXPECT_TRUE(glob_match("**/old-*.xml", "x/y/old-1.xml"));
  EXPECT_TRUE(glob_match("**/old-*.xml", "old-1.xml"));
  EXPECT_TRUE(glob_match("site/**/index.html", "site/index.html"));
  EXPECT_TRUE(glob_match("./a/?.xml", "a/b.xml"));
  EXPECT_FALSE(glob_match("a/?.xml", "a/bc.xml"));
  EXPECT_FALSE(glob_match("legacy/**", "new/legacy/a.html"));
}

class Overrides : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::temp_dir("overrides");
    std::filesystem::create_directories(dir_ / "legacy/sub");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(Overrides, ApplyByGlobInOrder) {
  write(".guidelint.yaml",
        "overrides:\n"
        "  - files: [\"legacy/**\"]\n    rules:\n      required-element: warning\n"
        "  - files: \"*.txt\"\n    rules:\n      abolished-item: off\n");
  const EngineResult r = Engine::from_file(dir_ / ".guidelint.yaml");
  ASSERT_TRUE(r.engine);
  const auto lint_at = [&](const std::string& name) {
    return r.engine->lint(
        std::make_shared<const Source>((dir_ / name).string(), "事项名称：设立水利旅游项目审批\n"),
        {});
  };
  const auto severity_of = [](const FileResult& f, std::string_view rule) {
    for (const Diagnostic& d : f.diagnostics) {
      if (d.rule_id == rule) return to_string(d.severity);
    }
    return std::string_view("none");
  };
  const FileResult plain = lint_at("a.md");
  EXPECT_EQ(severity_of(plain, "required-element"), "error");
  EXPECT_EQ(severity_of(plain, "abolished-item"), "error");
  const FileResult legacy = lint_at("legacy/sub/a.md");
  EXPECT_EQ(severity_of(legacy, "required-element"), "warning");
  EXPECT_EQ(severity_of(legacy, "abolished-item"), "error");
  const FileResult both = lint_at("legacy/a.txt");
  EXPECT_EQ(severity_of(both, "required-element"), "warning");
  EXPECT_EQ(severity_of(both, "abolished-item"), "none");
  // The engine's own rule list is the config's, before overrides.
  for (const RuleInfo& info : r.engine->rules()) {
    if (info.id == "required-element") {
      EXPECT_EQ(info.severity, Severity::error);
    }
  }
}

TEST_F(Overrides, ProblemsAreReportedWhenTheConfigLoads) {
  write(".guidelint.yaml",
        "overrides:\n"
        "  - rules:\n      required-element: warning\n"
        "  - files: [a]\n    rules:\n      required-elemnt: warning\n"
        "  - files: [b]\n    rulez: {}\n");
  const EngineResult r = Engine::from_file(dir_ / ".guidelint.yaml");
  EXPECT_FALSE(r.engine);
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const FileResult& f : r.problems) {
    for (const Diagnostic& d : f.diagnostics)
      got.emplace_back(d.message_id, f.source->position(d.span->begin).line);
  }
  EXPECT_EQ(got,
            (std::vector<std::pair<std::string, std::uint32_t>>{
                {"config.missing-key", 2}, {"config.unknown-key", 8}, {"config.unknown-rule", 6}}));
}

}  // namespace
}  // namespace guidelint
