// guidelint catalog import: an official decision's annex table (HTML or CSV) to a catalog YAML.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "config/catalog.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(GUIDELINT_FIXTURES) / "catalog-import";

std::string read(const std::string& name) {
  std::ifstream in(kDir / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CatalogImportOptions options() {
  CatalogImportOptions o;
  o.decision = "国发〔2015〕11号";
  o.date = "2015-02-24";
  return o;
}

CatalogImportResult import_bytes(const std::string& name, std::string bytes,
                                 const CatalogImportOptions& o = options()) {
  return import_catalog(std::make_shared<const Source>(name, std::move(bytes)), o);
}

// An entry as the YAML has it, every key to its string.
using Entry = std::map<std::string, std::string>;

struct Loaded {
  YAML::Node root;
  std::vector<Entry> entries;
};

// Loads the output with yaml-cpp, as a config would.
Loaded load(const CatalogImportResult& r) {
  Loaded l;
  l.root = YAML::Load(r.yaml);
  EXPECT_TRUE(l.root["entries"].IsSequence()) << r.yaml;
  for (const YAML::Node& n : l.root["entries"]) {
    Entry e;
    for (const auto& kv : n)
      e[kv.first.as<std::string>()] = kv.second.as<std::string>();
    l.entries.push_back(std::move(e));
  }
  return l;
}

// A finding as "line:column severity message-id", for comparing lists of them.
std::vector<std::string> findings(const CatalogImportResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.report.diagnostics) {
    std::string s;
    if (d.span) {
      const Position p = r.report.source->position(d.span->begin);
      s = std::to_string(p.line) + ":" + std::to_string(p.column) + " ";
    }
    s += std::string(to_string(d.severity)) + " " + d.message_id;
    EXPECT_EQ(d.rule_id, "catalog-import") << s;
    out.push_back(s);
  }
  return out;
}

std::string arg(const Diagnostic& d, const std::string& name) {
  for (const Arg& a : d.args) {
    if (a.name == name) {
      if (const auto* s = std::get_if<std::string>(&a.value)) return *s;
      return std::to_string(std::get<std::int64_t>(a.value));
    }
  }
  return "<none>";
}

TEST(CatalogImport, PageWithTwoAnnexTables) {
  CatalogImportOptions o = options();
  o.source = "http://www.gov.cn/zhengce/content/2015-03/10/content_9519.htm";
  const CatalogImportResult r = import_catalog(kDir / "two-annexes.html", o);
  ASSERT_FALSE(r.report.fatal()) << r.yaml;
  EXPECT_EQ(r.entries, 7u);
  EXPECT_EQ(r.left_out, 1u);
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 7u);

  // Annex 1: header cells are <p><strong> paragraphs; actions from the 处理决定 column.
  EXPECT_EQ(l.entries[0], (Entry{{"item", "企业投资扩建民用机场项目核准"},  // <br> joined
                                 {"agency", "发展改革委"},
                                 {"basis", "《国务院关于投资体制改革的决定》（国发〔2004〕20号）"},
                                 {"decision", "国发〔2015〕11号"},
                                 {"date", "2015-02-24"},
                                 {"action", "下放"},
                                 {"action_text", "下放至省级人民政府投资主管部门"},
                                 {"source", o.source}}));
  EXPECT_EQ(l.entries[1].at("item"), "国际船舶代理业务审批");
  EXPECT_EQ(l.entries[1].at("basis"),
            "《中华人民共和国国际海运条例》《国务院对确需保留的行政审批项目设定行政许可的决定》"
            "（国务院令第412号）");
  EXPECT_EQ(l.entries[1].at("action"), "取消");
  EXPECT_EQ(l.entries[1].count("action_text"), 0u);  // the cell says no more than the action
  EXPECT_EQ(l.entries[1].count("note"), 0u);
  // The agency cell spans two rows: both rows have it.
  EXPECT_EQ(l.entries[2].at("item"), "无船承运业务审批");
  EXPECT_EQ(l.entries[2].at("agency"), "交通运输部");
  EXPECT_EQ(l.entries[2].at("note"), "保留备案");
  EXPECT_EQ(l.entries[3].at("item"), "人才中介服务机构设立审批");

  // Annex 2 has no 处理决定 column: its title gives 改为后置审批, across the sub-heading and the
  // page break (a second table with the header repeated); the site's footer table is not read.
  for (std::size_t k = 4; k < 7; ++k) {
    EXPECT_EQ(l.entries[k].at("action"), "改为后置审批") << k;
    EXPECT_EQ(l.entries[k].count("action_text"), 0u) << k;
  }
  EXPECT_EQ(l.entries[4].at("item"), "经营性互联网文化单位设立审批");
  EXPECT_EQ(l.entries[4].at("agency"), "省级文化行政部门");
  EXPECT_EQ(l.entries[5].at("item"), "旅行社业务经营许可");
  EXPECT_EQ(l.entries[6].at("item"), "娱乐场所从事娱乐场所经营活动审批");

  // Row 4 of annex 1 has an empty 处理决定 and its title (取消和下放) gives no default.
  EXPECT_EQ(findings(r), (std::vector<std::string>{"55:5 error catalog-import.action-unknown",
                                                   "78:21 info catalog-import.subheading"}));
  EXPECT_EQ(arg(r.report.diagnostics[0], "value"), "设立出版物全国连锁经营单位审批");
  EXPECT_EQ(arg(r.report.diagnostics[1], "value"), "以下由地方人民政府部门实施");
  EXPECT_EQ(
      render_message(r.report.diagnostics[0], "en"),
      "cannot tell the action for \"设立出版物全国连锁经营单位审批\": the row has no 处理决定 "
      "and the annex title names none of 取消, 下放, 改为后置审批, 保留; the row is not "
      "imported");

  // Without --title the catalog is titled by its annexes; rows were left out: partial.
  EXPECT_EQ(l.root["title"].as<std::string>(),
            "国务院决定取消和下放管理层级的行政审批项目目录（共计5项）；"
            "国务院决定改为后置审批的工商登记前置审批事项目录");
  EXPECT_TRUE(l.root["partial"].as<bool>());
  EXPECT_NE(l.root["note"].as<std::string>().find("two-annexes.html"), std::string::npos);
  EXPECT_EQ(l.root["note"].as<std::string>().find(kDir.string()), std::string::npos);
}

TEST(CatalogImport, GbkPageWithTraditionalLabels) {
  const std::string bytes = read("gbk-page.html");
  ASSERT_EQ(bytes.find("审批"), std::string::npos);  // the file really is GBK
  const CatalogImportResult r = import_bytes("gbk-page.html", bytes);
  EXPECT_EQ(r.report.source->encoding(), "GB18030");
  EXPECT_TRUE(r.report.diagnostics.empty()) << findings(r).front();
  EXPECT_EQ(r.left_out, 0u);
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 2u);
  // 審批項目 名稱 / 實施機關 / 設定依據 (traditional, with a space) are the columns; the title
  // 国务院决定第一批取消… gives 取消.
  EXPECT_EQ(l.entries[0],
            (Entry{{"item", "不需中央政府投资、限额（规模）以下的高技术产业发展项目审批"},
                   {"agency", "省级及计划单列市发展改革部门"},
                   {"basis", "《国家高技术产业发展项目管理暂行办法》"},
                   {"decision", "国发〔2015〕11号"},
                   {"date", "2015-02-24"},
                   {"action", "取消"}}));
  EXPECT_EQ(l.entries[1].at("item"), "基本医疗保险定点零售药店资格审查");
  EXPECT_EQ(l.entries[1].count("basis"), 0u);  // an empty cell gives no key
  EXPECT_FALSE(l.root["partial"].as<bool>());
  EXPECT_EQ(l.root["title"].as<std::string>(),
            "国务院决定第一批取消中央指定地方实施的行政审批事项目录");
}

TEST(CatalogImport, CsvWithQuotedFields) {
  CatalogImportOptions o = options();
  o.title = "国务院关于取消和调整一批行政审批项目等事项的决定";
  const CatalogImportResult r = import_catalog(kDir / "quoted.csv", o);
  EXPECT_TRUE(r.report.diagnostics.empty()) << findings(r).front();
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 3u);
  EXPECT_EQ(l.entries[0].at("item"), "房地产经纪人资格");
  EXPECT_EQ(l.entries[0].at("decision_title"), o.title);
  // A comma inside quotes, doubled quotes, a CRLF inside quotes (joined), an empty last field.
  EXPECT_EQ(l.entries[1], (Entry{{"item", "注册税务师资格, 职业资格"},
                                 {"agency", "税务总局"},
                                 {"basis",
                                  "《国家税务总局关于\"注册税务师\"管理的规定》"
                                  "（国税发〔2005〕1号）"},
                                 {"decision", "国发〔2015〕11号"},
                                 {"decision_title", o.title},
                                 {"date", "2015-02-24"},
                                 {"action", "取消"},
                                 {"note", "含\"注册\"二字的名称，一并取消"}}));
  EXPECT_EQ(l.entries[2].at("item"), "景观设计师");  // unquoted fields
  EXPECT_EQ(l.entries[2].count("basis"), 0u);
  EXPECT_EQ(l.root["title"].as<std::string>(), o.title);  // --title wins over the annex title
}

TEST(CatalogImport, UnreadableRowsAreReportedWithTheirPlaceAndLeftOut) {
  const CatalogImportResult r = import_catalog(kDir / "broken.html", options());
  ASSERT_FALSE(r.report.fatal());
  EXPECT_EQ(findings(r), (std::vector<std::string>{
                             "7:9 error catalog-import.empty-name",       // name cell empty
                             "8:9 error catalog-import.cell-count",       // 3 cells of 5
                             "9:9 error catalog-import.empty-name",       // nothing but 序号
                             "10:9 error catalog-import.action-cell",     // 改为备案管理
                             "11:9 error catalog-import.action-unknown",  // empty 处理决定
                             "13:9 error catalog-import.cell-count",      // a sixth cell with text
                         }));
  const auto& d = r.report.diagnostics;
  EXPECT_EQ(arg(d[0], "label"), "项目名称");
  EXPECT_EQ(arg(d[1], "value"), "3");
  EXPECT_EQ(arg(d[1], "limit"), "5");
  EXPECT_EQ(arg(d[3], "value"), "港口岸线使用审批");
  EXPECT_EQ(arg(d[3], "detail"), "改为备案管理");
  EXPECT_EQ(render_message(d[1], "zh-Hans"),
            "此行有 3 个单元格，表头有 5 个，无法确定各栏对应关系：此行未导入");
  EXPECT_EQ(r.left_out, 6u);
  // The readable rows are written, the others are not.
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 2u);
  EXPECT_EQ(l.entries[0].at("item"), "外商投资旅行社业务许可");
  EXPECT_EQ(l.entries[0].at("action"), "下放");
  EXPECT_EQ(l.entries[0].at("action_text"), "下放至省级旅游部门");
  EXPECT_EQ(l.entries[1].at("item"), "出口商品商标注册审批");  // an extra empty cell is fine
  EXPECT_TRUE(l.root["partial"].as<bool>());
  for (const char* absent : {"港口岸线使用审批", "气象信息服务单位资质认定",
                             "种畜禽生产经营许可证核发", "民航企业机票代理审批"}) {
    EXPECT_EQ(r.yaml.find(absent), std::string::npos) << absent;
  }
}

TEST(CatalogImport, NoTableIsFatal) {
  const CatalogImportResult r = import_catalog(kDir / "no-table.html", options());
  EXPECT_TRUE(r.report.fatal());
  EXPECT_EQ(findings(r), std::vector<std::string>{"error catalog-import.no-table"});
  EXPECT_TRUE(r.yaml.empty());
  EXPECT_EQ(r.entries, 0u);

  const CatalogImportResult empty = import_bytes("x.csv", "");
  EXPECT_EQ(findings(empty), std::vector<std::string>{"error catalog-import.no-table"});
  // A header and no row under it.
  const CatalogImportResult header = import_bytes("x.csv", "附件\n\n序号,项目名称\n");
  EXPECT_EQ(findings(header), std::vector<std::string>{"3:1 error catalog-import.empty-table"});
  EXPECT_TRUE(header.report.fatal());
}

TEST(CatalogImport, FilesThatCannotBeRead) {
  const CatalogImportResult missing = import_catalog(kDir / "no-such-file.html", options());
  EXPECT_TRUE(missing.report.fatal());
  EXPECT_EQ(missing.report.diagnostics.at(0).message_id, "io.not-found");
  EXPECT_EQ(import_catalog(kDir, options()).report.diagnostics.at(0).message_id, "io.not-a-file");
  // Declared UTF-8, but a byte that is not: reported where it is, nothing read.
  const CatalogImportResult bad =
      import_bytes("a.html", "<meta charset=\"utf-8\">\n<p>序号 \xFF</p>");
  EXPECT_EQ(findings(bad), std::vector<std::string>{"2:7 error input.invalid-utf8"});
  EXPECT_EQ(render_message(bad.report.diagnostics.at(0), "en"),
            "the file is not valid UTF-8: byte 0xFF cannot be decoded");
  EXPECT_TRUE(bad.yaml.empty());
  const CatalogImportResult zip = import_bytes("a.xlsx", std::string("PK\x03\x04", 4) + "rest");
  EXPECT_EQ(findings(zip), std::vector<std::string>{"error catalog-import.zip"});
  const CatalogImportResult binary = import_bytes("a.xls", std::string("\xD0\xCF\x11\xE0\0\0", 6));
  EXPECT_TRUE(binary.report.fatal());
  EXPECT_EQ(binary.report.diagnostics.at(0).message_id, "input.binary");
}

TEST(CatalogImport, CsvSyntaxErrors) {
  // Text after a closing quote: that record is left out, the next ones are read.
  const CatalogImportResult after = import_bytes(
      "a.csv",
      "国务院决定取消的行政审批项目目录\r\n序号,项目名称,审批部门\r\n1,\"甲审批\"x,商务部\r\n"
      "2,乙审批,\"商务部\"\r\n3,\"丙审批\r\n");
  EXPECT_EQ(findings(after), (std::vector<std::string>{"3:8 error catalog-import.csv-after-quote",
                                                       "5:3 error catalog-import.csv-unclosed"}));
  EXPECT_EQ(after.left_out, 2u);
  const Loaded l = load(after);
  ASSERT_EQ(l.entries.size(), 1u);
  EXPECT_EQ(l.entries[0].at("item"), "乙审批");
  EXPECT_EQ(l.entries[0].at("agency"), "商务部");
  EXPECT_EQ(l.entries[0].at("action"), "取消");

  // A quote inside an unquoted field is text; a quoted field may start with a doubled quote.
  const CatalogImportResult text =
      import_bytes("a.csv",
                   "国务院决定取消的项目目录\n序号,项目名称,处理决定\n1,甲\"乙\"审批,取消\n"
                   "2,\"\"\"丙\"\"审批\",\n,\"  丁审批\",改为备案\n");
  EXPECT_EQ(findings(text), std::vector<std::string>{"5:5 error catalog-import.action-cell"});
  const Loaded t = load(text);
  ASSERT_EQ(t.entries.size(), 2u);
  EXPECT_EQ(t.entries[0].at("item"), "甲\"乙\"审批");
  EXPECT_EQ(t.entries[1].at("item"), "\"丙\"审批");
  EXPECT_EQ(t.entries[1].at("action"), "取消");  // an empty 处理决定: the title's action
}

TEST(CatalogImport, SubHeadingsNamingAnActionSetTheRowsBelow) {
  const CatalogImportResult r = import_bytes(
      "a.csv",
      "附件1,,,\n国务院决定取消和下放管理层级的行政审批项目目录,,,\n"
      "序号,事项名称,实施机关,备注\n"
      ",一、取消的行政审批项目,,\n"
      "1,甲审批,商务部,\n"
      ",二、下放管理层级的行政审批项目,,\n"
      "2,乙审批,交通运输部,\n"
      ",三、其他,,\n"  // names no action: the one above still holds
      "3,丙审批,交通运输部,\n"
      ",四、调整的项目,,\n"  // names a change that is none of the four: no default any more
      "4,丁审批,农业部,\n");
  EXPECT_EQ(findings(r),
            (std::vector<std::string>{
                "4:2 info catalog-import.subheading", "6:2 info catalog-import.subheading",
                "8:2 info catalog-import.subheading", "10:2 info catalog-import.subheading",
                "11:1 error catalog-import.action-unknown"}));
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 3u);
  EXPECT_EQ(l.entries[0].at("action"), "取消");
  EXPECT_EQ(l.entries[1].at("action"), "下放");
  EXPECT_EQ(l.entries[2].at("action"), "下放");
}

TEST(CatalogImport, ActionCells) {
  const CatalogImportResult r = import_bytes("a.csv",
                                             "序号,项目名称,处理决定\n"
                                             "1,甲审批,取消\n"
                                             "2,乙审批,下放\n"
                                             "3,丙审批,下放至设区的市级人民政府\n"
                                             "4,丁审批,改為後置審批\n"  // traditional script
                                             "5,戊审批,保留\n"
                                             "6,己审批,取消审批，改为备案\n");
  EXPECT_TRUE(r.report.diagnostics.empty()) << findings(r).front();
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 6u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"取消", ""},         {"下放", ""}, {"下放", "下放至设区的市级人民政府"},
      {"改为后置审批", ""}, {"保留", ""}, {"取消", "取消审批，改为备案"}};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(l.entries[k].at("action"), expected[k].first) << k;
    const auto it = l.entries[k].find("action_text");
    EXPECT_EQ(it == l.entries[k].end() ? "" : it->second, expected[k].second) << k;
  }
}

TEST(CatalogImport, AnnexTitlesGiveDefaults) {
  const auto action = [](const std::string& title) {
    const CatalogImportResult r =
        import_bytes("a.csv", "附件3\n" + title + "\n序号,项目名称\n1,甲审批\n");
    const Loaded l = load(r);
    return l.entries.empty() ? std::string("-") : l.entries[0].at("action");
  };
  EXPECT_EQ(action("国务院决定取消的行政审批项目目录（94项）"), "取消");
  EXPECT_EQ(action("國務院決定取消的行政審批項目目錄"), "取消");
  EXPECT_EQ(action("国务院决定下放管理层级的行政审批项目目录"), "下放");
  EXPECT_EQ(action("国务院决定改为后置审批的工商登记前置审批事项目录"), "改为后置审批");
  EXPECT_EQ(action("国务院决定保留的工商登记前置审批事项目录"), "保留");
  EXPECT_EQ(action("国务院决定取消和下放管理层级的行政审批项目目录"), "-");
  EXPECT_EQ(action("国务院决定取消和调整的行政审批项目目录"), "-");
  EXPECT_EQ(action("国务院决定的行政审批项目目录"), "-");
  // "附件4 国务院决定…" on one line.
  const CatalogImportResult one = import_bytes(
      "a.csv", "附件4 国务院决定改为后置审批的工商登记前置审批事项目录\n序号,项目名称\n1,甲审批\n");
  EXPECT_EQ(load(one).entries.at(0).at("action"), "改为后置审批");
  EXPECT_EQ(load(one).root["title"].as<std::string>(),
            "国务院决定改为后置审批的工商登记前置审批事项目录");
}

TEST(CatalogImport, YamlRoundTripsEveryString) {
  CatalogImportOptions o = options();
  o.title = "国务院关于\"取消\"的决定\\附\n第二行\t制表\u2028分隔";
  o.source = "http://example.gov.cn/a?b=\"c\"&d=\\e";
  o.decision = "国发〔2015〕11号: #1";
  o.date = "2015";
  const std::string item = "甲 \"乙\" \\丙\\ 审批: #注 - [x] {y} 'z' *a &b !c %d @e `f`";
  const CatalogImportResult r = import_bytes(
      "a.csv",
      "序号,项目名称,处理决定\n1,\"" + std::regex_replace(item, std::regex("\""), "\"\"") +
          "\",取消\n2,yes,保留\n3,null,保留\n4,0x1F,保留\n5,~,保留\n",
      o);
  EXPECT_TRUE(r.report.diagnostics.empty()) << findings(r).front();
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 5u);
  EXPECT_EQ(l.entries[0].at("item"), item);
  EXPECT_EQ(l.entries[0].at("decision_title"), o.title);
  EXPECT_EQ(l.entries[0].at("source"), o.source);
  EXPECT_EQ(l.entries[0].at("decision"), o.decision);
  EXPECT_EQ(l.entries[0].at("date"), "2015");
  EXPECT_EQ(l.root["title"].as<std::string>(), o.title);
  // Strings YAML would read as other types stay strings.
  EXPECT_EQ(l.entries[1].at("item"), "yes");
  EXPECT_EQ(l.entries[2].at("item"), "null");
  EXPECT_FALSE(l.root["entries"][2]["item"].IsNull());
  EXPECT_EQ(l.entries[3].at("item"), "0x1F");
  EXPECT_EQ(l.entries[4].at("item"), "~");
  // One key a line, double-quoted, in the layout of rules/catalogs/*.yaml.
  std::istringstream lines(r.yaml);
  std::string line;
  const std::regex layout(
      R"re(^(# .*|title: ".*"|partial: (true|false)|note: ".*"|entries:|  - item: ".*"|    (agency|basis|decision|decision_title|date|action|action_text|source|note): ".*")$)re");
  while (std::getline(lines, line))
    EXPECT_TRUE(std::regex_match(line, layout)) << line;
}

TEST(CatalogImport, OptionsAreChecked) {
  EXPECT_TRUE(valid_catalog_date("2015-02-24"));
  EXPECT_TRUE(valid_catalog_date("2015-02"));
  EXPECT_TRUE(valid_catalog_date("2015"));
  EXPECT_FALSE(valid_catalog_date("2015-02-30"));
  EXPECT_FALSE(valid_catalog_date("2015-13"));
  EXPECT_FALSE(valid_catalog_date("2015-2"));
  EXPECT_FALSE(valid_catalog_date("15"));
  EXPECT_FALSE(valid_catalog_date("0999"));
  EXPECT_FALSE(valid_catalog_date("2015-0a"));
  EXPECT_FALSE(valid_catalog_date("2015/02"));
  EXPECT_FALSE(valid_catalog_date("2015年2月"));
  EXPECT_FALSE(valid_catalog_date(""));

  CatalogImportOptions o = options();
  o.date = "2015-02-30";
  const CatalogImportResult date = import_bytes("a.csv", "序号,项目名称\n1,甲\n", o);
  EXPECT_EQ(findings(date), std::vector<std::string>{"error catalog-import.invalid-date"});
  EXPECT_TRUE(date.yaml.empty());
  o = options();
  o.input_format = "xls";
  EXPECT_EQ(findings(import_bytes("a.csv", "序号,项目名称\n1,甲\n", o)),
            std::vector<std::string>{"error catalog-import.unknown-format"});

  // Without --decision and --date the entries have neither.
  const CatalogImportResult bare =
      import_bytes("a.csv", "序号,项目名称,处理决定\n1,甲审批,取消\n", {});
  const Loaded l = load(bare);
  EXPECT_EQ(l.entries.at(0), (Entry{{"item", "甲审批"}, {"action", "取消"}}));
}

TEST(CatalogImport, InputFormatByNameContentOrOption) {
  const std::string page =
      "<table><tr><td>序号</td><td>项目名称</td><td>处理决定</td></tr>"
      "<tr><td>1</td><td>甲审批</td><td>取消</td></tr></table>";
  EXPECT_EQ(import_bytes("<stdin>", page).entries, 1u);  // markup: HTML
  EXPECT_EQ(import_bytes("annex.txt", "序号,项目名称,处理决定\n1,甲审批,取消\n").entries, 1u);
  // Named .csv, but a page: read as HTML only when asked.
  EXPECT_TRUE(import_bytes("annex.csv", page).report.fatal());
  CatalogImportOptions o = options();
  o.input_format = "html";
  EXPECT_EQ(import_bytes("annex.csv", page, o).entries, 1u);
}

TEST(CatalogImport, TableSplitWithoutRepeatedHeaderContinues) {
  const CatalogImportResult r = import_bytes(
      "a.html",
      "<p>附件</p><p>国务院决定取消的行政审批项目目录</p>"
      "<table><tr><td>序号</td><td>项目名称</td><td>审批部门</td></tr>"
      "<tr><td>1</td><td>甲审批</td><td>商务部</td></tr></table>"
      "<p>－ 2 －</p>"
      "<table><tr><td>2</td><td>乙审批</td><td>商务部</td></tr></table>"
      "<p>联系我们</p><table><tr><td>电话</td><td>12345</td><td>传真</td></tr></table>");
  EXPECT_TRUE(r.report.diagnostics.empty()) << findings(r).front();
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 2u);
  EXPECT_EQ(l.entries[1].at("item"), "乙审批");
  EXPECT_EQ(l.entries[1].at("action"), "取消");
}

TEST(CatalogImport, TwoRowHeaderIsReadByItsFirstRow) {
  const CatalogImportResult r = import_bytes(
      "a.html",
      "<p>国务院决定取消的行政审批项目目录</p><table>"
      "<tr><th rowspan=2>序号</th><th rowspan=2>项目名称</th><th colspan=2>审批部门</th></tr>"
      "<tr><th>原</th><th>现</th></tr>"
      "<tr><td>1</td><td>甲审批</td><td>商务部</td><td>省级商务部门</td></tr></table>");
  EXPECT_TRUE(r.report.diagnostics.empty()) << findings(r).front();
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 1u);
  EXPECT_EQ(l.entries[0].at("item"), "甲审批");
  EXPECT_EQ(l.entries[0].at("agency"), "商务部");
}

// Rows whose cells hold bold text or paragraphs come from the block reader as separate lines;
// their cells are put together again from the page's tags, spans included.
TEST(CatalogImport, RowsOfBoldCellsInALayoutTable) {
  const CatalogImportResult r =
      import_bytes("a.html",
                   "<table width=980><tr><td width=200><p>首页</p><p>政策文件</p></td><td>\n"
                   "<p>附件1</p><p>国务院决定取消的行政审批项目目录</p>\n"
                   "<table border=1>\n"
                   "<tr><td rowspan=2><b>序号</b></td><td rowspan=2><b>项目名称</b></td>"
                   "<td colspan=2><b>审批部门</b></td></tr>\n"
                   "<tr><td><b>原</b></td><td><b>现</b></td></tr>\n"
                   "<tr><td>1</td><td>甲审批</td><td rowspan=2>商务部</td><td>省商务厅</td></tr>\n"
                   "<tr><td><b>2</b></td><td><p>乙</p><p>审批</p></td><td>市商务局</td></tr>\n"
                   "<tr><td><b>3</b></td><td></td><td>农业部</td><td></td></tr>\n"
                   "</table></td></tr></table>");
  EXPECT_EQ(findings(r), std::vector<std::string>{"8:12 error catalog-import.empty-name"});
  const Loaded l = load(r);
  ASSERT_EQ(l.entries.size(), 2u);
  EXPECT_EQ(l.entries[0].at("item"), "甲审批");
  EXPECT_EQ(l.entries[0].at("agency"), "商务部");
  EXPECT_EQ(l.entries[1].at("item"), "乙审批");
  EXPECT_EQ(l.entries[1].at("agency"), "商务部");  // spanning from the row above
  EXPECT_EQ(l.entries[1].at("action"), "取消");
  EXPECT_EQ(l.root["title"].as<std::string>(), "国务院决定取消的行政审批项目目录");
}

// What the importer writes is what a config's `catalogs:` loads, with no problem reported.
TEST(CatalogImport, OutputLoadsAsACatalog) {
  CatalogImportOptions o = options();
  o.title = "国务院关于取消和调整一批行政审批项目等事项的决定";
  o.source = "http://www.gov.cn/a.htm";
  const CatalogImportResult r = import_catalog(kDir / "two-annexes.html", o);
  config::Catalogs catalogs;
  config::Problems problems;
  EXPECT_TRUE(catalogs.load(
      config::YamlFile{std::make_shared<const Source>("mine.yaml", r.yaml), &problems}));
  for (const FileResult& f : problems.take()) {
    for (const Diagnostic& d : f.diagnostics)
      ADD_FAILURE() << d.message_id << " " << f.source->position(d.span ? d.span->begin : 0).line;
  }
  ASSERT_EQ(catalogs.entries.size(), 7u);
  const config::CatalogEntry& e = catalogs.entries[0];
  EXPECT_EQ(e.item, "企业投资扩建民用机场项目核准");
  EXPECT_EQ(e.action, config::Action::delegated);
  EXPECT_EQ(e.action_text, "下放至省级人民政府投资主管部门");
  EXPECT_EQ(e.decision, "国发〔2015〕11号");
  EXPECT_EQ(e.decision_title, o.title);
  EXPECT_EQ(e.date.to_string(), "2015-02-24");
  EXPECT_EQ(e.source, o.source);
  EXPECT_EQ(catalogs.entries[1].action, config::Action::abolished);
  EXPECT_EQ(catalogs.entries[6].action, config::Action::post_approval);
}

}  // namespace
}  // namespace guidelint
