#include <gtest/gtest.h>

#include "fixture_support.hpp"

namespace guidelint {
namespace {

FileResult lint(const std::string& name, std::string bytes = {}) {
  return bytes.empty() ? testing::parse_fixture(name)
                       : testing::parse_bytes(name, std::move(bytes));
}

const Element& element(const Guide& g, std::string_view id) {
  return testing::element_of(g, id);
}

std::string_view at(const FileResult& r, Span s) {
  return testing::text_at(r, s);
}

TEST(JsonParser, NationalSchemaFieldsWithExactSpans) {
  const FileResult r = lint("json/record.json");  // starts with a byte order mark
  EXPECT_TRUE(r.diagnostics.empty()) << render_message(r.diagnostics.at(0));
  ASSERT_EQ(r.guides.size(), 1u);
  const Guide& g = r.guides[0];
  EXPECT_EQ(g.name, "取水许可");
  EXPECT_EQ(g.code, "11411221MB0000000X4000117005000");
  EXPECT_EQ(g.department, "渑池县水利局");
  EXPECT_EQ(g.updated, "2024-06-14");  // epoch milliseconds read as a date

  const Element& basis = element(g, "legal_basis");
  EXPECT_EQ(basis.key, "by_law");
  EXPECT_EQ(at(r, basis.label_span), "by_law");
  EXPECT_EQ(basis.text,
            "《中华人民共和国水法》第四十八条\n《取水许可和水资源费征收管理条例》第十四条");
  // The decoded line break stands for the two characters "\n" of the file.
  const auto nl = static_cast<std::uint32_t>(basis.text.find('\n'));
  EXPECT_EQ(at(r, basis.source_span(nl, nl + 1)), "\\n");
  const Position p = r.source->position(basis.value_span().begin);
  EXPECT_EQ(p.line, 5u);
  EXPECT_EQ(p.column, 14u);
  EXPECT_EQ(p.offset, r.source->text().find("《中华") + 3);  // + the byte order mark

  const Element& materials = element(g, "materials");
  ASSERT_EQ(materials.items.size(), 2u);
  EXPECT_EQ(materials.item_text(materials.items[1]), "建设项目水资源论证报告书");
  EXPECT_EQ(
      r.source
          ->position(materials.source_span(materials.items[1].begin, materials.items[1].end).begin)
          .line,
      9u);

  const Element& place = element(g, "place");
  EXPECT_EQ(place.text, "渑池县政务服务中心二楼水利窗口");  // \u escapes decoded
  const auto water = static_cast<std::uint32_t>(place.text.find("水利"));
  EXPECT_EQ(at(r, place.source_span(water, water + 6)), "\\u6c34\\u5229");
  EXPECT_EQ(element(g, "legal_time_limit").text, "45个工作日");
  EXPECT_EQ(element(g, "promised_time_limit").text, "20个工作日");
  EXPECT_EQ(element(g, "fees").text, "0");
  EXPECT_EQ(element(g, "visits").text, "1");
}

TEST(JsonParser, WrappedCamelCaseRecords) {
  const FileResult r = lint("json/wrapped.json");
  ASSERT_EQ(r.guides.size(), 2u);
  EXPECT_EQ(r.guides[0].name, "临时救助");
  EXPECT_EQ(element(r.guides[0], "materials").text, "临时救助申请书\n申请人身份证明");
  EXPECT_EQ(element(r.guides[0], "phone").text, "0914-2953773");
  EXPECT_EQ(r.guides[1].name, "城乡最低生活保障对象认定");
  EXPECT_EQ(r.source->position(r.guides[1].span.begin).line, 7u);
  // An empty by_law is an empty element, reported at its field.
  bool empty_basis = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.guide == 1 && d.message_id == "required-element.empty" && d.element_id == "legal_basis") {
      empty_basis = true;
      EXPECT_EQ(at(r, *d.span), "\"byLaw\": \"\"");
    }
  }
  EXPECT_TRUE(empty_basis);
}

TEST(JsonParser, NdjsonRecordsBeforeABrokenLineAreKept) {
  const FileResult r = lint("json/records.ndjson");
  ASSERT_EQ(r.guides.size(), 2u);
  EXPECT_EQ(r.guides[0].name, "公共场所卫生许可");
  EXPECT_EQ(element(r.guides[0], "materials").text, "卫生许可证申请表");
  EXPECT_EQ(r.source->position(r.guides[1].span.begin).line, 2u);
  const Diagnostic& last = r.diagnostics.back();
  EXPECT_EQ(last.message_id, "parse-error.json");
  EXPECT_TRUE(last.fatal);  // the broken record is lost
  EXPECT_TRUE(r.fatal());
}

TEST(JsonParser, EscapedStringsLeaveWhatFollowsThemAsWritten) {
  // The reader decodes strings over their own bytes: the values, keys and records after them,
  // and the spans of both, are still read from the file as it was.
  const std::string bytes =
      "{\"task_name\": \"\\u53d6\\u6c34\\\"\\\\\", \"dept_name\": \"\\u4e59\", \"fee\": 12}\n"
      "{\"task_name\": \"\\\"丙\\\"\", \"transact_addr\": \"a\\/b\\n\", \"dept_name\": \"丁\"}\n";
  const FileResult r = lint("x.ndjson", bytes);
  ASSERT_EQ(r.guides.size(), 2u);
  EXPECT_EQ(r.guides[0].name, "取水\"\\");
  EXPECT_EQ(r.guides[0].department, "乙");
  EXPECT_EQ(r.guides[1].name, "\"丙\"");
  const Element& place = element(r.guides[1], "place");
  EXPECT_EQ(place.text, "a/b\n");
  EXPECT_EQ(at(r, place.label_span), "transact_addr");
  EXPECT_EQ(at(r, place.source_span(0, 3)), "a\\/b");
  EXPECT_EQ(r.source->position(r.guides[1].span.begin).line, 2u);
  EXPECT_EQ(at(r, element(r.guides[1], "agency").value_span()), "丁");
}

TEST(JsonParser, RunsOfUnicodeEscapesMapEachCharacterToItsEscape) {
  // Characters from U+0800 outside the surrogates are decoded a run at a time; those around them
  // (below U+0800, a surrogate pair, a lone surrogate) one by one.
  const std::string bytes =
      "{\"task_name\": \"\\u53d6\\u6c34\", \"transact_addr\": "
      "\"\\u0041\\u00e9\\u0800\\ud7ff\\ue000\\uffff\\ud83d\\ude00\\u4e00\\udc00\\u4e01x\\u4e02\"}";
  const FileResult r = lint("x.json", bytes);
  ASSERT_EQ(r.guides.size(), 1u);
  EXPECT_EQ(r.guides[0].name, "取水");
  const Element& place = element(r.guides[0], "place");
  EXPECT_EQ(place.text, "Aé\u0800\uD7FF\uE000\uFFFF😀一\uFFFD丁x丂");
  const std::vector<std::pair<std::uint32_t, std::string_view>> escapes = {
      {0, "\\u0041"},  {1, "\\u00e9"},         {3, "\\u0800"},  {6, "\\ud7ff"},  {9, "\\ue000"},
      {12, "\\uffff"}, {15, "\\ud83d\\ude00"}, {19, "\\u4e00"}, {22, "\\udc00"}, {25, "\\u4e01"},
      {28, "x"},       {29, "\\u4e02"}};
  for (std::size_t k = 0; k < escapes.size(); ++k) {
    const std::uint32_t end = k + 1 < escapes.size()
                                  ? escapes[k + 1].first
                                  : static_cast<std::uint32_t>(place.text.size());
    EXPECT_EQ(at(r, place.source_span(escapes[k].first, end)), escapes[k].second) << k;
  }
}

TEST(JsonParser, ChineseKeysInTraditionalScript) {
  const FileResult r = lint("json/chinese-keys.json");
  EXPECT_TRUE(r.diagnostics.empty()) << render_message(r.diagnostics.at(0));
  EXPECT_EQ(element(r.guides.at(0), "materials").text, "戶口名簿");
  EXPECT_EQ(element(r.guides.at(0), "materials").label, "應繳證件");
  EXPECT_EQ(element(r.guides.at(0), "phone").text, "(02) 2345-6789");
}

TEST(JsonParser, BrokenEmptyAndUnrecognisedFiles) {
  const FileResult truncated = lint("json/truncated.json");
  ASSERT_EQ(truncated.diagnostics.size(), 1u);
  EXPECT_EQ(truncated.diagnostics[0].message_id, "parse-error.json");
  EXPECT_EQ(truncated.source->position(truncated.diagnostics[0].span->begin).column, 60u);
  EXPECT_TRUE(truncated.fatal());
  EXPECT_EQ(lint("json/empty.json").diagnostics.at(0).message_id, "parse-error.empty");
  EXPECT_EQ(lint("json/no-record.json").diagnostics.at(0).message_id, "parse-error.json-no-record");
  EXPECT_EQ(lint("x.json", "[1, 2,, 3]").diagnostics.at(0).message_id, "parse-error.json");
  const FileResult trailing =
      lint("x.json", "{\"task_name\": \"甲\", \"dept_name\": \"乙\"} trailing");
  ASSERT_EQ(trailing.guides.size(), 1u);  // the record before the junk is read
  EXPECT_EQ(trailing.diagnostics.back().message_id, "parse-error.json");
  EXPECT_EQ(trailing.source->position(trailing.diagnostics.back().span->begin).column,
            40u);  // where the reader stopped, in "trailing"
}

TEST(JsonParser, DeepNestingIsRefused) {
  std::string deep;
  for (int i = 0; i < 100000; ++i)
    deep += '[';
  const FileResult r = lint("deep.json", deep);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "parse-error.too-deep");
}

TEST(JsonParser, TheWholeGuideAsHtmlInsideAField) {
  const FileResult r = lint("json/content.json");
  ASSERT_EQ(r.guides.size(), 1u);
  const Guide& g = r.guides[0];
  EXPECT_EQ(g.name, "离校未就业高校毕业生实名登记");
  EXPECT_EQ(g.department, "某街道办事处");
  const Element& fees = element(g, "fees");
  EXPECT_EQ(fees.text, "不收费");
  // Positions point into the JSON file, inside the "content" string.
  EXPECT_EQ(at(r, fees.value_span()), "不收费");
  EXPECT_EQ(at(r, fees.label_span), "收费标准");
  EXPECT_EQ(element(g, "legal_basis").label, "实施依据");
  EXPECT_EQ(element(g, "place").text, "某街道办事处便民服务中心");
  EXPECT_EQ(element(g, "materials").text, "本人身份证\n毕业证");
}

TEST(JsonParser, HtmlWrittenWithUnicodeEscapesMapsEachCharacterBack) {
  // Every character of the text an escape of its own: a long line before a short one.
  const std::string content =
      "<p>\\u529e\\u7406\\u5730\\u70b9\\uff1a\\u67d0\\u4e2d\\u5fc3\\u4e8c\\u697c "
      "B\\u5ea7</p><p>\\u6536\\u8d39\\u6807\\u51c6\\uff1a\\u4e0d</p>";
  const FileResult r = lint("escaped.json", "{\"name\": \"x\", \"content\": \"" + content + "\"}");
  ASSERT_EQ(r.guides.size(), 1u);
  const Element& place = element(r.guides[0], "place");
  EXPECT_EQ(place.text, "某中心二楼 B座");
  EXPECT_EQ(at(r, place.value_span()), "\\u67d0\\u4e2d\\u5fc3\\u4e8c\\u697c B\\u5ea7");
  EXPECT_EQ(at(r, place.source_span(3, 6)), "\\u4e2d");
  EXPECT_EQ(at(r, place.source_span(15, 17)), " B");
  const Element& fees = element(r.guides[0], "fees");
  EXPECT_EQ(fees.text, "不");
  EXPECT_EQ(at(r, fees.value_span()), "\\u4e0d");
  EXPECT_EQ(at(r, fees.label_span), "\\u6536\\u8d39\\u6807\\u51c6");
}

TEST(JsonParser, HtmlInsideAFieldWithEscapesKeepsExactPositions) {
  // Text between the string's escapes moves with them; text with escapes inside it maps each
  // escape to its own bytes.
  const std::string bytes =
      "{\"name\": \"甲\", \"content\": \"<p class=\\\"x\\\"><strong>收费标准：</strong>不收费</p>"
      "<p><strong>办理地点：</strong>\\u67d0\\u8857\\u9053\\ud83d\\ude00便民</p>"
      "<p><strong>受理条件：</strong>应届\\n毕业生</p>\", \"departmentName\": \"乙\"}";
  const FileResult r = lint("x.json", bytes);
  ASSERT_EQ(r.guides.size(), 1u);
  const Guide& g = r.guides[0];
  const Element& fees = element(g, "fees");
  EXPECT_EQ(fees.text, "不收费");
  EXPECT_EQ(at(r, fees.value_span()), "不收费");
  EXPECT_EQ(at(r, fees.label_span), "收费标准");
  const Element& place = element(g, "place");
  EXPECT_EQ(place.text, "某街道😀便民");
  EXPECT_EQ(at(r, place.value_span()), "\\u67d0\\u8857\\u9053\\ud83d\\ude00便民");
  EXPECT_EQ(at(r, place.source_span(3, 6)), "\\u8857");
  EXPECT_EQ(at(r, place.source_span(9, 13)), "\\ud83d\\ude00");
  EXPECT_EQ(at(r, place.source_span(13, 19)), "便民");
  const Element& conditions = element(g, "conditions");
  EXPECT_EQ(at(r, conditions.value_span()), "应届\\n毕业生");
  EXPECT_EQ(r.source->position(conditions.value_span().begin).offset, bytes.find("应届"));
}

}  // namespace
}  // namespace guidelint
