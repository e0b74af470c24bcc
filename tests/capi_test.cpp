// The C API as an application in C sees it: handles, statuses, borrowed strings, threads.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "guidelint/guidelint.h"

namespace {

std::string str(guidelint_string s) {
  return std::string(s.data, s.length);
}

const std::string kIncomplete =
    "<guide code=\"1\"><name>设立某类事项审批</name>\n"
    "<legal_basis>相关法规</legal_basis>\n</guide>\n";
const std::string kAbolished =
    "事项名称：设立水利旅游项目审批\n设定依据：《水利旅游管理办法》第三条\n";

struct Engine {
  guidelint_engine* e = nullptr;
  Engine() { EXPECT_EQ(guidelint_engine_new_default(&e), GUIDELINT_OK); }
  ~Engine() { guidelint_engine_free(e); }
};

struct Result {
  guidelint_result* r = nullptr;
  ~Result() { guidelint_result_free(r); }
};

TEST(CApi, VersionAndAbi) {
  EXPECT_EQ(guidelint_abi_version(), GUIDELINT_ABI_VERSION);
  const std::string v = guidelint_version();
  EXPECT_EQ(std::count(v.begin(), v.end(), '.'), 2) << v;
}

TEST(CApi, LintABufferAndReadEachDiagnostic) {
  Engine engine;
  Result result;
  ASSERT_EQ(guidelint_lint_buffer(engine.e, kIncomplete.data(), kIncomplete.size(), "g.xml",
                                  nullptr, &result.r),
            GUIDELINT_OK)
      << guidelint_last_error();
  guidelint_summary summary{};
  ASSERT_EQ(guidelint_result_summary(result.r, &summary), GUIDELINT_OK);
  EXPECT_EQ(summary.guides, 1u);
  EXPECT_GT(summary.errors, 2u);
  EXPECT_EQ(summary.fatal, 0);
  const std::size_t n = guidelint_result_count(result.r);
  EXPECT_GE(n, summary.errors);
  bool placeholder = false;
  for (std::size_t i = 0; i < n; ++i) {
    guidelint_diagnostic d{};
    ASSERT_EQ(guidelint_result_diagnostic(result.r, i, "en", &d), GUIDELINT_OK);
    EXPECT_EQ(d.rule_id.data[d.rule_id.length], '\0');
    if (str(d.rule_id) != "placeholder-content") continue;
    placeholder = true;
    EXPECT_EQ(d.severity, GUIDELINT_SEVERITY_ERROR);
    EXPECT_EQ(str(d.element_id), "legal_basis");
    EXPECT_EQ(d.has_span, 1);
    EXPECT_EQ(d.line, 2u);
    EXPECT_EQ(d.column, 14u);
    EXPECT_EQ(d.end_column, 18u);  // 相关法规: four code points
    EXPECT_EQ(d.column_utf16, 14u);
    EXPECT_EQ(kIncomplete.substr(d.offset, d.end_offset - d.offset), "相关法规");
    EXPECT_EQ(d.guide, 0);
    EXPECT_NE(str(d.message).find("only"), std::string::npos) << str(d.message);
    // The same finding in Chinese; the English strings stay valid.
    guidelint_diagnostic zh{};
    ASSERT_EQ(guidelint_result_diagnostic(result.r, i, nullptr, &zh), GUIDELINT_OK);
    EXPECT_NE(str(zh.message).find("相关法规"), std::string::npos) << str(zh.message);
    EXPECT_NE(str(d.message).find("only"), std::string::npos);
    EXPECT_EQ(str(d.item), "");
  }
  EXPECT_TRUE(placeholder);
}

TEST(CApi, CatalogFindingsCarryTheirDecision) {
  Engine engine;
  Result result;
  guidelint_lint_options options{sizeof(guidelint_lint_options), "text", "2020-01-01"};
  ASSERT_EQ(guidelint_lint_buffer(engine.e, kAbolished.data(), kAbolished.size(), "guide", &options,
                                  &result.r),
            GUIDELINT_OK)
      << guidelint_last_error();
  bool found = false;
  for (std::size_t i = 0; i < guidelint_result_count(result.r); ++i) {
    guidelint_diagnostic d{};
    ASSERT_EQ(guidelint_result_diagnostic(result.r, i, "zh-Hant", &d), GUIDELINT_OK);
    if (str(d.rule_id) != "abolished-item") continue;
    found = true;
    EXPECT_EQ(str(d.item), "设立水利旅游项目审批");
    EXPECT_NE(str(d.decision_title), "");
    EXPECT_NE(str(d.decision_date), "");
    EXPECT_NE(str(d.source), "");
  }
  EXPECT_TRUE(found);
}

TEST(CApi, JsonReportInALocale) {
  Engine engine;
  Result result;
  ASSERT_EQ(guidelint_lint_buffer(engine.e, kIncomplete.data(), kIncomplete.size(), "g.xml",
                                  nullptr, &result.r),
            GUIDELINT_OK);
  guidelint_string json{};
  ASSERT_EQ(guidelint_result_json(result.r, "en", &json), GUIDELINT_OK);
  const std::string text = str(json);
  EXPECT_NE(text.find("\"rule\":\"placeholder-content\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"file\":\"g.xml\""), std::string::npos) << text;
  EXPECT_EQ(json.data[json.length], '\0');
}

TEST(CApi, EnginesFromYamlAndFromAFile) {
  const std::string yaml = "rules:\n  placeholder-content: warning\n";
  guidelint_engine* e = nullptr;
  ASSERT_EQ(guidelint_engine_new_yaml(yaml.data(), yaml.size(), nullptr, &e), GUIDELINT_OK)
      << guidelint_last_error();
  Result result;
  ASSERT_EQ(
      guidelint_lint_buffer(e, kIncomplete.data(), kIncomplete.size(), "g.xml", nullptr, &result.r),
      GUIDELINT_OK);
  guidelint_engine_free(e);  // the result outlives its engine
  bool warned = false;
  for (std::size_t i = 0; i < guidelint_result_count(result.r); ++i) {
    guidelint_diagnostic d{};
    ASSERT_EQ(guidelint_result_diagnostic(result.r, i, "en", &d), GUIDELINT_OK);
    if (str(d.rule_id) == "placeholder-content") warned = d.severity == GUIDELINT_SEVERITY_WARNING;
  }
  EXPECT_TRUE(warned);

  const std::string path = std::string(GUIDELINT_FIXTURES) + "/configured/.guidelint.yaml";
  ASSERT_EQ(guidelint_engine_new_file(path.c_str(), &e), GUIDELINT_OK) << guidelint_last_error();
  guidelint_engine_free(e);
}

TEST(CApi, ConfigProblemsAreReportedWithTheirPositions) {
  const std::string yaml = "rules:\n  required-element: loud\n  placeholder-contnet: error\n";
  guidelint_engine* e = reinterpret_cast<guidelint_engine*>(1);
  EXPECT_EQ(guidelint_engine_new_yaml(yaml.data(), yaml.size(), nullptr, &e),
            GUIDELINT_ERROR_CONFIG);
  EXPECT_EQ(e, nullptr);
  const std::string error = guidelint_last_error();
  EXPECT_NE(error.find("<config>:2:21: "), std::string::npos) << error;
  EXPECT_NE(error.find("<config>:3:3: "), std::string::npos) << error;
  EXPECT_NE(error.find("placeholder-content"), std::string::npos) << "a suggestion: " << error;
  EXPECT_EQ(guidelint_engine_new_file("/no/such/config.yaml", &e), GUIDELINT_ERROR_CONFIG);
  EXPECT_NE(std::string(guidelint_last_error()).find("/no/such/config.yaml"), std::string::npos);
  // Not even YAML.
  const std::string broken = "rules: [\n";
  EXPECT_EQ(guidelint_engine_new_yaml(broken.data(), broken.size(), nullptr, &e),
            GUIDELINT_ERROR_CONFIG);
}

TEST(CApi, NullsBadArgumentsAndRangesGiveStatusesNotCrashes) {
  Engine engine;
  guidelint_result* r = nullptr;
  EXPECT_EQ(guidelint_engine_new_default(nullptr), GUIDELINT_ERROR_ARGUMENT);
  EXPECT_NE(std::string(guidelint_last_error()), "");
  EXPECT_EQ(guidelint_lint_buffer(nullptr, "x", 1, "a.xml", nullptr, &r), GUIDELINT_ERROR_ARGUMENT);
  EXPECT_EQ(guidelint_lint_buffer(engine.e, nullptr, 5, "a.xml", nullptr, &r),
            GUIDELINT_ERROR_ARGUMENT);
  EXPECT_EQ(guidelint_lint_buffer(engine.e, "x", 1, "a.xml", nullptr, nullptr),
            GUIDELINT_ERROR_ARGUMENT);
  EXPECT_EQ(guidelint_lint_file(engine.e, nullptr, nullptr, &r), GUIDELINT_ERROR_ARGUMENT);
  EXPECT_EQ(guidelint_result_count(nullptr), 0u);
  guidelint_summary s{};
  EXPECT_EQ(guidelint_result_summary(nullptr, &s), GUIDELINT_ERROR_ARGUMENT);
  guidelint_engine_free(nullptr);
  guidelint_result_free(nullptr);

  guidelint_lint_options unknown{sizeof(guidelint_lint_options), "yaml", nullptr};
  EXPECT_EQ(guidelint_lint_buffer(engine.e, "x", 1, "a", &unknown, &r), GUIDELINT_ERROR_ARGUMENT);
  EXPECT_NE(std::string(guidelint_last_error()).find("yaml"), std::string::npos);
  guidelint_lint_options bad_date{sizeof(guidelint_lint_options), nullptr, "2024-02-30"};
  EXPECT_EQ(guidelint_lint_buffer(engine.e, "x", 1, "a.xml", &bad_date, &r),
            GUIDELINT_ERROR_ARGUMENT);
  guidelint_lint_options unsized{0, nullptr, nullptr};
  EXPECT_EQ(guidelint_lint_buffer(engine.e, "x", 1, "a.xml", &unsized, &r),
            GUIDELINT_ERROR_ARGUMENT);
  EXPECT_EQ(r, nullptr);

  Result result;
  ASSERT_EQ(guidelint_lint_buffer(engine.e, "", 0, nullptr, nullptr, &result.r), GUIDELINT_OK);
  guidelint_diagnostic d{};
  EXPECT_EQ(guidelint_result_diagnostic(result.r, 1000, "en", &d), GUIDELINT_ERROR_RANGE);
  EXPECT_EQ(guidelint_result_diagnostic(result.r, 0, "fr", &d), GUIDELINT_ERROR_ARGUMENT);
  guidelint_string json{};
  EXPECT_EQ(guidelint_result_json(result.r, "fr", &json), GUIDELINT_ERROR_ARGUMENT);
}

TEST(CApi, BadInputIsAResultFilesThatCannotBeReadAreIoErrors) {
  Engine engine;
  Result broken;
  const std::string bytes("<guide><name>\0\xff", 15);
  ASSERT_EQ(
      guidelint_lint_buffer(engine.e, bytes.data(), bytes.size(), "b.xml", nullptr, &broken.r),
      GUIDELINT_OK);
  guidelint_summary s{};
  ASSERT_EQ(guidelint_result_summary(broken.r, &s), GUIDELINT_OK);
  EXPECT_EQ(s.fatal, 1);
  guidelint_result* r = nullptr;
  EXPECT_EQ(guidelint_lint_file(engine.e, "/no/such/guide.xml", nullptr, &r), GUIDELINT_ERROR_IO);
  EXPECT_NE(std::string(guidelint_last_error()).find("/no/such/guide.xml"), std::string::npos);
  EXPECT_EQ(guidelint_lint_file(engine.e, GUIDELINT_FIXTURES, nullptr, &r), GUIDELINT_ERROR_IO);
  Result good;
  const std::string path = std::string(GUIDELINT_FIXTURES) + "/good.xml";
  ASSERT_EQ(guidelint_lint_file(engine.e, path.c_str(), nullptr, &good.r), GUIDELINT_OK);
  ASSERT_EQ(guidelint_result_summary(good.r, &s), GUIDELINT_OK);
  EXPECT_EQ(s.fatal, 0);
  EXPECT_EQ(s.guides, 1u);
}

// One engine, eight threads linting at once: every result equals the serial one. Run under
// ThreadSanitizer in CI (scripts/test).
TEST(CApiThreads, OneEngineFromEightThreads) {
  Engine engine;
  const std::vector<std::string> inputs = {
      kIncomplete, kAbolished, "<guide><name>甲</name></guide>", "{\"task_name\": \"乙\"}"};
  const std::vector<std::string> names = {"a.xml", "b.txt", "c.xml", "d.json"};
  const auto json_of = [&](std::size_t k) {
    guidelint_result* r = nullptr;
    guidelint_lint_options options{sizeof(guidelint_lint_options), nullptr, "2025-06-30"};
    EXPECT_EQ(guidelint_lint_buffer(engine.e, inputs[k].data(), inputs[k].size(), names[k].c_str(),
                                    &options, &r),
              GUIDELINT_OK);
    guidelint_string json{};
    EXPECT_EQ(guidelint_result_json(r, k % 2 ? "en" : "zh-Hant", &json), GUIDELINT_OK);
    std::string out = str(json);
    guidelint_result_free(r);
    return out;
  };
  std::vector<std::string> serial;
  for (std::size_t k = 0; k < inputs.size(); ++k)
    serial.push_back(json_of(k));
  std::vector<std::vector<std::string>> parallel(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 25; ++round)
        parallel[t].push_back(json_of((t + static_cast<std::size_t>(round)) % inputs.size()));
    });
  }
  for (auto& t : threads)
    t.join();
  for (std::size_t t = 0; t < 8; ++t) {
    for (std::size_t round = 0; round < parallel[t].size(); ++round)
      EXPECT_EQ(parallel[t][round], serial[(t + round) % inputs.size()]) << t << " " << round;
  }
}

}  // namespace
