#include <gtest/gtest.h>

#include <chrono>
#include "fixture_support.hpp"

// The fixtures are written by tests/fixtures/docx/make_fixtures.py, which documents each.
namespace guidelint {
namespace {

std::string slurp(const std::string& name) {
  return testing::read_fixture("docx/" + name);
}

using testing::parse_bytes;

FileResult lint(const std::string& name) {
  return parse_bytes(name, slurp(name));
}

const Element& element(const FileResult& r, std::string_view id) {
  return testing::element_of(r, id);
}

std::string_view at(const FileResult& r, Span s) {
  return testing::text_at(r, s);
}

// Line and column of a span's start in the derived text.
std::pair<std::uint32_t, std::uint32_t> place(const FileResult& r, Span s) {
  const Position p = r.source->position(s.begin);
  return {p.line, p.column};
}

using LineColumn = std::pair<std::uint32_t, std::uint32_t>;

TEST(DocxParser, ClauseParagraphsAreLinesOfTheDerivedText) {
  const FileResult r = lint("clauses.docx");
  ASSERT_EQ(r.guides.size(), 1u);
  EXPECT_TRUE(r.diagnostics.empty()) << render_message(r.diagnostics.at(0));
  // Positions refer to the text read out of the document, one paragraph a line.
  EXPECT_EQ(r.source->name(), "clauses.docx");
  EXPECT_EQ(r.source->encoding(), "UTF-8");
  EXPECT_EQ(r.source->line_text(1), "某县公共场所卫生许可办事指南");
  EXPECT_EQ(r.source->line_text(8), "五、办理地点：某县政务服务中心二楼\u2028卫生窗口");
  EXPECT_EQ(r.source->line_text(15), "");  // an empty paragraph is an empty line

  const Guide& g = r.guides[0];
  EXPECT_EQ(g.name, "公共场所卫生许可");
  // Runs split mid-label join up.
  const Element& name = element(r, "name");
  EXPECT_EQ(name.label, "事项名称");
  EXPECT_EQ(place(r, name.label_span), (LineColumn{2, 3}));
  EXPECT_EQ(place(r, g.span), (LineColumn{2, 3}));

  // Deleted text and the field code are not read; the inserted text and the field's result are.
  EXPECT_EQ(element(r, "legal_basis").text, "《公共场所卫生管理条例》第四条");
  EXPECT_EQ(element(r, "agency").text, "某县卫生健康局");  // inside a content control

  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.label, "申请材料");
  EXPECT_EQ(place(r, materials.label_span), (LineColumn{5, 4}));
  ASSERT_EQ(materials.items.size(), 2u);
  EXPECT_EQ(materials.item_text(materials.items[1]), "2. 营业执照复印件（1份）");
  EXPECT_EQ(place(r, materials.source_span(materials.items[1].begin, materials.items[1].end)),
            (LineColumn{7, 1}));

  // A line break inside a paragraph: one line of the derived text, two lines of the value.
  const Element& where = element(r, "place");
  EXPECT_EQ(place(r, where.label_span), (LineColumn{8, 3}));
  EXPECT_EQ(at(r, where.label_span), "办理地点");
  EXPECT_EQ(where.text, "某县政务服务中心二楼\n卫生窗口");
  ASSERT_EQ(where.items.size(), 2u);
  EXPECT_EQ(at(r, where.source_span(where.items[1].begin, where.items[1].end)), "卫生窗口");
  EXPECT_EQ(place(r, where.source_span(where.items[1].begin, where.items[1].end)),
            (LineColumn{8, 19}));

  EXPECT_EQ(element(r, "hours").text, "周一至周五\t9:00-17:00");
  // The heading-styled paragraph opens the element; the text box under it is read once (not
  // again from its fallback copy), as the line after the paragraph it is anchored in.
  const Element& procedure = element(r, "procedure");
  EXPECT_EQ(place(r, procedure.label_span), (LineColumn{10, 1}));
  EXPECT_EQ(procedure.text, "受理→审查→决定");
  EXPECT_EQ(place(r, procedure.value_span()), (LineColumn{12, 1}));
  // Hidden text is not read; the heading after the last clause ends its value.
  EXPECT_EQ(element(r, "phone").text, "0000-1234567");
  EXPECT_EQ(g.elements.back().label, "温馨提示");
  EXPECT_EQ(g.elements.back().text, "请提前预约。");
}

TEST(DocxParser, LabelValueTableRowsAreLinesWithCellsJoined) {
  const FileResult r = lint("label-table.docx");
  ASSERT_EQ(r.guides.size(), 1u);
  EXPECT_EQ(r.source->line_text(10), "办理地点 | 某市政务服务中心三楼");
  // The unlabelled first paragraph names the item when no 事项名称 element does; here one does.
  EXPECT_EQ(r.guides[0].name, "民办学校设立审批");
  const Element& where = element(r, "place");
  EXPECT_EQ(place(r, where.label_span), (LineColumn{10, 1}));
  EXPECT_EQ(place(r, where.value_span()), (LineColumn{10, 8}));
  EXPECT_EQ(where.text, "某市政务服务中心三楼");
  // Paragraphs of one cell are lines of its value.
  EXPECT_EQ(element(r, "materials").text, "1. 申办报告\n2. 资产来源证明");
  EXPECT_EQ(r.source->line_text(6), "申请材料 | 1. 申办报告\u20282. 资产来源证明");
  EXPECT_EQ(element(r, "legal_basis").label, "办理依据");
  // The only finding: the label cell with an empty value cell, at its row.
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.message_id, "required-element.empty");
  EXPECT_EQ(d.element_id, "phone");
  EXPECT_EQ(place(r, *d.span), (LineColumn{12, 1}));
  EXPECT_EQ(r.source->line_text(12), "联系电话 | ");
}

TEST(DocxParser, MergedCellsCountOnceAndNestedTablesFlatten) {
  const FileResult r = lint("merged-table.docx");
  ASSERT_EQ(r.guides.size(), 1u);
  EXPECT_EQ(r.source->line_text(1), "取水许可办事指南");     // spans three columns
  EXPECT_EQ(r.source->line_text(2), "事项名称 | 取水许可");  // the value spans two
  EXPECT_EQ(r.source->line_text(3), "申请材料 | 1 | 取水许可申请书");
  EXPECT_EQ(r.source->line_text(4), " | 2 | 水资源论证报告");  // merged into the cell above
  EXPECT_EQ(r.source->line_text(6), "办理流程 | 受理 | 审查\u2028决定 | 发证");
  EXPECT_EQ(element(r, "name").text, "取水许可");
  EXPECT_EQ(place(r, element(r, "place").label_span), (LineColumn{5, 1}));
  EXPECT_EQ(element(r, "place").text, "某县水利局窗口");
  // The row under the merged label cell continues its element.
  const Element& materials = element(r, "materials");
  EXPECT_NE(materials.text.find("取水许可申请书"), std::string::npos);
  EXPECT_NE(materials.text.find("水资源论证报告"), std::string::npos);
  const auto second = static_cast<std::uint32_t>(materials.text.find("水资源论证报告"));
  EXPECT_EQ(place(r, materials.source_span(second, second + 3)), (LineColumn{4, 8}));
  EXPECT_EQ(element(r, "procedure").text, "受理 | 审查\n决定 | 发证");
  // A paragraph after the table is the next line.
  EXPECT_EQ(place(r, element(r, "hours").label_span), (LineColumn{7, 1}));
}

TEST(DocxParser, TraditionalScriptLabelsResolve) {
  const FileResult r = lint("traditional.docx");
  ASSERT_EQ(r.guides.size(), 1u);
  const Guide& g = r.guides[0];
  // A heading-styled paragraph that holds a label is that element, not the document's title.
  EXPECT_EQ(g.name, "公共場所衛生許可");
  EXPECT_EQ(element(r, "name").label, "事項名稱");
  EXPECT_EQ(element(r, "legal_basis").text, "《公共場所衛生管理條例》");
  EXPECT_EQ(element(r, "place").label, "辦理地點");
  EXPECT_EQ(place(r, element(r, "place").label_span), (LineColumn{3, 1}));
  EXPECT_EQ(element(r, "fees").text, "不收費");
  EXPECT_EQ(element(r, "phone").text, "0000-7654321");
  for (const Diagnostic& d : r.diagnostics)
    EXPECT_EQ(d.message_id, "required-element.missing") << d.element_id;
}

TEST(DocxParser, HeadingStylesAndTheTitle) {
  const FileResult r = lint("heading-title.docx");
  ASSERT_EQ(r.guides.size(), 1u);
  const Guide& g = r.guides[0];
  // The first 标题 1 paragraph that is not a label names the item; it opens no element.
  EXPECT_EQ(g.name, "某区个体工商户设立登记办事指南");
  ASSERT_EQ(g.elements.size(), 4u);
  EXPECT_EQ(g.elements[0].id, "name");
  EXPECT_EQ(place(r, g.elements[0].span), (LineColumn{1, 1}));
  EXPECT_EQ(element(r, "place").text, "某区市民中心一楼");
  // Headings end the element before them even when the profile does not know them.
  EXPECT_EQ(g.elements[2].label, "特别说明");
  EXPECT_EQ(g.elements[2].text, "营业执照可邮寄送达。");
  EXPECT_EQ(g.elements[3].label, "办理须知");
  EXPECT_EQ(place(r, g.elements[3].label_span), (LineColumn{6, 1}));
}

TEST(DocxParser, TextThatLooksLikeAnEncodingDeclarationKeepsPositions) {
  const FileResult r = lint("declaration.docx");
  ASSERT_EQ(r.guides.size(), 1u);
  EXPECT_EQ(r.source->encoding(), "UTF-8");
  EXPECT_EQ(r.source->line_text(1), "<?xml version=\"1.0\" encoding=\"GBK\"?>");
  const Element& where = element(r, "place");
  EXPECT_EQ(at(r, where.label_span), "办理地点");
  EXPECT_EQ(place(r, where.label_span), (LineColumn{2, 1}));
  EXPECT_EQ(at(r, where.value_span()), "某县政务服务中心");
}

TEST(DocxParser, ChosenByExtensionAnyCase) {
  bool listed = false;
  for (const auto& [format, extensions] : Engine::input_formats()) {
    if (format == "docx") listed = extensions == std::vector<std::string>{".docx"};
  }
  EXPECT_TRUE(listed);
  const FileResult r = parse_bytes("指南.DOCX", slurp("label-table.docx"));
  ASSERT_EQ(r.guides.size(), 1u);
  EXPECT_EQ(r.source->name(), "指南.DOCX");
}

struct Bad {
  const char* file;
  const char* message_id;
};

void PrintTo(const Bad& bad, std::ostream* os) {
  *os << bad.file;
}

class DocxBadArchive : public ::testing::TestWithParam<Bad> {};

TEST_P(DocxBadArchive, IsOneFatalParseErrorAndFast) {
  const std::string bytes = slurp(GetParam().file);
  const auto start = std::chrono::steady_clock::now();
  const FileResult r = parse_bytes(GetParam().file, bytes);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(1));
  EXPECT_TRUE(r.guides.empty());
  EXPECT_TRUE(r.fatal());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.rule_id, "parse-error");
  EXPECT_EQ(d.message_id, GetParam().message_id);
  EXPECT_TRUE(d.fatal);
  EXPECT_FALSE(d.span.has_value());
  // Every message renders with its arguments in every locale.
  for (const char* locale : {"zh-Hans", "zh-Hant", "en"}) {
    const std::string text = render_message(d, locale);
    EXPECT_NE(text, d.message_id) << locale;
    EXPECT_EQ(text.find('{'), std::string::npos) << locale << ": " << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Docx, DocxBadArchive,
                         ::testing::Values(Bad{"not-zip.docx", "parse-error.docx-not-zip"},
                                           Bad{"no-document.docx", "parse-error.docx-no-document"},
                                           Bad{"truncated.docx", "parse-error.docx-corrupt"},
                                           Bad{"damaged.docx", "parse-error.docx-corrupt"},
                                           Bad{"bad-xml.docx", "parse-error.docx-corrupt"},
                                           Bad{"bomb.docx", "parse-error.docx-too-large"},
                                           Bad{"bomb-ratio.docx", "parse-error.docx-too-large"},
                                           Bad{"bomb-lying.docx", "parse-error.docx-corrupt"},
                                           Bad{"deep.docx", "parse-error.too-deep"}),
                         [](const ::testing::TestParamInfo<Bad>& info) {
                           std::string name = info.param.file;
                           name = name.substr(0, name.find('.'));
                           std::erase(name, '-');
                           return name;
                         });

TEST(DocxParser, TooLargeNamesTheLimit) {
  const FileResult bomb = lint("bomb.docx");
  ASSERT_EQ(bomb.diagnostics.size(), 1u);
  EXPECT_EQ(render_message(bomb.diagnostics[0], "en"),
            "the Word document's body (word/document.xml) unpacks to more than 67,108,864 bytes "
            "(limits: docx_entry_bytes); not checked");
  // Under 64 MiB but expanding a thousandfold: the limit is 200 times the compressed size.
  const FileResult ratio = lint("bomb-ratio.docx");
  ASSERT_EQ(ratio.diagnostics.size(), 1u);
  const auto limit = std::get<std::int64_t>(ratio.diagnostics[0].args.at(0).value);
  EXPECT_LT(limit, std::int64_t{8} << 20);
  EXPECT_EQ(limit % 200, 0);
}

TEST(DocxParser, EmptyFileAndNoText) {
  const FileResult empty = parse_bytes("empty.docx", "");
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_EQ(empty.diagnostics[0].message_id, "parse-error.empty");
  EXPECT_TRUE(empty.diagnostics[0].fatal);
  const FileResult blank = lint("blank.docx");
  EXPECT_TRUE(blank.guides.empty());
  ASSERT_EQ(blank.diagnostics.size(), 1u);
  EXPECT_EQ(blank.diagnostics[0].message_id, "parse-error.empty");
}

// Damage anywhere in an archive is at most one fatal diagnostic, never a crash.
TEST(DocxParser, CutOrFlippedBytesNeverCrash) {
  const std::string whole = slurp("clauses.docx");
  ASSERT_GT(whole.size(), 1000u);
  const auto check = [](const FileResult& r) {
    if (r.guides.empty()) {
      ASSERT_EQ(r.diagnostics.size(), 1u);
      EXPECT_TRUE(r.diagnostics[0].fatal);
      EXPECT_EQ(r.diagnostics[0].rule_id, "parse-error");
    }
    for (const Diagnostic& d : r.diagnostics) {
      if (d.span) {
        EXPECT_LE(d.span->end, r.source->text().size());
      }
    }
  };
  for (std::size_t n = 4; n < whole.size(); n += 13)
    check(parse_bytes("cut.docx", whole.substr(0, n)));
  for (std::size_t i = 0; i < whole.size(); i += 7) {
    std::string bytes = whole;
    bytes[i] = static_cast<char>(bytes[i] ^ 0x41);
    check(parse_bytes("flipped.docx", std::move(bytes)));
  }
}

}  // namespace
}  // namespace guidelint
