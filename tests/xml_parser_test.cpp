#include <gtest/gtest.h>

#include <array>

#include "parse/parser.hpp"
#include "parse/text_builder.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

struct Parsed {
  std::shared_ptr<const Source> source;
  Output out;
  std::string_view at(Span s) const { return source->text().substr(s.begin, s.end - s.begin); }
};

Parsed parse(std::string xml, const config::Limits& limits = config::default_limits()) {
  Parsed p{std::make_shared<const Source>("t.xml", std::move(xml)), {}};
  const config::Profile profile;
  xml_parser().parse(*p.source, Context{profile, limits}, p.out);
  return p;
}

TEST(XmlParser, ElementsLabelsAndExactSpans) {
  const Parsed p = parse(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<guide code=\"G-1\" department=\"某市水利局\" updated=\"2024-01-02\">\n"
      "  <name label=\"事项名称\">取水许可</name>\n"
      "  <fees label=\"收费标准\">  不收费 </fees>\n"
      "  <hours label=\"办理时间\"/>\n"
      "</guide>\n");
  ASSERT_TRUE(p.out.diagnostics.empty());
  ASSERT_EQ(p.out.guides.size(), 1u);
  const Guide& g = p.out.guides[0];
  EXPECT_EQ(g.code, "G-1");
  EXPECT_EQ(g.department, "某市水利局");
  EXPECT_EQ(g.updated, "2024-01-02");
  EXPECT_EQ(p.at(g.span), "<guide code=\"G-1\" department=\"某市水利局\" updated=\"2024-01-02\">");
  ASSERT_EQ(g.elements.size(), 3u);
  const Element& name = g.elements[0];
  EXPECT_EQ(name.key, "name");
  EXPECT_EQ(name.label, "事项名称");
  EXPECT_EQ(p.at(name.label_span), "事项名称");
  EXPECT_EQ(name.text, "取水许可");
  EXPECT_EQ(p.at(name.value_span()), "取水许可");
  EXPECT_EQ(p.at(name.span), "<name label=\"事项名称\">取水许可</name>");
  const Element& fees = g.elements[1];
  EXPECT_EQ(fees.text, "不收费");  // trimmed
  EXPECT_EQ(p.at(fees.value_span()), "不收费");
  EXPECT_EQ(p.at(fees.source_span(3, 9)), "收费");  // byte offsets of the text
  const Element& hours = g.elements[2];
  EXPECT_TRUE(hours.blank());
  EXPECT_EQ(p.at(hours.span), "<hours label=\"办理时间\"/>");
  const Position pos = p.source->position(hours.span.begin);
  EXPECT_EQ(pos.line, 5u);
  EXPECT_EQ(pos.column, 3u);
}

TEST(XmlParser, ItemsEntitiesAndLinks) {
  const Parsed p = parse(
      "<guide>\r\n"
      "  <materials label=\"申请材料\">\r\n"
      "    <item>申请书 &amp; 承诺书</item>\r\n"
      "    <item><![CDATA[营业执照<副本>]]></item>\r\n"
      "    <item>见<a "
      "href=\"https://zwfw.example.gov.cn/a?b=1&amp;c=2\">网上办事大厅</a></item>\r\n"
      "  </materials>\r\n"
      "</guide>");
  ASSERT_TRUE(p.out.diagnostics.empty());
  const Element& m = p.out.guides[0].elements[0];
  EXPECT_EQ(m.text, "申请书 & 承诺书\n营业执照<副本>\n见网上办事大厅");
  ASSERT_EQ(m.items.size(), 3u);
  EXPECT_EQ(m.item_text(m.items[0]), "申请书 & 承诺书");
  EXPECT_EQ(m.item_text(m.items[1]), "营业执照<副本>");
  EXPECT_EQ(m.item_text(m.items[2]), "见网上办事大厅");
  // The decoded "&" maps back to the whole "&amp;".
  const auto amp = static_cast<std::uint32_t>(m.text.find('&'));
  EXPECT_EQ(p.at(m.source_span(amp, amp + 1)), "&amp;");
  EXPECT_EQ(p.at(m.source_span(m.items[0].begin, m.items[0].end)), "申请书 &amp; 承诺书");
  EXPECT_EQ(p.at(m.source_span(m.items[1].begin, m.items[1].end)), "营业执照<副本>");
  ASSERT_EQ(m.links.size(), 1u);
  EXPECT_EQ(m.links[0].url, "https://zwfw.example.gov.cn/a?b=1&c=2");
  EXPECT_EQ(std::string_view(m.text).substr(m.links[0].begin, m.links[0].end - m.links[0].begin),
            "网上办事大厅");
  // Line 5 of a CRLF file.
  const Position link = p.source->position(m.source_span(m.links[0].begin, m.links[0].end).begin);
  EXPECT_EQ(link.line, 5u);
}

TEST(XmlParser, ManyGuidesInOneFile) {
  const Parsed p =
      parse("<guides><guide><name>甲</name></guide><note/><guide><name>乙</name></guide></guides>");
  ASSERT_EQ(p.out.guides.size(), 2u);
  EXPECT_EQ(p.out.guides[1].elements[0].text, "乙");
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  EXPECT_EQ(p.out.diagnostics[0].message_id, "parse-error.xml-unexpected");
  EXPECT_FALSE(p.out.diagnostics[0].fatal);
}

TEST(XmlParser, MalformedInputIsOneFatalDiagnosticWithAPosition) {
  const Parsed p = parse("<guide>\n  <name>甲</nam>\n</guide>");
  EXPECT_TRUE(p.out.guides.empty());
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  const Diagnostic& d = p.out.diagnostics[0];
  EXPECT_EQ(d.rule_id, "parse-error");
  EXPECT_EQ(d.message_id, "parse-error.xml");
  EXPECT_TRUE(d.fatal);
  EXPECT_EQ(p.source->position(d.span->begin).line, 2u);
  EXPECT_EQ(std::get<std::string>(d.args[0].value), "end_element_mismatch");
}

TEST(XmlParser, TruncatedEmptyAndWrongRoot) {
  EXPECT_EQ(parse("<guide><name>甲").out.diagnostics.at(0).message_id, "parse-error.xml");
  EXPECT_EQ(parse("").out.diagnostics.at(0).message_id, "parse-error.empty");
  EXPECT_EQ(parse(" \r\n\t").out.diagnostics.at(0).message_id, "parse-error.empty");
  EXPECT_EQ(parse("<html/>").out.diagnostics.at(0).message_id, "parse-error.xml-root");
  EXPECT_EQ(parse("<guides></guides>").out.diagnostics.at(0).message_id, "parse-error.no-guide");
  EXPECT_EQ(parse("just text").out.diagnostics.at(0).message_id, "parse-error.xml");
}

TEST(XmlParser, SeveralRootsAreAllReadAndReported) {
  const Parsed p = parse("<guide><name>甲</name></guide>\n<guide><name>乙</name></guide>");
  ASSERT_EQ(p.out.guides.size(), 2u);
  EXPECT_EQ(p.out.guides[1].elements[0].text, "乙");
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  EXPECT_EQ(p.out.diagnostics[0].message_id, "parse-error.xml-several-roots");
  EXPECT_FALSE(p.out.diagnostics[0].fatal);
  EXPECT_EQ(p.source->position(p.out.diagnostics[0].span->begin).line, 2u);
}

TEST(XmlParser, StrayTextIsReportedNotDropped) {
  const Parsed p = parse("<guide>\n  说明文字<fees>不收费</fees>\n</guide>");
  ASSERT_EQ(p.out.guides.size(), 1u);
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  EXPECT_EQ(p.out.diagnostics[0].message_id, "parse-error.xml-stray-text");
  EXPECT_EQ(p.at(*p.out.diagnostics[0].span), "说明文字");
}

TEST(XmlParser, DeepNestingIsRefusedWithoutRecursion) {
  std::string xml = "<guide><fees>";
  for (int i = 0; i < 100000; ++i)
    xml += "<b>";
  xml += "x";
  for (int i = 0; i < 100000; ++i)
    xml += "</b>";
  xml += "</fees></guide>";
  const Parsed p = parse(xml);
  EXPECT_TRUE(p.out.guides.empty());
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  EXPECT_EQ(p.out.diagnostics[0].message_id, "parse-error.too-deep");
  // Nesting within the limit is read.
  std::string ok = "<guide><fees>";
  for (int i = 0; i < 200; ++i)
    ok += "<item>";
  ok += "x";
  for (int i = 0; i < 200; ++i)
    ok += "</item>";
  EXPECT_EQ(parse(ok + "</fees></guide>").out.guides.at(0).elements.at(0).text, "x");
}

TEST(XmlParser, ProcessingInstructionsAndCommentsInsideValues) {
  const Parsed p = parse("<guide>\n<fees><?x </y>?><!-- </z> -->\n</fees>\n</guide>\n");
  const Element& fees = p.out.guides.at(0).elements.at(0);
  EXPECT_TRUE(fees.blank());
  EXPECT_EQ(p.source->position(fees.span.end).line, 3u);
  EXPECT_EQ(p.source->position(fees.span.end).column, 8u);
}

TEST(XmlParser, WhitespaceBetweenInlineElementsIsKeptItemWhitespaceIsNot) {
  const Parsed p = parse(
      "<guide><hours><b>周一</b> <b>周五</b></hours>"
      "<materials>\n  <item>  申请书  </item>\n  <item>\u3000身份证</item>\n</materials></guide>");
  const Guide& g = p.out.guides.at(0);
  EXPECT_EQ(g.elements.at(0).text, "周一 周五");
  const Element& m = g.elements.at(1);
  EXPECT_EQ(m.text, "申请书\n身份证");
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.item_text(m.items[0]), "申请书");
  EXPECT_EQ(m.item_text(m.items[1]), "身份证");
  EXPECT_EQ(p.at(m.source_span(m.items[1].begin, m.items[1].end)), "身份证");
  EXPECT_EQ(p.at(m.source_span(m.items[0].begin, m.items[1].end)),
            "申请书  </item>\n  <item>\u3000身份证");
}

// Text of wider whitespace only (U+3000, NBSP), which pugixml keeps as text, is layout next to
// list entries as ASCII whitespace is; text that only starts with it is not.
TEST(XmlParser, WideWhitespaceNextToItemsIsLayout) {
  const Parsed p = parse(
      "<guide><materials>\u3000<item>申请书</item>\u00a0 <item>身份证</item>\u3000</materials>"
      "<hours>\u3000周一<b>周五</b></hours></guide>");
  const Guide& g = p.out.guides.at(0);
  const Element& m = g.elements.at(0);
  EXPECT_EQ(m.text, "申请书\n身份证");
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.item_text(m.items[1]), "身份证");
  EXPECT_EQ(g.elements.at(1).text, "周一周五");
}

// pugixml leaves out whitespace-only text and keeps an element's first text as its value; the
// parser reads both where they were, so they count as they always did.
TEST(XmlParser, WhitespaceBetweenNodesCountsAsText) {
  const Parsed p = parse(
      "<guide><hours><b>周一</b> <!-- 注 --> <b>周五</b></hours>"
      "<fees>不收费<br/>详见<a href=\"https://e.x/a?b=1&amp;c=2\">公告</a></fees></guide>");
  const Guide& g = p.out.guides.at(0);
  const Element& hours = g.elements.at(0);
  EXPECT_EQ(hours.text, "周一  周五");  // each side of the comment
  EXPECT_EQ(p.at(hours.source_span(6, 7)), " ");
  EXPECT_EQ(p.at(hours.source_span(7, 8)), " ");
  EXPECT_EQ(p.at(hours.span), "<hours><b>周一</b> <!-- 注 --> <b>周五</b></hours>");
  const Element& fees = g.elements.at(1);
  EXPECT_EQ(fees.text, "不收费\n详见公告");
  EXPECT_EQ(p.at(fees.source_span(0, 9)), "不收费");
  EXPECT_EQ(p.at(fees.source_span(9, 10)), "<br/>");
  ASSERT_EQ(fees.links.size(), 1u);
  EXPECT_EQ(fees.links[0].url, "https://e.x/a?b=1&c=2");
}

// An XML declaration inside an element is skipped by pugixml without a node: the text around
// it is read as two texts, as before.
TEST(XmlParser, DeclarationInsideAnElement) {
  const Parsed p = parse(
      "<guide>\n  <hours><b>周一</b> <?xml version=\"1.0\"?> <b>周五</b></hours>\n"
      "  <fees> 不收费<?xml?>详见公告 </fees>\n</guide>\n");
  ASSERT_TRUE(p.out.diagnostics.empty());
  const Guide& g = p.out.guides.at(0);
  EXPECT_EQ(g.elements.at(0).text, "周一  周五");
  EXPECT_EQ(p.at(g.elements.at(0).source_span(7, 8)), " ");
  EXPECT_EQ(p.at(g.elements.at(0).span),
            "<hours><b>周一</b> <?xml version=\"1.0\"?> <b>周五</b></hours>");
  EXPECT_EQ(g.elements.at(1).text, "不收费详见公告");
  EXPECT_EQ(p.at(g.elements.at(1).source_span(9, 21)), "详见公告");
}

TEST(XmlParser, WhitespaceAloneInAnElementIsOneLevelDeeper) {
  config::Limits limits;
  limits.depth = 1;
  EXPECT_EQ(parse("<guide><fees></fees><hours/></guide>", limits).out.guides.size(), 1u);
  const Parsed deep = parse("<guide><fees> </fees></guide>", limits);
  EXPECT_TRUE(deep.out.guides.empty());
  ASSERT_EQ(deep.out.diagnostics.size(), 1u);
  EXPECT_EQ(deep.out.diagnostics[0].message_id, "parse-error.too-deep");
  EXPECT_EQ(parse("<guide><fees>x</fees></guide>", limits).out.diagnostics.at(0).message_id,
            "parse-error.too-deep");
}

TEST(XmlParser, TheProblemNamedForWhitespaceThenAStrayLessThan) {
  const Parsed p = parse("<guide> <");
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  EXPECT_EQ(std::get<std::string>(p.out.diagnostics[0].args.at(0).value), "end_element_mismatch");
  EXPECT_EQ(p.out.diagnostics[0].span->begin, 8u);
}

// An element's text ends with its last entry, with no line break after it, whatever follows
// the entry and whatever it is inside.
TEST(XmlParser, NoBreakAfterTheLastEntry) {
  const Parsed p = parse(
      "<guide><m><item>甲</item><item>乙</item></m><n><item>甲</item><!-- c --></n>"
      "<o><a href=\"x\"><item>甲</item></a></o><q><item><item>甲</item></item>\n</q></guide>");
  const std::vector<Element>& es = p.out.guides.at(0).elements;
  ASSERT_EQ(es.size(), 4u);
  EXPECT_EQ(es[0].text, "甲\n乙");
  ASSERT_EQ(es[0].pieces.size(), 3u);
  EXPECT_EQ(p.at(es[0].source_span(4, 7)), "乙");
  ASSERT_EQ(es[0].items.size(), 2u);
  EXPECT_EQ(es[0].items[1].end, 7u);
  for (std::size_t k = 1; k < es.size(); ++k) {
    EXPECT_EQ(es[k].text, "甲") << k;
    EXPECT_EQ(es[k].pieces.size(), 1u) << k;
    EXPECT_EQ(p.at(es[k].value_span()), "甲") << k;
  }
  ASSERT_EQ(es[2].links.size(), 1u);
  EXPECT_EQ(es[2].links[0].end, 3u);
  EXPECT_EQ(es[3].items.size(), 2u);
}

// Trimming an element's text removes its end: the pieces there go, the one the cut falls inside
// is cut short, and a piece ending right at the cut is kept whole.
TEST(TextBuilder, ErasingTheEnd) {
  TextBuilder b;
  b.exact("ab", 10);
  b.opaque("&", 20, 25);
  b.exact("cd  ", 30);
  const auto pieces = [&] {
    std::vector<std::array<std::uint32_t, 4>> out;
    for (const TextPiece& p : b.pieces)
      out.push_back({p.text, p.source, p.source_end, p.exact ? 1u : 0u});
    return out;
  };
  using Pieces = std::vector<std::array<std::uint32_t, 4>>;
  b.erase(5, 9);
  EXPECT_EQ(b.text, "ab&cd");
  EXPECT_EQ(pieces(), (Pieces{{0, 10, 12, 1}, {2, 20, 25, 0}, {3, 30, 32, 1}}));
  b.erase(3, 5);
  EXPECT_EQ(b.text, "ab&");
  EXPECT_EQ(pieces(), (Pieces{{0, 10, 12, 1}, {2, 20, 25, 0}}));
  b.erase(2, 3);
  EXPECT_EQ(pieces(), (Pieces{{0, 10, 12, 1}}));
  b.erase(1, 2);
  EXPECT_EQ(b.text, "a");
  EXPECT_EQ(pieces(), (Pieces{{0, 10, 11, 1}}));
  // The same cut inside the text moves the pieces after it back.
  b.exact("xyz", 40);
  b.erase(1, 2);
  EXPECT_EQ(b.text, "ayz");
  EXPECT_EQ(pieces(), (Pieces{{0, 10, 11, 1}, {1, 41, 43, 1}}));
}

// One builder serves many elements in turn: each gets exactly the text and pieces built for it,
// short or long, and the builder is left empty for the next.
TEST(TextBuilder, HandsOverEachTextWhole) {
  TextBuilder b;
  const std::string long_text = "植物检疫证书核发，即来即办";
  for (const std::string_view s :
       {std::string_view("甲"), std::string_view(long_text), std::string_view(),
        std::string_view("ab"), std::string_view(long_text)}) {
    b.text.reserve(64);
    b.exact(s, 7);
    b.opaque(s.empty() ? "" : "\n", 100, 101);
    Element e;
    b.hand_over(e.text, e.pieces);
    EXPECT_TRUE(b.text.empty());
    EXPECT_TRUE(b.pieces.empty());
    if (s.empty()) {
      EXPECT_TRUE(e.text.empty());
      EXPECT_TRUE(e.pieces.empty());
      continue;
    }
    EXPECT_EQ(e.text, std::string(s) + "\n");
    ASSERT_EQ(e.pieces.size(), 2u);
    EXPECT_EQ(e.pieces[0].source_end, 7 + s.size());
    EXPECT_EQ(e.pieces[1].text, s.size());
  }
}

// Trimming tells most text has nothing to trim by its first and last bytes; whatever the bytes,
// it trims what trim_range does.
TEST(TextBuilder, TrimsWhatDecodingTrimsAndTrimRangeAgrees) {
  for (const std::string_view s :
       {"", " ", "甲", "甲。", "（甲）", " 甲", "甲\t", "\u3000甲\u3000", "甲\u00a0", "\u00a0",
        "甲\ufeff", "\u2028甲\u2029", "甲\u202f", "\u205f甲", "\u1680甲\u200b", "a\u2000\u200a",
        "甲\u200c", "\u00a9甲\u00bf", "\u3001甲\u30fb"}) {
    TextBuilder b;
    b.exact(s, 100);
    std::vector<Item> items;
    std::vector<Link> links;
    const Item item = b.trim(0, b.size(), items, links);
    // The reference: code points decoded one by one and tested with utf8::is_space.
    std::vector<std::uint32_t> starts;
    std::vector<bool> spaces;
    for (std::size_t i = 0; i < s.size();) {
      starts.push_back(static_cast<std::uint32_t>(i));
      spaces.push_back(utf8::is_space(utf8::next(s, i)));
    }
    std::size_t first = 0;
    std::size_t last = spaces.size();
    while (first < last && spaces[first])
      ++first;
    while (last > first && spaces[last - 1])
      --last;
    const auto size = static_cast<std::uint32_t>(s.size());
    const std::uint32_t begin = first < starts.size() ? starts[first] : size;
    const std::uint32_t end = last < starts.size() ? starts[last] : size;
    std::uint32_t b2 = 0;
    std::uint32_t e2 = size;
    trim_range(s, b2, e2);
    EXPECT_EQ(std::make_pair(b2, e2), std::make_pair(begin, end)) << s;
    EXPECT_EQ(b.text, s.substr(begin, end - begin)) << s;
    EXPECT_EQ(item.begin, 0u) << s;
    EXPECT_EQ(item.end, end - begin) << s;
    if (!b.text.empty()) {
      ASSERT_EQ(b.pieces.size(), 1u) << s;
      EXPECT_EQ(b.pieces[0].source, 100 + begin) << s;
      EXPECT_EQ(b.pieces[0].source_end, 100 + end) << s;
    }
  }
}

TEST(XmlParser, ChoosesByExtensionOrContent) {
  EXPECT_EQ(parser_for(Source("a.XML", "")), &xml_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "  <guide/>")), &xml_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "事项名称：取水许可")), &text_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "<?xml version=\"1.0\"?>\n<guides/>")), &xml_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "<!DOCTYPE html><html><body>")), &html_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "<!-- exported --><guide/>")), &xml_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "<?xml version=\"1.0\"?><html><body/></html>")),
            &html_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "<p><strong>一、事项名称：</strong>甲</p>")),
            &html_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", "\n [{\"task_name\": 1}]")), &json_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", std::string("PK\x03\x04\0\0", 6))), &docx_parser());
  EXPECT_EQ(parser_for(Source("guide.HTM", "")), &html_parser());
  EXPECT_EQ(parser_for(Source("guide.jsonl", "")), &json_parser());
  EXPECT_EQ(parser_for(Source("guide.md", "")), &text_parser());
  EXPECT_EQ(parser_for(Source("<stdin>", " \n ")), nullptr);
}

}  // namespace
}  // namespace guidelint::parse
