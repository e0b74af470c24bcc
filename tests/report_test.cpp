#include <gtest/gtest.h>

#include <sstream>

#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

FileResult sample() {
  const EngineResult r = Engine::builtin();
  return r.engine->lint(std::make_shared<const Source>("目录/g.xml",
                                                       "<guide>\n"
                                                       "  <name>甲\"乙\"</name>\n"
                                                       "  <fees label=\"收费标准\">\t</fees>\n"
                                                       "</guide>"),
                        {});
}

// The whole report of the sample in one format and locale.
std::string report(std::string_view format, std::string locale) {
  std::ostringstream out;
  auto f = make_formatter(format, out, {std::move(locale)});
  Summary summary;
  const FileResult r = sample();
  summary.add(r);
  f->begin();
  f->file(r);
  f->end(summary);
  return out.str();
}

TEST(TextFormatter, CompilerStyleLinesAndSummary) {
  const std::string text = report("text", "en");
  EXPECT_NE(
      text.find(
          "目录/g.xml:1:1: error: required element \"设定依据\" is missing [required-element]\n"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          "目录/g.xml:3:3: error: required element \"收费标准\" (label \"收费标准\") is empty"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("✖ 1 file, 1 guide: 10 errors, 0 warnings, 0 infos\n"), std::string::npos)
      << text;
}

TEST(JsonFormatter, FieldsAndEscaping) {
  const std::string json = report("json", "zh-Hans");
  EXPECT_NE(json.find("\"name\":\"甲\\\"乙\\\"\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"rule\":\"required-element\",\"severity\":\"error\",\"needsReview\":false,"
                      "\"message\":\"必备要素“收费标准”"
                      "（标签“收费标准”）内容为空\",\"messageId\":\"required-element.empty\""),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"element\":\"fees\",\"fatal\":false,\"line\":3,\"column\":3,\"endLine\":3,"
                      "\"endColumn\":30,\"columnUtf16\":3,\"endColumnUtf16\":30"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"summary\":{\"files\":1,\"guides\":1,\"errors\":10,\"warnings\":0,"
                      "\"infos\":0,\"reviews\":0,\"fatal\":0}"),
            std::string::npos)
      << json;
}

// A finding that needs review keeps its severity but is counted apart and shown as such.
TEST(Report, FindingsThatNeedReviewAreCountedApart) {
  FileResult r = sample();
  ASSERT_FALSE(r.diagnostics.empty());
  const std::size_t errors = r.count(Severity::error);
  r.diagnostics[0].needs_review = true;
  EXPECT_EQ(r.count(Severity::error), errors - 1);
  EXPECT_EQ(r.reviews(), 1u);
  Summary summary;
  summary.add(r);
  EXPECT_EQ(summary.errors, errors - 1);
  EXPECT_EQ(summary.reviews, 1u);
  for (const std::string_view format : {"text", "json"}) {
    std::ostringstream out;
    auto f = make_formatter(format, out, {"en"});
    f->begin();
    f->file(r);
    f->end(summary);
    const std::string text = out.str();
    if (format == "text") {
      EXPECT_NE(text.find(": needs-review: "), std::string::npos) << text;
      EXPECT_NE(text.find("; 1 finding needs review"), std::string::npos) << text;
    } else {
      EXPECT_NE(text.find("\"needsReview\":true"), std::string::npos) << text;
      EXPECT_NE(text.find("\"reviews\":1,"), std::string::npos) << text;
    }
  }
}

TEST(JsonFormatter, FileNamesThatAreNotUtf8StayValidJson) {
  std::ostringstream out;
  auto f = make_formatter("json", out, {});
  const EngineResult e = Engine::builtin();
  f->file(e.engine->lint(std::make_shared<const Source>("bad\xFF\x01name.xml", "<guide/>"), {}));
  EXPECT_NE(out.str().find("\"file\":\"bad\\ufffd\\u0001name.xml\""), std::string::npos)
      << out.str();
}

TEST(Engine, NullSourceIsAnEmptyInputNotACrash) {
  const EngineResult e = Engine::builtin();
  const FileResult r = e.engine->lint(nullptr, {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "parse-error.unknown-format");
}

TEST(Engine, BinaryInputIsRefusedAtDecoding) {
  const EngineResult e = Engine::builtin();
  const FileResult r =
      e.engine->lint(std::make_shared<const Source>("a.txt", std::string("ab\0\x01", 4)), {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "input.binary");
  EXPECT_EQ(r.source->position(r.diagnostics[0].span->begin).column, 3u);
}

TEST(Formatters, UnknownNameGivesNull) {
  std::ostringstream out;
  EXPECT_EQ(make_formatter("yaml", out, {}), nullptr);
  EXPECT_EQ(formatter_names(), (std::vector<std::string>{"text", "json"}));
}

}  // namespace
}  // namespace guidelint
