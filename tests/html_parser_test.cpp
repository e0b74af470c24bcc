#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "guidelint/guidelint.hpp"
#include "parse/html_blocks.hpp"

namespace guidelint {
namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::filesystem::path(GUIDELINT_FIXTURES) / "html" / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

FileResult lint_bytes(const std::string& name, std::string bytes) {
  static const EngineResult built = Engine::builtin();
  return built.engine->lint(std::make_shared<const Source>(name, std::move(bytes)), {});
}

FileResult lint(const std::string& name) {
  return lint_bytes(name, read(name));
}

// The recognised elements, one a line, for failure messages.
std::string describe(const FileResult& r) {
  std::string out;
  for (const Guide& g : r.guides) {
    for (const Element& e : g.elements)
      out += (e.id.empty() ? "?" : e.id) + " [" + e.label + "] " + e.text + "\n";
  }
  for (const Diagnostic& d : r.diagnostics)
    out += d.message_id + "\n";
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// The recognised elements: id and text.
Pairs recognised(const FileResult& r) {
  Pairs out;
  if (!r.guides.empty()) {
    for (const Element& e : r.guides[0].elements)
      out.emplace_back(e.id, e.text);
  }
  return out;
}

std::vector<std::string> ids(const FileResult& r) {
  std::vector<std::string> out;
  for (const Element& e : r.guides.at(0).elements)
    out.push_back(e.id);
  return out;
}

const Element& element(const FileResult& r, std::string_view id) {
  static const Element none;
  if (!r.guides.empty()) {
    for (const Element& e : r.guides[0].elements) {
      if (e.id == id) return e;
    }
  }
  ADD_FAILURE() << "no element " << id << "\n" << describe(r);
  return none;
}

std::string_view at(const FileResult& r, Span s) {
  return r.source->text().substr(s.begin, s.end - s.begin);
}

// Line and column of the element's label and of its value.
std::pair<std::uint32_t, std::uint32_t> label_at(const FileResult& r, const Element& e) {
  const Position p = r.source->position(e.label_span.begin);
  return {p.line, p.column};
}

std::pair<std::uint32_t, std::uint32_t> value_at(const FileResult& r, const Element& e) {
  const Position p = r.source->position(e.value_span().begin);
  return {p.line, p.column};
}

using LineColumn = std::pair<std::uint32_t, std::uint32_t>;

bool has_fatal(const FileResult& r, std::string_view id) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.fatal && d.message_id == id; });
}

// ── Pages, through the whole pipeline ────────────────────────────────────────────────────────

TEST(HtmlParser, TwoColumnTableWithPageChromeLeftOut) {
  const FileResult r = lint("two-column.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(
      recognised(r),
      (Pairs{
          {"name", "取水许可"},
          {"legal_basis",
           "1.《中华人民共和国水法》第四十八条\n2.《取水许可和水资源费征收管理条例》第二条"},
          {"agency", "某县水利局"},
          {"conditions", "取水符合水资源综合规划"},
          {"materials", "序号 材料名称 份数\n1 取水许可申请书 原件1份\n2 水资源论证报告 原件1份"},
          {"procedure", "申请&rarr;受理&rarr;审查&rarr;决定"},
          {"time_limit", "20个工作日"},
          {"fees", "不收费"},
          {"place", "某县政务服务中心 二楼 水利窗口"},
          {"hours", "周一至周五 9:00–17:00"},
          {"phone", "0398-4812345"},
          {"online", "河南政务服务网"},
      }))
      << describe(r);
  EXPECT_EQ(r.guides[0].name, "取水许可");

  const Element& basis = element(r, "legal_basis");
  EXPECT_EQ(basis.text,
            "1.《中华人民共和国水法》第四十八条\n2.《取水许可和水资源费征收管理条例》第二条");
  EXPECT_EQ(at(r, basis.label_span), "设定依据");
  EXPECT_EQ(label_at(r, basis), LineColumn(18, 15));
  EXPECT_EQ(value_at(r, basis), LineColumn(19, 18));

  // A table inside the value cell is the value: its rows are lines, its cells separated by
  // spaces.
  EXPECT_EQ(element(r, "materials").text,
            "序号 材料名称 份数\n1 取水许可申请书 原件1份\n2 水资源论证报告 原件1份");

  // Whitespace and &nbsp; collapse to one space, mapped back to what they stand for.
  const Element& place = element(r, "place");
  EXPECT_EQ(place.text, "某县政务服务中心 二楼 水利窗口");
  const auto sp = static_cast<std::uint32_t>(place.text.find(' '));
  EXPECT_EQ(at(r, place.source_span(sp, sp + 1)), "&nbsp;&nbsp;");
  EXPECT_EQ(at(r, place.value_span()), "某县政务服务中心&nbsp;&nbsp;二楼   水利窗口");
  EXPECT_EQ(element(r, "hours").text, "周一至周五 9:00–17:00");                   // &ndash;
  EXPECT_EQ(element(r, "procedure").text, "申请&rarr;受理&rarr;审查&rarr;决定");  // unknown

  const Element& online = element(r, "online");
  ASSERT_EQ(online.links.size(), 1u);
  EXPECT_EQ(online.links[0].url, "https://zwfw.example.gov.cn/qsxk?id=1&t=2");
  EXPECT_EQ(online.text.substr(online.links[0].begin, online.links[0].end - online.links[0].begin),
            "河南政务服务网");

  // Navigation, breadcrumbs, the site's header and footer, scripts and styles are not read.
  for (const Element& e : r.guides[0].elements) {
    EXPECT_EQ(e.text.find("0398-0000000"), std::string::npos) << e.text;
    EXPECT_EQ(e.text.find("脚本"), std::string::npos) << e.text;
    EXPECT_EQ(e.text.find("首页"), std::string::npos) << e.text;
  }
}

TEST(HtmlParser, FourColumnTableWithLabelsInColumnsOneAndThree) {
  const FileResult r = lint("four-column.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "建设工程消防设计审查"},
                               {"category", "行政许可"},
                               {"agency", "某市住房和城乡建设局"},
                               {"legal_time_limit", "15个工作日"},
                               {"fees", "不收费"},
                               {"promised_time_limit", "15个工作日"},
                               {"visits", "1次"},
                               {"place", "某市政务服务中心三楼C区12号窗口"},
                               {"hours", "工作日 8:30-12:00"},
                               {"phone", "0371-12345678"},
                           }))
      << describe(r);
  const Element& fees = element(r, "fees");
  EXPECT_EQ(fees.text, "不收费");
  EXPECT_EQ(label_at(r, fees), LineColumn(9, 79));
  EXPECT_EQ(value_at(r, fees), LineColumn(9, 92));
  // A short value spanning two rows belongs to the label of each.
  const Element& promised = element(r, "promised_time_limit");
  EXPECT_EQ(promised.text, "15个工作日");
  EXPECT_EQ(value_at(r, promised), LineColumn(9, 50));
}

TEST(HtmlParser, RowspanLabelHeadsTheRowsBelowIt) {
  const FileResult r = lint("rowspan.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r),
            (Pairs{
                {"name", "食品经营许可"},
                {"time_limit", ""},
                {"legal_time_limit", "20个工作日"},
                {"promised_time_limit", "5个工作日"},
                {"materials",
                 "1 食品经营许可申请书\n2 营业执照复印件\n3 与食品经营相适应的主要设备设施布局"},
                {"fees", "不收费"},
            }))
      << describe(r);
  // The label spanning three rows is not repeated: the rows below continue its element.
  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.text,
            "1 食品经营许可申请书\n2 营业执照复印件\n3 与食品经营相适应的主要设备设施布局");
  EXPECT_EQ(materials.items.size(), 3u);
  EXPECT_EQ(label_at(r, materials), LineColumn(7, 21));
  EXPECT_EQ(value_at(r, materials), LineColumn(7, 34));
  // A label of its own in a row under a spanning label starts its own element.
}

TEST(HtmlParser, DefinitionListTermsAndDescriptions) {
  const FileResult r = lint("dl.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "个体工商户设立登记"},
                               {"agency", "某区市场监督管理局"},
                               {"materials", "1. 个体工商户设立登记申请书\n2. 经营者身份证明"},
                               {"time_limit", "即时办结"},
                               {"fees", "不收费"},
                               {"phone", "12345"},
                           }))
      << describe(r);
  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.label, "申请材料");
  EXPECT_EQ(materials.text, "1. 个体工商户设立登记申请书\n2. 经营者身份证明");
  EXPECT_EQ(materials.items.size(), 2u);  // one per <dd>
  EXPECT_EQ(label_at(r, materials), LineColumn(8, 9));
  EXPECT_EQ(value_at(r, materials), LineColumn(9, 9));
  const Element& phone = element(r, "phone");
  ASSERT_EQ(phone.links.size(), 1u);
  EXPECT_EQ(phone.links[0].url, "tel:12345");
}

TEST(HtmlParser, HeadingsFollowedByParagraphsAndLists) {
  const FileResult r = lint("headings.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "临时救助"},
                               {"legal_basis", "《社会救助暂行办法》（国务院令第649号）第四十七条"},
                               {"conditions",
                                "因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生"
                                "活暂时出现严重困难的家庭。"},
                               {"materials", "临时救助申请书\n户口簿、身份证原件及复印件"},
                               {"procedure", "申请\n审核\n审批"},
                               {"time_limit", "60个工作日内"},
                           }))
      << describe(r);
  EXPECT_EQ(r.guides[0].name, "临时救助");  // the <h1>
  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.text, "临时救助申请书\n户口簿、身份证原件及复印件");
  EXPECT_EQ(materials.items.size(), 2u);
  const Element& limit = element(r, "time_limit");
  EXPECT_EQ(limit.text, "60个工作日内");
  EXPECT_EQ(label_at(r, limit), LineColumn(18, 5));
  EXPECT_EQ(value_at(r, limit), LineColumn(20, 4));
}

TEST(HtmlParser, NumberedClausesInStrong) {
  const FileResult r = lint("clauses.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(
      recognised(r),
      (Pairs{
          {"name", "离校未就业高校毕业生实名登记"},
          {"category", "公共服务"},
          {"legal_basis",
           "1、《就业服务与就业管理规定》第六十二条\n2、《关于做好高校毕业生就业工作的通知》"},
          {"agency", "某街道办事处"},
          {"conditions", "1、应届毕业生\n2、户籍在本街道辖区内"},
          {"procedure", ""},
          {"fees", "不收费"},
          {"phone", "0531-87654321"},
      }))
      << describe(r);
  const Element& name = element(r, "name");
  EXPECT_EQ(name.label, "事项名称");
  EXPECT_EQ(name.text, "离校未就业高校毕业生实名登记");
  EXPECT_EQ(label_at(r, name), LineColumn(1, 38));
  EXPECT_EQ(value_at(r, name), LineColumn(1, 52));
  EXPECT_EQ(element(r, "legal_basis").text,
            "1、《就业服务与就业管理规定》第六十二条\n2、《关于做好高校毕业生就业工作的通知》");
  EXPECT_EQ(element(r, "conditions").items.size(), 2u);
  // The flow chart is only an image: no text, but its source is kept with the blocks.
  EXPECT_TRUE(element(r, "procedure").blank());
  const parse::HtmlDocument doc = parse::read_html(read("clauses.html"));
  const auto image = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const parse::Block& b) {
    return b.text.text.empty() && b.text.links.size() == 1;
  });
  ASSERT_NE(image, doc.blocks.end());
  EXPECT_EQ(image->text.links[0].url,
            "file:///C:/Users/admin/AppData/Local/Temp/msohtmlclip1/01/clip_image002.gif");
  EXPECT_EQ(std::prev(image)->text.text, "六、办理流程：");
}

TEST(HtmlParser, LabelValueLinesSplitByBr) {
  const FileResult r = lint("br-lines.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "公共场所卫生许可"},
                               {"time_limit", "法定期限：20个工作日"},
                               {"promised_time_limit", "20个工作日"},
                               {"place", "某市政务服务中心 二楼"},
                               {"hours", "周一至周五 上午9:00-12:00"},
                               {"phone", "020-38920920"},
                               {"fees", "不收费……详见“收费公示”&sect;2"},
                           }))
      << describe(r);
  const Element& place = element(r, "place");
  EXPECT_EQ(place.label, "地 址");
  EXPECT_EQ(place.text, "某市政务服务中心 二楼");  // &emsp; is a space
  EXPECT_EQ(label_at(r, place), LineColumn(5, 30));
  EXPECT_EQ(value_at(r, place), LineColumn(5, 52));
  // Leading &nbsp; padding is not part of the line.
  EXPECT_EQ(label_at(r, element(r, "time_limit")), LineColumn(3, 13));
}

TEST(HtmlParser, TabPanesAreHeadedByTheirTabs) {
  const FileResult r = lint("tabs.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "医师执业注册"},
                               {"agency", "某市卫生健康委员会"},
                               {"legal_time_limit", "20个工作日"},
                               {"materials", "1.医师执业注册申请审核表\n2.医师资格证书"},
                               {"procedure", ""},
                               {"fees", "不收费"},
                           }))
      << describe(r);
  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.text, "1.医师执业注册申请审核表\n2.医师资格证书");
  // The label is the tab's text, the value the pane's.
  EXPECT_EQ(at(r, materials.label_span), "申请材料");
  EXPECT_EQ(label_at(r, materials), LineColumn(9, 41));
  EXPECT_EQ(value_at(r, materials), LineColumn(19, 8));
  EXPECT_TRUE(element(r, "procedure").blank());  // an empty pane
  // A pane with its own heading is headed once.
  const Element& fees = element(r, "fees");
  EXPECT_EQ(fees.text, "不收费");
  EXPECT_EQ(label_at(r, fees), LineColumn(24, 39));
  const std::vector<std::string> found = ids(r);
  EXPECT_EQ(std::count(found.begin(), found.end(), "fees"), 1);
}

TEST(HtmlParser, TraditionalScriptPage) {
  const FileResult r = lint("traditional.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "住址變更登記"},
                               {"conditions", "本人或受委託人。"},
                               {"materials", "當事人國民身分證。\n印章或簽名。"},
                               {"hours", "星期一至星期五 8:00～17:00"},
                               {"place", "官田區戶政事務所"},
                               {"phone", "(06)579-1234"},
                               {"fees", "免費"},
                           }))
      << describe(r);
  EXPECT_EQ(r.guides[0].name, "住址變更登記");  // the <title> without the site's name
  const Element& materials = element(r, "materials");
  EXPECT_EQ(materials.label, "應繳證件及注意事項");
  EXPECT_EQ(materials.text, "當事人國民身分證。\n印章或簽名。");
  EXPECT_EQ(label_at(r, materials), LineColumn(10, 6));
  EXPECT_EQ(value_at(r, materials), LineColumn(11, 9));
  // The menu is left out.
  for (const Element& e : r.guides[0].elements)
    EXPECT_EQ(e.text.find("網站導覽"), std::string::npos);
}

TEST(HtmlParser, GbkPagePositionsAreOffsetsInTheOriginalBytes) {
  const FileResult r = lint("gbk.html");
  EXPECT_EQ(r.source->encoding(), "GB18030");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "取水许可"},
                               {"legal_basis", "《中华人民共和国水法》第四十八条"},
                               {"fees", "不收费"},
                               {"place", "某县政务服务中心 二楼"},
                               {"phone", "0398-4812345"},
                           }))
      << describe(r);
  const Element& basis = element(r, "legal_basis");
  EXPECT_EQ(basis.text, "《中华人民共和国水法》第四十八条");
  const Position label = r.source->position(basis.label_span.begin);
  const Position value = r.source->position(basis.value_span().begin);
  EXPECT_EQ(label.line, 9u);
  EXPECT_EQ(label.column, 9u);
  EXPECT_EQ(value.line, 9u);
  EXPECT_EQ(value.column, 22u);
  // Byte offsets in the GBK file: 设定依据 is C9E8 B6A8 D2C0 BEDD there.
  EXPECT_EQ(label.offset, 156u);
  EXPECT_EQ(r.source->bytes().substr(label.offset, 8), "\xC9\xE8\xB6\xA8\xD2\xC0\xBE\xDD");
  EXPECT_EQ(value.offset, 173u);
  EXPECT_EQ(r.source->bytes().substr(value.offset, 2), "\xA1\xB6");  // 《
  EXPECT_EQ(r.guides[0].name, "取水许可");
}

TEST(HtmlParser, Big5Page) {
  const FileResult r = lint("big5.html");
  EXPECT_EQ(r.source->encoding(), "Big5");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "營業登記"},
                               {"place", "臺北市政府一樓服務台"},
                               {"hours", "週一至週五 上午八時三十分至下午五時三十分"},
                               {"fees", "新臺幣一千元"},
                           }))
      << describe(r);
  const Element& place = element(r, "place");
  EXPECT_EQ(place.label, "辦理地點");
  EXPECT_EQ(place.text, "臺北市政府一樓服務台");
  const Position label = r.source->position(place.label_span.begin);
  EXPECT_EQ(label.line, 9u);
  EXPECT_EQ(label.column, 5u);
  EXPECT_EQ(label.offset, 164u);
  const Position value = r.source->position(place.value_span().begin);
  EXPECT_EQ(value.line, 9u);
  EXPECT_EQ(value.column, 18u);
  EXPECT_EQ(value.offset, 181u);
}

TEST(HtmlParser, BrokenMarkupIsReadAsBrowsersReadIt) {
  const FileResult r = lint("broken.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_TRUE(r.diagnostics.empty() || !r.fatal()) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "道路运输经营许可"},
                               {"agency", "某市交通运输局"},
                               {"materials", "1 申请表\n2 身份证明"},
                               {"fees", "不收费"},
                               {"time_limit", "20个工作日"},
                               {"place", "某市政务服务中心一楼"},
                               {"phone", "0000-1234567"},
                           }))
      << describe(r);
  const Element& name = element(r, "name");
  EXPECT_EQ(name.text, "道路运输经营许可");
  EXPECT_EQ(label_at(r, name), LineColumn(2, 17));
  EXPECT_EQ(value_at(r, name), LineColumn(2, 26));
  // The stray </td> is not text.
  // A table in a cell whose end tags are missing.
  const Element& place = element(r, "place");
  EXPECT_EQ(place.text, "某市政务服务中心一楼");
  ASSERT_EQ(place.links.size(), 1u);
  EXPECT_EQ(place.links[0].url, "/map?q=1&b=2");
  EXPECT_EQ(element(r, "phone").text, "0000-1234567");  // unclosed at the end of the file
}

TEST(HtmlParser, LayoutTableAroundTheGuideTable) {
  // The page's layout table holds the guide's table in a cell: its rows are read as rows.
  const FileResult r = lint("layout.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "取水许可"},
                               {"legal_basis", "《中华人民共和国水法》"},
                               {"fees", "不收费"},
                           }))
      << describe(r);
  const Element& basis = element(r, "legal_basis");
  EXPECT_EQ(basis.text, "《中华人民共和国水法》");
  EXPECT_EQ(label_at(r, basis), LineColumn(12, 17));
  EXPECT_EQ(value_at(r, basis), LineColumn(12, 30));
}

TEST(HtmlParser, EmptyFile) {
  for (const std::string bytes : {"", " \r\n\t "}) {
    const FileResult r = lint_bytes("empty.html", bytes);
    EXPECT_TRUE(r.guides.empty());
    ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
    EXPECT_EQ(r.diagnostics[0].message_id, "parse-error.empty");
    EXPECT_TRUE(r.diagnostics[0].fatal);
  }
  EXPECT_EQ(lint("empty.html").diagnostics.at(0).message_id, "parse-error.empty");
}

TEST(HtmlParser, TruncatedFileIsReadUpToWhereItStops) {
  const FileResult r = lint("truncated.html");
  ASSERT_EQ(r.guides.size(), 1u) << describe(r);
  EXPECT_FALSE(r.fatal());
  EXPECT_EQ(recognised(r), (Pairs{
                               {"name", "出版物经营许可"},
                               {"legal_basis", "《出版管理条例》第三十五条"},
                               {"place", "某市政务服务中心文化窗口"},
                               {"hours", ""},
                           }))
      << describe(r);
  const Element& place = element(r, "place");
  EXPECT_EQ(place.text, "某市政务服务中心文化窗口");
  EXPECT_EQ(label_at(r, place), LineColumn(7, 9));
  EXPECT_EQ(value_at(r, place), LineColumn(7, 22));
  EXPECT_TRUE(element(r, "hours").blank());  // its value was cut off
}

TEST(HtmlParser, FormatAndExtensions) {
  const parse::Parser& p = parse::html_parser();
  EXPECT_EQ(p.format(), "html");
  EXPECT_EQ(p.extensions(), (std::vector<std::string>{".html", ".htm", ".shtml", ".xhtml"}));
  for (const char* name : {"a.html", "A.HTM", "b.shtml", "c.xhtml"})
    EXPECT_EQ(parse::parser_for(Source(name, "<p>x</p>")), &p) << name;
}

// ── Blocks ───────────────────────────────────────────────────────────────────────────────────

std::string_view source_of(std::string_view html, const parse::TextBuilder& t, std::uint32_t b,
                           std::uint32_t e) {
  Element el;
  el.text = t.text;
  el.pieces = t.pieces;
  const Span s = el.source_span(b, e);
  return html.substr(s.begin, s.end - s.begin);
}

std::vector<std::string> texts(const parse::HtmlDocument& doc) {
  std::vector<std::string> out;
  for (const parse::Block& b : doc.blocks) {
    if (b.kind != parse::Block::Kind::row) {
      out.push_back((b.kind == parse::Block::Kind::heading ? "# " : "") + b.text.text);
      continue;
    }
    std::string row;
    for (const parse::TextBuilder& c : b.cells)
      row += "|" + c.text;
    out.push_back(row + "|");
  }
  return out;
}

TEST(HtmlBlocks, WhitespaceCollapsesAndEveryPieceMapsBack) {
  const std::string html = "<p>  办理\n\t地点： 某中心&nbsp;&nbsp;<b>二</b> <i>楼</i>  </p>";
  const parse::HtmlDocument doc = parse::read_html(html);
  ASSERT_EQ(doc.blocks.size(), 1u);
  const parse::TextBuilder& t = doc.blocks[0].text;
  EXPECT_EQ(t.text, "办理 地点： 某中心 二 楼");
  const auto find = [&](std::string_view s) { return static_cast<std::uint32_t>(t.text.find(s)); };
  EXPECT_EQ(source_of(html, t, find(" 地点"), find(" 地点") + 1), "\n\t");
  EXPECT_EQ(source_of(html, t, find("： ") + 3, find("： ") + 4), " ");  // exact
  EXPECT_EQ(source_of(html, t, find(" 二"), find(" 二") + 1), "&nbsp;&nbsp;");
  EXPECT_EQ(source_of(html, t, 0, t.size()), "办理\n\t地点： 某中心&nbsp;&nbsp;<b>二</b> <i>楼");
}

TEST(HtmlBlocks, CharacterReferences) {
  const std::string html =
      "<p>&lt;&amp;&quot;&#x4E00;&#20108;&#19977 &middot;&hellip;&mdash;&ldquo;&rdquo;&times;"
      "&copy2024 &yen;&deg;&plusmn;&divide;&reg;&laquo;&raquo;&lsquo;&rsquo;&ndash; "
      "&sect;&bogus;&amp</p>";
  const parse::HtmlDocument doc = parse::read_html(html);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text.text, "<&\"一二三 ·…—“”×©2024 ¥°±÷®«»‘’– &sect;&bogus;&");
}

TEST(HtmlBlocks, LineBreaksAndBlockElements) {
  const parse::HtmlDocument doc = parse::read_html(
      "<div>甲：一<br>乙：二<span>三</span><div>丙</div>丁</div><ul><li>戊</li><li>己</li></ul>"
      "<pre>  子\n  丑</pre><hr>寅");
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"甲：一", "乙：二三", "丙", "丁", "戊", "己",
                                                  "  子", "  丑", "寅"}));
}

TEST(HtmlBlocks, HeadingsAndBoldOnlyParagraphs) {
  const parse::HtmlDocument doc = parse::read_html(
      "<h1>取水许可</h1><h2>设定依据</h2><p><strong>三、实施依据：</strong></p>"
      "<p><b>四、实施机关：</b>某局</p><div><span><b>申请材料</b></span></div><h1>第二个</h1>");
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"取水许可", "# 设定依据", "# 三、实施依据：",
                                                  "四、实施机关：某局", "# 申请材料", "# 第二个"}));
  // The first <h1> is the title, and a plain line.
  EXPECT_EQ(doc.title.text, "取水许可");
}

TEST(HtmlBlocks, TitleWithoutTheSiteName) {
  EXPECT_EQ(parse::read_html("<title>取水许可 - 办事指南 - 某县</title><p>x</p>").title.text,
            "取水许可");
  EXPECT_EQ(parse::read_html("<title>取水许可 | 某县</title>").title.text, "取水许可");
  EXPECT_EQ(parse::read_html("<title> 取水许可_某县人民政府 </title>").title.text, "取水许可");
  EXPECT_EQ(parse::read_html("<title>取水&amp;排水许可</title>").title.text, "取水&排水许可");
  EXPECT_EQ(parse::read_html("<title>a<b>c</title>").title.text, "a<b>c");
  EXPECT_EQ(parse::read_html("<title>t</title><h1> </h1><h1>甲</h1>").title.text, "甲");
}

TEST(HtmlBlocks, CommentsAreCollectedUnlessNotAskedFor) {
  const std::string html = "<p>甲<!-- guidelint-disable --></p><!--x--><p>乙</p>";
  const parse::HtmlDocument with = parse::read_html(html);
  ASSERT_EQ(with.comments.size(), 2u);
  EXPECT_EQ(with.comments[0].text, " guidelint-disable ");
  EXPECT_EQ(html.substr(with.comments[1].span.begin,
                        with.comments[1].span.end - with.comments[1].span.begin),
            "<!--x-->");
  const parse::HtmlDocument without =
      parse::read_html(html, nullptr, config::default_limits().depth, false);
  EXPECT_TRUE(without.comments.empty());
  ASSERT_EQ(without.blocks.size(), with.blocks.size());  // the text is read all the same
  for (std::size_t k = 0; k < with.blocks.size(); ++k)
    EXPECT_EQ(without.blocks[k].text.text, with.blocks[k].text.text);
}

TEST(HtmlBlocks, LinksAndImages) {
  const std::string html =
      "<p>见 <a href=\" /a?x=1&amp;y=2 \">网上<b>大厅</b></a>，流程<img src=\"file:///C:/t.gif\">"
      "如图</p><p><img src=\"/only.png\"></p><p><a href=\"#x\"><span>跨</span><br>两行</a></p>";
  const parse::HtmlDocument doc = parse::read_html(html);
  ASSERT_EQ(doc.blocks.size(), 4u);
  const parse::TextBuilder& t = doc.blocks[0].text;
  EXPECT_EQ(t.text, "见 网上大厅，流程如图");
  ASSERT_EQ(t.links.size(), 2u);
  EXPECT_EQ(t.links[0].url, "/a?x=1&y=2");
  EXPECT_EQ(t.text.substr(t.links[0].begin, t.links[0].end - t.links[0].begin), "网上大厅");
  EXPECT_EQ(t.links[1].url, "file:///C:/t.gif");  // an image: a link without text
  EXPECT_EQ(t.links[1].begin, t.links[1].end);
  EXPECT_EQ(t.links[1].begin, t.text.find("如图"));
  // An image alone is a block with no text and its link.
  EXPECT_EQ(doc.blocks[1].text.text, "");
  ASSERT_EQ(doc.blocks[1].text.links.size(), 1u);
  EXPECT_EQ(doc.blocks[1].text.links[0].url, "/only.png");
  // A link over a line break is a link on each line.
  ASSERT_EQ(doc.blocks[2].text.links.size(), 1u);
  EXPECT_EQ(doc.blocks[2].text.links[0].end, doc.blocks[2].text.size());
  ASSERT_EQ(doc.blocks[3].text.links.size(), 1u);
  EXPECT_EQ(doc.blocks[3].text.links[0].begin, 0u);
}

TEST(HtmlBlocks, NavigationAndScriptsAreLeftOut) {
  const parse::HtmlDocument doc = parse::read_html(
      "<nav>导航</nav><div role=\"navigation\">角色</div><div class=\"mainNav\">主导航</div>"
      "<ul id=\"topmenu\"><li>菜单</li></ul><div class=\"bread-crumbs\">面包屑</div>"
      "<header>页眉</header><footer>页脚</footer><div class=\"site-footer\">底部</div>"
      "<script>脚本</script><style>p{}</style><noscript>无脚本</noscript><select><option>选项"
      "</option></select><template>模板</template>"
      "<article><header>文章页眉</header></article><div class=\"canvas unavailable\">留下</div>"
      "<div class=\"BreadCrumbs\">面包屑二</div><div id=\"FOOTER\">页脚二</div>"
      "<div class=\"Navigator\">导航器</div><div class=\"Canvas\">画布</div>"
      "<body class=\"has-nav\"><p>正文</p></body>");
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"文章页眉", "留下", "画布", "正文"}));
}

TEST(HtmlBlocks, TabsNameTheirPanesWhereverEachStands) {
  // The pane before its tab; a tab whose pane is not there; ids on elements that are no pane.
  const parse::HtmlDocument doc = parse::read_html(
      "<div id=\"main\"><div class=\"tab-pane\" id=\"sqcl\"><p>身份证</p></div></div>"
      "<ul class=\"tab-title\"><li><a href=\"#sqcl\">申请材料</a></li><li><a href=\"#gone\">"
      "其他</a></li></ul><p id=\"x\">正文</p>");
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"# 申请材料", "身份证", "其他", "正文"}));
}

TEST(HtmlBlocks, RowAndColumnSpansExpanded) {
  const parse::HtmlDocument doc = parse::read_html(
      "<table><tr><td rowspan=2>甲</td><td colspan=2>乙</td><td rowspan=2>丙</td></tr>"
      "<tr><td>丁</td><td>戊</td></tr><tr><td>己</td><td colspan=0>庚</td></tr></table>");
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"|甲|乙||丙|", "||丁|戊|丙|", "|己|庚|"}));
  // A row with one filled cell is read as lines.
  EXPECT_EQ(texts(parse::read_html("<table><tr><td>甲：一</td><td> </td></tr></table>")),
            (std::vector<std::string>{"甲：一"}));
  EXPECT_EQ(texts(parse::read_html("<table><tr><th colspan=2>基本信息</th></tr></table>")),
            (std::vector<std::string>{"# 基本信息"}));
}

TEST(HtmlBlocks, NestedTables) {
  // In a value cell: the inner table is the cell's text.
  EXPECT_EQ(texts(parse::read_html("<table><tr><td>申请材料</td><td><table><tr><td>1</td>"
                                   "<td>申请书</td></tr><tr><td>2</td><td>身份证</td></tr></table>"
                                   "</td></tr></table>")),
            (std::vector<std::string>{"|申请材料|1 申请书\n2 身份证|"}));
  // Around the whole guide: the inner rows are rows.
  EXPECT_EQ(texts(parse::read_html("<table><tr><td><p>左栏</p><p>链接</p></td><td><table>"
                                   "<tr><td>收费标准</td><td>不收费</td></tr></table></td></tr>"
                                   "</table>")),
            (std::vector<std::string>{"左栏", "链接", "|收费标准|不收费|"}));
  // Tables nested deeper than a few levels are plain blocks.
  std::string deep;
  for (int i = 0; i < 20; ++i)
    deep += "<table><tr><td>层</td><td>";
  deep += "底";
  const parse::HtmlDocument doc = parse::read_html(deep);
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].kind, parse::Block::Kind::row);
  EXPECT_EQ(doc.blocks[0].cells.at(0).text, "层");
  EXPECT_TRUE(doc.blocks[0].cells.at(1).text.ends_with("层\n底")) << doc.blocks[0].cells.at(1).text;
}

TEST(HtmlBlocks, CellOfSeveralBlocksKeepsItsLinksAndPieces) {
  // The cell's first block, an image alone, is a link without text: the lines after it join it.
  const std::string html =
      "<table><tr><td>申请材料</td><td><img src=\"a.png\"><p>申请书</p><p> 身份证</p></td></tr>"
      "</table>";
  const parse::HtmlDocument doc = parse::read_html(html);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"|申请材料|申请书\n身份证|"}));
  const parse::TextBuilder& cell = doc.blocks.at(0).cells.at(1);
  ASSERT_EQ(cell.links.size(), 1u);
  EXPECT_EQ(cell.links[0].url, "a.png");
  EXPECT_EQ(cell.links[0].begin, 0u);
  EXPECT_EQ(cell.links[0].end, 0u);
  const auto find = [&](std::string_view s) {
    return static_cast<std::uint32_t>(cell.text.find(s));
  };
  EXPECT_EQ(source_of(html, cell, find("申请书"), find("申请书") + 9), "申请书");
  EXPECT_EQ(source_of(html, cell, find("身份证"), cell.size()), "身份证");
  EXPECT_EQ(source_of(html, doc.blocks[0].cells[0], 0, doc.blocks[0].cells[0].size()), "申请材料");
}

TEST(HtmlBlocks, DefinitionListRows) {
  EXPECT_EQ(texts(parse::read_html("<dl><dt>甲</dt><dd>一</dd><dd>二</dd><dt>乙</dt><dt>丙</dt>"
                                   "<dd><p>三</p><p>四</p></dd><dd>五</dd></dl>")),
            (std::vector<std::string>{"|甲|一|", "二", "# 乙", "|丙|三\n四|", "五"}));
}

TEST(HtmlBlocks, IgnoredTagsInsideText) {
  // Gumbo keeps tags it ignores inside the text node's original bytes.
  const std::string html = "<p>ab</td>cd</span>ef<!-- c -->gh a < b</p>";
  const parse::HtmlDocument doc = parse::read_html(html);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text.text, "abcdefgh a < b");
  const parse::TextBuilder& t = doc.blocks[0].text;
  EXPECT_EQ(source_of(html, t, 2, 4), "cd");
}

// ── Robustness ───────────────────────────────────────────────────────────────────────────────

TEST(HtmlRobustness, DeepNestingIsRefusedNotCrashed) {
  std::string html;
  for (int i = 0; i < 100000; ++i)
    html += "<div>";
  html += "办理地点：某中心";
  const auto start = std::chrono::steady_clock::now();
  const FileResult r = lint_bytes("deep.html", html);
  EXPECT_TRUE(has_fatal(r, "parse-error.too-deep")) << describe(r);
  EXPECT_TRUE(r.guides.empty());
  const Position p = r.source->position(r.diagnostics.at(0).span->begin);
  EXPECT_EQ(p.column, 256u * 5 + 1);  // the 257th <div>
  // Without a place to report it, what comes before the limit is read.
  EXPECT_TRUE(parse::read_html(html).blocks.empty());
  EXPECT_FALSE(parse::read_html("<p>前言</p>" + html).blocks.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  // Nesting that HTML closes as it goes is not deep: unclosed <p>, <li>, <td>, <option>.
  std::string flat;
  for (int i = 0; i < 5000; ++i)
    flat += "<p><font color=red>甲<li>乙<td>丙<option>丁</font>";
  EXPECT_FALSE(lint_bytes("flat.html", flat).fatal());
  // End tags close what they name, unknown tags included; an end tag naming nothing open does not.
  std::string closed;
  for (int i = 0; i < 5000; ++i)
    closed += "<div><span>甲</span><x-a><X-B>乙</x-a></DIV>";
  EXPECT_FALSE(lint_bytes("closed.html", closed).fatal());
  std::string unclosed;
  for (int i = 0; i < 200; ++i)
    unclosed += "<x-a><x-b>甲</x-c>";
  EXPECT_TRUE(has_fatal(lint_bytes("unclosed.html", unclosed), "parse-error.too-deep"));
}

TEST(HtmlRobustness, TooManyAttributesAndRunawayFormattingAreRefused) {
  std::string attrs = "<div";
  for (int i = 0; i < 50000; ++i)
    attrs += " a" + std::to_string(i);
  attrs += ">x</div>";
  EXPECT_TRUE(has_fatal(lint_bytes("attrs.html", attrs), "parse-error.html-attributes"));
  // Unclosed formatting elements, each re-opened in every later paragraph: quadratic tree.
  std::string runaway;
  for (int i = 0; i < 6000; ++i)
    runaway += "<p><b id=" + std::to_string(i) + ">x</p>";
  const auto start = std::chrono::steady_clock::now();
  const FileResult r = lint_bytes("runaway.html", runaway);
  EXPECT_TRUE(has_fatal(r, "parse-error.html-too-large")) << describe(r);
  EXPECT_TRUE(parse::read_html(runaway).blocks.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(HtmlRobustness, SpansCannotMultiplyThePage) {
  std::string page = "<table>";
  for (int i = 0; i < 20000; ++i)
    page += "<tr><td rowspan=64 colspan=64>甲</td><td colspan=1000>乙</td></tr>";
  page += "</table>";
  const parse::HtmlDocument doc = parse::read_html(page);
  std::size_t cells = 0;
  for (const parse::Block& b : doc.blocks)
    cells += b.cells.size();
  EXPECT_LE(cells, 2u * 2 * 20000 + 64);  // the cells, and at most as many made up
}

TEST(HtmlRobustness, LargePageInLinearTime) {
  std::string page = "<html><body><table>";
  while (page.size() < (std::size_t{5} << 20))
    page +=
        "<tr><td>办理地点</td><td>某市政务服务中心&nbsp;二楼 <a href=\"/x\">地图</a></td></tr>\n";
  page += "</table></body></html>";
  const auto start = std::chrono::steady_clock::now();
  const parse::HtmlDocument doc = parse::read_html(page);
  EXPECT_GT(doc.blocks.size(), 40000u);
  EXPECT_EQ(doc.blocks.back().cells.at(1).text, "某市政务服务中心 二楼 地图");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(HtmlRobustness, SvgAndMathInTablesDoNotAbort) {
  // Inputs on which gumbo 0.10 fails an assertion when it reads them as SVG.
  for (const std::string html :
       {"<table><svg><title></><![CDATA[>]]>\t", "<table><svg><select><title><select><tr>"}) {
    EXPECT_TRUE(parse::read_html(html).blocks.empty()) << html;
  }
  // Their content is left out; text around them, and the letters "svg" in text, are kept.
  const std::string html =
      "<table><tr><td>收费标准</td><td>不收费<SVG viewBox='0 0 1 1'><text>图</text></svg>"
      "</td></tr></table><p>a &lt;svg&gt; b <math><mi>x</mi></math>c</p><xmp><svg></xmp>";
  EXPECT_EQ(texts(parse::read_html(html)),
            (std::vector<std::string>{"|收费标准|不收费|", "a <svg> b c", "<svg>"}));
}

TEST(HtmlRobustness, TagSoupNeverCrashes) {
  static constexpr std::string_view kParts[] = {
      "<table>",
      "</table>",
      "<tr>",
      "<td rowspan=3>",
      "<td colspan=9>",
      "</td>",
      "<dl>",
      "<dt>",
      "<dd>",
      "</dl>",
      "<p>",
      "</p>",
      "<b>",
      "</b>",
      "<a href=x>",
      "</a>",
      "<br>",
      "<img src=y>",
      "<pre>",
      "</pre>",
      "<h1>",
      "<div class=tab-pane id=t>",
      "<a data-toggle=tab href=#t>",
      "<nav>",
      "<script>",
      "</script>",
      "<!--",
      "-->",
      "&nbsp;",
      "&#x",
      "&am",
      "<",
      ">",
      "办理地点：",
      "文本",
      " ",
      "\n",
      "<title>",
      "</title>",
      "<svg><path/>",
      "<select>",
      "<![CDATA[",
      "]]>",
      "<th>",
      "<caption>",
      "<ul><li>",
      "<xmp>",
      "<plaintext>",
      "<textarea>",
      "\"",
      "'",
      "=",
  };
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kParts) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string html;
    const int n = 1 + static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i)
      html += kParts[pick(rng)];
    const parse::HtmlDocument doc = parse::read_html(html);
    for (const parse::Block& b : doc.blocks) {
      std::vector<const parse::TextBuilder*> all = {&b.text};
      for (const parse::TextBuilder& c : b.cells)
        all.push_back(&c);
      for (const parse::TextBuilder* t : all) {
        for (const TextPiece& p : t->pieces) {
          ASSERT_LE(p.source, p.source_end) << html;
          ASSERT_LE(p.source_end, html.size()) << html;
          ASSERT_LE(p.text, t->size()) << html;
        }
        for (const Link& l : t->links) {
          ASSERT_LE(l.begin, l.end) << html;
          ASSERT_LE(l.end, t->size()) << html;
        }
      }
    }
    (void)lint_bytes("soup.html", html);
  }
}

}  // namespace
}  // namespace guidelint
