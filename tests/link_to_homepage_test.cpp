// link-to-homepage: elements that only link to a site's or a department's home page, in HTML,
// text, XML and JSON, in simplified and traditional script; links to pages of their own and home
// page links beside content pass; options and their errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_support.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "link-to-homepage";

// The rule's findings, copied: they outlive the result they came from.
std::vector<Diagnostic> findings(const FileResult& r) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == kRule) out.push_back(d);
  }
  return out;
}

std::string arg(const Diagnostic& d, std::string_view name) {
  return testing::arg_of(d, name);
}

std::string_view at(const FileResult& r, const Diagnostic& d) {
  return testing::text_at(r, *d.span);
}

FileResult lint(const std::string& name, const std::string& text, const Engine* engine = nullptr) {
  if (engine == nullptr) return testing::lint_bytes(name, text);
  return engine->lint(std::make_shared<const Source>(name, text), {});
}

std::shared_ptr<const Engine> with_options(const std::string& options) {
  const EngineResult r = Engine::from_yaml(
      "rules:\n  link-to-homepage:\n    options: " + options + "\n", "c.yaml", ".");
  EXPECT_TRUE(r.engine) << (r.problems.empty() || r.problems[0].diagnostics.empty()
                                ? std::string("?")
                                : render_message(r.problems[0].diagnostics[0], "en"));
  return r.engine;
}

// The message id of the first problem of a config that does not build.
std::string problem(const std::string& options) {
  const EngineResult r = Engine::from_yaml(
      "rules:\n  link-to-homepage:\n    options: " + options + "\n", "c.yaml", ".");
  EXPECT_FALSE(r.engine) << options;
  if (r.problems.empty() || r.problems[0].diagnostics.empty()) return "<none>";
  const Diagnostic& d = r.problems[0].diagnostics[0];
  EXPECT_EQ(d.rule_id, "config-error");
  return d.message_id;
}

// A guide in the text format with one element; the finding's element.
std::vector<Diagnostic> text_findings(const std::string& value, FileResult& keep,
                                      const Engine* engine = nullptr) {
  keep = lint("g.txt", "事项名称：某某许可\n设定依据：" + value + "\n", engine);
  return findings(keep);
}

TEST(LinkToHomepage, SectionsThatOnlyLinkToDepartmentsHomePages) {
  // The 2016 spot check: 松原's sections linked to the 环保局, 安监局 and 国土局 home pages.
  const FileResult r = testing::lint_fixture("rules/link-to-homepage/songyuan.html");
  const auto hits = findings(r);
  ASSERT_EQ(hits.size(), 4u);
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> expected = {
      {"legal_basis", "设定依据", "市环保局网站", "http://hbj.songyuan.example.gov.cn/"},
      {"conditions", "申请条件", "点击查看", "http://ajj.songyuan.example.gov.cn/index.html"},
      {"materials", "申请材料", "http://www.songyuan.example.gov.cn/gtj/",
       "http://www.songyuan.example.gov.cn/gtj/"},
      {"procedure", "办理流程", "办理流程", "http://www.songyuan.example.gov.cn/col/index.html"}};
  for (std::size_t k = 0; k < hits.size(); ++k) {
    const auto& [id, label, text, url] = expected[k];
    EXPECT_EQ(hits[k].element_id, id);
    EXPECT_EQ(hits[k].message_id, "link-to-homepage.only-link");
    EXPECT_EQ(hits[k].severity, Severity::error);
    EXPECT_FALSE(hits[k].needs_review);
    EXPECT_EQ(arg(hits[k], "label"), label);
    EXPECT_EQ(arg(hits[k], "url"), url);
    EXPECT_EQ(at(r, hits[k]), text);  // the link's text in the page
  }
  EXPECT_EQ(testing::line_column(r, hits[0].span->begin),
            (std::pair<std::uint32_t, std::uint32_t>{10, 70}));
  EXPECT_EQ(
      render_message(hits[0]),
      "“设定依据”只有一个指向网站首页的链接（http://hbj.songyuan.example.gov.cn/），没有具体内容");
  EXPECT_EQ(render_message(hits[0], "zh-Hant"),
            "「設定依據」只有一個指向網站首頁的連結（http://hbj.songyuan.example.gov.cn/"
            "），沒有具體內容");
  EXPECT_EQ(render_message(hits[0], "en"),
            "\"设定依据\" only links to a site's home page (http://hbj.songyuan.example.gov.cn/) "
            "instead of giving its content");
}

TEST(LinkToHomepage, LinksToPagesOfTheirOwnAndHomePagesBesideContentPass) {
  const FileResult r = testing::lint_fixture("rules/link-to-homepage/specific-pages.html");
  EXPECT_TRUE(findings(r).empty()) << render_message(findings(r).at(0));
  // A whole value wrapped in a link to the home page is still content.
  EXPECT_TRUE(
      findings(lint("g.html",
                    "<table><tr><th>事项名称</th><td>某某许可</td></tr><tr><th>办理地点</th>"
                    "<td><a href=\"/\">深圳市福田区莲花街道福中三路1号市民中心B区一楼政务服务"
                    "中心西厅综合受理窗口</a></td></tr></table>"))
          .empty());
  // An image linking to the home page beside nothing else is left alone (the element is blank).
  EXPECT_TRUE(
      findings(lint("g.html",
                    "<table><tr><th>事项名称</th><td>某某许可</td></tr><tr><th>办理流程</th>"
                    "<td><a href=\"/\"><img src=\"/logo.png\"></a></td></tr></table>"))
          .empty());
}

TEST(LinkToHomepage, BareUrlsAndSiteNamesInTraditionalScript) {
  const FileResult r = testing::lint_fixture("rules/link-to-homepage/songyuan-zh-Hant.txt");
  const auto hits = findings(r);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].element_id, "legal_basis");
  EXPECT_EQ(arg(hits[0], "label"), "設定依據");
  EXPECT_EQ(at(r, hits[0]), "http://hbj.songyuan.example.gov.cn/");
  EXPECT_EQ(hits[1].element_id, "conditions");
  EXPECT_EQ(at(r, hits[1]), "www.songyuan.example.gov.cn/ajj/index.html");
  EXPECT_EQ(testing::line_column(r, hits[1].span->begin),
            (std::pair<std::uint32_t, std::uint32_t>{3, 10}));
}

TEST(LinkToHomepage, WhatCountsAsAFrontPage) {
  const std::vector<std::pair<std::string, bool>> urls = {
      {"http://www.example.gov.cn", true},
      {"http://www.example.gov.cn/", true},
      {"https://www.example.gov.cn/index.html", true},
      {"https://www.example.gov.cn/INDEX.HTM", true},
      {"http://www.example.gov.cn/default.aspx", true},
      {"http://www.example.gov.cn/main.jsp", true},
      {"http://www.example.gov.cn/hbj/", true},
      {"http://www.example.gov.cn/col/index.shtml", true},
      {"http://www.example.gov.cn:8080/", true},
      {"http://www.example.gov.cn/#/", true},
      {"//www.example.gov.cn/", true},
      {"/", true},
      {"/index.html", true},
      {"http://www.example.gov.cn/col/col12/index.html", false},
      {"http://www.example.gov.cn/hbj/zcfg", false},
      {"http://www.example.gov.cn/?id=12", false},
      {"http://www.example.gov.cn/index.php?ie=2-516-65506-1", false},
      {"http://www.example.gov.cn/#/guide/12", false},
      {"http://www.example.gov.cn/files/form.pdf", false},
      {"http://www.example.gov.cn/form.doc", false},
      {"/col/col2/art_1.html", false},
      {"index.html", false},
      {"mailto:office@example.gov.cn", false},
      {"javascript:void(0)", false},
      {"#", false},
  };
  for (const auto& [url, front] : urls) {
    const std::string html =
        "<table><tr><th>事项名称</th><td>某某许可</td></tr><tr><th>设定依据</th>"
        "<td>详见<a href=\"" +
        url + "\">市环保局网站</a></td></tr></table>";
    const FileResult r = lint("g.html", html);
    EXPECT_EQ(findings(r).size(), front ? 1u : 0u) << url;
  }
}

TEST(LinkToHomepage, WordsAroundTheLinkDecide) {
  FileResult r;
  for (const std::string value :
       {"详见市环保局网站：http://hbj.example.gov.cn/", "详见hbj.example.gov.cn",
        "请登录某某省政务服务网（https://www.example.gov.cn/）查看",
        "請登錄市國土局門戶網站 http://gtj.example.gov.cn/index.html 查詢",
        "http://www.example.gov.cn", "点击这里：www.example.gov.cn。"}) {
    EXPECT_EQ(text_findings(value, r).size(), 1u) << value;
  }
  for (const std::string value :
       {"《中华人民共和国环境影响评价法》第二十二条，详见http://www.example.gov.cn/",
        "详见http://www.example.gov.cn/zcfg/2019/t20190107_1.html",
        "申请人须为本市户籍居民详见市民政局网站 http://mzj.example.gov.cn/",
        "咨询邮箱 office@example.gov.cn",
        "收费标准见财政局网站 http://czj.example.gov.cn/，每件10元", "详见市环保局网站",
        "0.5元/件"}) {
    EXPECT_TRUE(text_findings(value, r).empty()) << value;
  }
}

TEST(LinkToHomepage, XmlAndJsonLinks) {
  const FileResult xml =
      lint("g.xml",
           "<guide><name>某某许可</name>\n<conditions label=\"申请条件\"><a "
           "href=\"http://www.example.gov.cn/\">点击查看</a></conditions>\n"
           "<materials label=\"申请材料\"><item><a "
           "href=\"http://www.example.gov.cn/form.doc\">申请表</a>"
           "</item></materials>\n<online label=\"网上办理\"><a "
           "href=\"https://www.example.gov.cn/\">某某政务服务网</a></online></guide>");
  const auto xml_hits = findings(xml);
  ASSERT_EQ(xml_hits.size(), 1u);
  EXPECT_EQ(xml_hits[0].element_id, "conditions");
  EXPECT_EQ(at(xml, xml_hits[0]), "点击查看");

  const FileResult json =
      lint("g.json",
           "{\"task_name\": \"某某许可\", \"accept_condition\": \"<p>详见<a "
           "href=\\\"http://www.example.gov.cn/\\\">官网</a></p>\", \"by_law\": \"详见 "
           "http://www.example.gov.cn/index.html\"}");
  const auto json_hits = findings(json);
  ASSERT_EQ(json_hits.size(), 2u);
  EXPECT_EQ(json_hits[0].element_id, "conditions");
  EXPECT_EQ(at(json, json_hits[0]), "官网");
  EXPECT_EQ(json_hits[1].element_id, "legal_basis");
  EXPECT_EQ(at(json, json_hits[1]), "http://www.example.gov.cn/index.html");
}

TEST(LinkToHomepage, OptionsReplaceTheDefaults) {
  const std::string guide =
      "事项名称：某某许可\n设定依据：详见 http://www.example.gov.cn/\n"
      "申请条件：详见 http://www.example.gov.cn/\n网上办理：https://www.example.gov.cn/\n";
  EXPECT_EQ(findings(lint("g.txt", guide)).size(), 2u);  // online left out by default

  const auto only_basis = with_options("{elements: [legal_basis]}");
  ASSERT_TRUE(only_basis);
  const auto basis = findings(lint("g.txt", guide, only_basis.get()));
  ASSERT_EQ(basis.size(), 1u);
  EXPECT_EQ(basis[0].element_id, "legal_basis");

  const auto everything = with_options("{exclude: []}");
  ASSERT_TRUE(everything);
  EXPECT_EQ(findings(lint("g.txt", guide, everything.get())).size(), 3u);

  // Without 详见 among the phrases, it is content.
  const auto strict = with_options("{phrases: [请登录]}");
  ASSERT_TRUE(strict);
  EXPECT_TRUE(findings(lint("g.txt", guide, strict.get())).empty());

  // Front pages of a site laid out differently.
  const auto portal = with_options("{front_pages: [/portal/*]}");
  ASSERT_TRUE(portal);
  EXPECT_TRUE(findings(lint("g.txt", guide, portal.get())).empty());
  EXPECT_EQ(
      findings(lint("g.txt",
                    "事项名称：某某许可\n设定依据：详见 http://www.example.gov.cn/portal/home\n",
                    portal.get()))
          .size(),
      1u);

  // A site's name ending in a word of one's own.
  FileResult r;
  EXPECT_TRUE(text_findings("详见市环保局专栏 http://www.example.gov.cn/", r).empty());
  const auto sites = with_options("{sites: [专栏]}");
  ASSERT_TRUE(sites);
  EXPECT_EQ(text_findings("详见市环保局专栏 http://www.example.gov.cn/", r, sites.get()).size(),
            1u);

  const auto off = Engine::from_yaml("rules:\n  link-to-homepage: off\n", "c.yaml", ".");
  ASSERT_TRUE(off.engine);
  EXPECT_TRUE(findings(lint("g.txt", guide, off.engine.get())).empty());
}

TEST(LinkToHomepage, BadOptionsAreConfigErrors) {
  EXPECT_EQ(problem("{front_pages: [index.html]}"), "link-to-homepage.invalid-pattern");
  EXPECT_EQ(problem("{elements: [legal_bassis]}"), "config.unknown-element");
  EXPECT_EQ(problem("{exclude: [onlin]}"), "config.unknown-element");
  EXPECT_EQ(problem("{phrases: {a: b}}"), "config.wrong-type");
  EXPECT_EQ(problem("{front_page: [/]}"), "config.unknown-key");
}

TEST(LinkToHomepage, TheRuleIsInTheNationalPack) {
  const EngineResult national = Engine::builtin();
  ASSERT_TRUE(national.engine);
  const auto& rules = national.engine->rules();
  const auto it = std::find_if(rules.begin(), rules.end(),
                               [](const RuleInfo& i) { return i.id == "link-to-homepage"; });
  ASSERT_NE(it, rules.end());
  EXPECT_EQ(it->type, "link-to-homepage");
  EXPECT_EQ(it->severity, Severity::error);
  EXPECT_FALSE(it->description.empty());
}

}  // namespace
}  // namespace guidelint
