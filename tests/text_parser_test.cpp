#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_support.hpp"
#include "text/utf8.hpp"

namespace guidelint {
namespace {

using testing::line_column;

FileResult lint(const std::string& name) {
  return testing::parse_fixture(name);
}

const Element& element(const FileResult& r, std::string_view id) {
  return testing::element_of(r, id);
}

std::string read(const std::string& name) {
  return testing::read_fixture(name);
}

using LC = std::pair<std::uint32_t, std::uint32_t>;

TEST(TextParser, ClauseNumbersBracketsBulletsAndSpaceSeparatedLabels) {
  const FileResult r = lint("text/clauses.txt");
  EXPECT_TRUE(r.diagnostics.empty()) << render_message(r.diagnostics.at(0));
  EXPECT_EQ(r.guides.at(0).name, "食品经营许可（新办）");  // the first line names the item
  const Element& basis = element(r, "legal_basis");
  EXPECT_EQ(basis.label, "设定依据");
  EXPECT_EQ(line_column(r, basis.label_span.begin), (LC{2, 3}));
  EXPECT_EQ(basis.text,
            "《中华人民共和国食品安全法》第三十五条第一款\n《食品经营许可管理办法》第二条");
  ASSERT_EQ(basis.items.size(), 2u);
  EXPECT_EQ(basis.item_text(basis.items[1]), "《食品经营许可管理办法》第二条");
  EXPECT_EQ(line_column(r, basis.source_span(basis.items[1].begin, basis.items[1].end).begin),
            (LC{4, 1}));

  const Element& conditions = element(r, "conditions");
  EXPECT_EQ(conditions.text, "具有与经营的食品品种、数量相适应的经营场所");
  EXPECT_EQ(line_column(r, conditions.value_span().begin), (LC{5, 8}));

  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.label, "申请材料");
  EXPECT_EQ(materials.items.size(), 2u);
  EXPECT_EQ(element(r, "time_limit").text, "20个工作日");
  EXPECT_EQ(line_column(r, element(r, "time_limit").value_span().begin), (LC{9, 7}));
  EXPECT_EQ(element(r, "fees").text, "不收费");
  EXPECT_EQ(element(r, "place").text, "某市市民中心二楼市场监管窗口");
  EXPECT_EQ(element(r, "hours").label, "工作时间");
  EXPECT_EQ(element(r, "procedure").text, "受理→审查→决定→送达");
}

TEST(TextParser, SeveralLabelsRunTogetherOnOneLine) {
  const FileResult r = lint("text/runon.txt");
  const Element& basis = element(r, "legal_basis");
  EXPECT_EQ(basis.text, "《社会救助暂行办法》(国务院令第649号)第九条");
  EXPECT_EQ(element(r, "agency").text, "某县民政局");
  EXPECT_EQ(element(r, "phone").text, "0737-7226787");
  EXPECT_EQ(element(r, "complaint_phone").text, "0737-7224401");
  const Element& place = element(r, "place");
  EXPECT_EQ(place.label, "办理地址");
  // Columns count characters: the label starts after the preceding pairs on line 2.
  const std::string line2 = std::string(r.source->line_text(2));
  const std::size_t at = line2.find("办理地址");
  EXPECT_EQ(line_column(r, place.label_span.begin).second,
            Source("x", line2.substr(0, at)).position(static_cast<std::uint32_t>(at)).column);
  std::vector<std::string> ids;
  for (const Diagnostic& d : r.diagnostics)
    ids.push_back(d.element_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"conditions", "time_limit", "fees", "hours"}));
}

TEST(TextParser, MarkdownHeadingsTablesAndLists) {
  const FileResult r = lint("text/table.md");
  EXPECT_EQ(r.guides.at(0).name, "医疗机构执业登记");
  EXPECT_EQ(element(r, "legal_basis").text, "《医疗机构管理条例》（国务院令第149号）第十五条");
  EXPECT_EQ(element(r, "agency").text, "某市卫生健康委员会");
  EXPECT_EQ(line_column(r, element(r, "agency").value_span().begin), (LC{9, 10}));
  EXPECT_EQ(element(r, "conditions").text, "有设置医疗机构批准书");
  EXPECT_EQ(element(r, "legal_time_limit").text, "45个工作日");
  EXPECT_EQ(element(r, "materials").items.size(), 2u);
  EXPECT_EQ(element(r, "procedure").text, "受理、审查、现场核查、决定");
}

TEST(TextParser, TraditionalScriptAndBullets) {
  const FileResult r = lint("text/traditional.txt");
  EXPECT_EQ(r.guides.at(0).name, "住址變更登記");
  EXPECT_EQ(element(r, "conditions").text, "1. 本人。\n2. 戶長。");
  EXPECT_EQ(element(r, "conditions").label, "申請人資格");
  EXPECT_EQ(element(r, "materials").text, "戶口名簿、國民身分證");
  EXPECT_EQ(element(r, "time_limit").text, "當場辦結");
  EXPECT_EQ(element(r, "fees").text, "免費");
}

TEST(TextParser, FlattenedTableRowsWithEmptyValues) {
  const FileResult r = lint("text/pipes.txt");
  EXPECT_EQ(r.guides.at(0).name, "危险化学品经营许可");
  EXPECT_TRUE(element(r, "phone").blank());
  EXPECT_EQ(element(r, "complaint_phone").text, "0755-12345");
  EXPECT_EQ(line_column(r, element(r, "complaint_phone").value_span().begin), (LC{6, 1}));
  bool empty_phone = false;
  for (const Diagnostic& d : r.diagnostics)
    empty_phone |= d.message_id == "required-element.empty" && d.element_id == "phone";
  EXPECT_TRUE(empty_phone);
}

TEST(TextParser, ByteOrderMarkCrLfAndGbk) {
  const FileResult bom = lint("text/bom-crlf.txt");
  EXPECT_EQ(element(bom, "legal_basis").text, "《中华人民共和国水法》第四十八条");
  const Position p = bom.source->position(element(bom, "place").label_span.begin);
  EXPECT_EQ(p.line, 3u);
  EXPECT_EQ(p.column, 1u);
  const FileResult gbk = lint("text/gbk.txt");
  EXPECT_EQ(gbk.source->encoding(), "GB18030");
  const Element& place = element(gbk, "place");
  EXPECT_EQ(place.text, "某县政务服务中心二楼水利窗口，工作日上午九点至下午五点");
  // The offset is in the GBK bytes: two bytes per Chinese character.
  const std::string bytes = read("text/gbk.txt");
  EXPECT_EQ(gbk.source->position(place.label_span.begin).offset,
            bytes.rfind('\n', bytes.size() - 2) + 1);
}

TEST(TextParser, EmptyFileIsAParseError) {
  const FileResult r = lint("text/empty.txt");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "parse-error.empty");
  EXPECT_TRUE(r.fatal());
}

}  // namespace
}  // namespace guidelint

namespace guidelint {
namespace {

TEST(Recogniser, CellsHoldingLabelAndValueAreReadAsLines) {
  const FileResult r = testing::parse_bytes(
      "row.txt", "事项名称：取水许可\n| 办理地点：某县政务服务中心 | 办理时间：工作日 |\n");
  EXPECT_EQ(element(r, "place").text, "某县政务服务中心");
  EXPECT_EQ(element(r, "hours").text, "工作日");
  EXPECT_EQ(r.guides.at(0).name, "取水许可");
}

TEST(Recogniser, ThousandsOfPairsOnOneLineAreAllRead) {
  // Pages that run every element into one cell, at an extreme: every pair is found, and the
  // line is scanned once (not once per pair).
  std::string line;
  for (int i = 0; i < 3000; ++i)
    line += "咨询电话:0737-" + std::to_string(1000000 + i) + " ";
  const FileResult r = testing::parse_bytes("long.txt", "事项名称:甲 " + line + "\n");
  std::size_t phones = 0;
  for (const Element& e : r.guides.at(0).elements)
    phones += e.id == "phone";
  EXPECT_EQ(phones, 3000u);
  const Element* last = nullptr;
  for (const Element& e : r.guides.at(0).elements) {
    if (e.id == "phone") last = &e;
  }
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->text, "0737-1002999");
  EXPECT_EQ(testing::text_at(r, last->value_span()), "0737-1002999");
}

// Labels are limited in code points (24 for a line that is all label, 25 before a colon), which
// the recogniser tells by a text's size in bytes where that decides it: padded to the limits
// with characters folding removes, of one byte and of four.
TEST(Recogniser, LabelLengthLimitsAreCountedInCodePointsWhateverTheirBytes) {
  const auto place = [](const std::string& line) {
    const FileResult r = testing::parse_bytes("g.txt", "事项名称：甲\n" + line + "\n");
    const std::vector<Element>& elements = r.guides.at(0).elements;
    return std::any_of(elements.begin(), elements.end(),
                       [](const Element& e) { return e.id == "place"; });
  };
  const auto times = [](std::string_view s, int n) {
    std::string out;
    for (int k = 0; k < n; ++k)
      out += s;
    return out;
  };
  for (const std::string_view pad : {"!", "\xF0\x90\x84\x80"}) {  // U+10100, a separator mark
    // The line is the label: 24 code points at most.
    EXPECT_TRUE(place("地址" + times(pad, 22))) << pad.size();
    EXPECT_FALSE(place("地址" + times(pad, 23))) << pad.size();
    // A label before a colon: 25 code points at most.
    EXPECT_TRUE(place("地址" + times(pad, 23) + "：某处")) << pad.size();
    EXPECT_FALSE(place("地址" + times(pad, 24) + "：某处")) << pad.size();
  }
}

// "收费标准 不收费": a known label, whitespace, the value; and "办理地点：某处 收费标准：不收费",
// pairs run together, whitespace before each further label. Whitespace is told from the
// punctuation that shares its lead bytes (，：（） 、。“”) mostly without decoding: of every code
// point of those lead bytes, only whitespace (and a colon after a label) separates.
TEST(Recogniser, OnlyWhitespaceSeparatesALabelFromItsValue) {
  const auto range = [](char32_t first, char32_t last) {
    std::vector<char32_t> out;
    for (char32_t c = first; c <= last; ++c)
      out.push_back(c);
    return out;
  };
  for (const auto& [first, last] : std::vector<std::pair<char32_t, char32_t>>{
           {0x80, 0xBF}, {0x1000, 0x1FFF}, {0x2000, 0x2FFF}, {0x3000, 0x3FFF}, {0xF000, 0xFFFF}}) {
    for (const char32_t c : range(first, last)) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      std::string separator;
      utf8::append(separator, c);
      const FileResult r =
          testing::parse_bytes("g.txt", "事项名称：甲\n收费标准" + separator + "不收费\n");
      const std::vector<Element>& elements = r.guides.at(0).elements;
      const auto fees = std::find_if(elements.begin(), elements.end(),
                                     [](const Element& e) { return e.id == "fees"; });
      const bool separates = utf8::is_space(c) || c == U'：';
      ASSERT_EQ(fees != elements.end(), separates) << std::hex << static_cast<std::uint32_t>(c);
      if (separates) {
        EXPECT_EQ(fees->text, "不收费") << std::hex << static_cast<std::uint32_t>(c);
      }
      const FileResult pairs = testing::parse_bytes(
          "g.txt", "事项名称：甲\n办理地点：某处" + separator + "收费标准：不收费\n");
      const std::vector<Element>& found = pairs.guides.at(0).elements;
      ASSERT_EQ(
          std::any_of(found.begin(), found.end(), [](const Element& e) { return e.id == "fees"; }),
          utf8::is_space(c))
          << std::hex << static_cast<std::uint32_t>(c);
    }
  }
}

TEST(Recogniser, AnImageWithoutTextKeepsItsLinkAndLinesAreItems) {
  const FileResult r = testing::parse_bytes(
      "page.html",
      "<p><strong>十七、办理流程：</strong></p>"
      "<figure><img "
      "src=\"file:///C:/Users/ADMINI~1/AppData/Local/Temp/clip_image002.gif\"></figure>"
      "<table><tr><td>申请材料</td><td>1. 申请书<br>2. 身份证明</td></tr></table>");
  const Element& procedure = element(r, "procedure");
  EXPECT_TRUE(procedure.blank());
  ASSERT_EQ(procedure.links.size(), 1u);
  EXPECT_TRUE(procedure.links[0].url.starts_with("file:///C:/"));
  const Element& materials = element(r, "materials");
  ASSERT_EQ(materials.items.size(), 2u);
  EXPECT_EQ(materials.item_text(materials.items[1]), "2. 身份证明");
}

// The date a page says it was updated is the guide's, with its place, in every format.
TEST(TextParser, TheUpdatedDateOfTheGuideWithItsPlace) {
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"g.txt", "事项名称：临时救助\n五、更新時間：2019-03-01\n实施机关：某局\n"},
      {"g.html",
       "<html><body><h1>临时救助</h1><p>发布日期：2019-03-01</p><table><tr><th>实施机关</th>"
       "<td>某局</td></tr></table></body></html>"},
      {"g.xml", "<guide updated=\"2019-03-01\"><name>临时救助</name></guide>"},
      {"g.json",
       "{\"task_name\": \"临时救助\", \"dept_name\": \"某局\", \"update_date\": "
       "\"2019-03-01\"}"}};
  for (const auto& [name, text] : inputs) {
    const FileResult r = testing::parse_bytes(name, text);
    ASSERT_EQ(r.guides.size(), 1u) << name;
    const Guide& g = r.guides[0];
    EXPECT_EQ(g.updated, "2019-03-01") << name;
    ASSERT_TRUE(g.updated_span) << name;
    const std::string_view at =
        r.source->text().substr(g.updated_span->begin, g.updated_span->end - g.updated_span->begin);
    EXPECT_NE(at.find("2019-03-01"), std::string_view::npos) << name << ": " << at;
    EXPECT_LE(at.size(), 12u) << name;
    EXPECT_EQ(g.name, "临时救助") << name;
  }
}

}  // namespace
}  // namespace guidelint
