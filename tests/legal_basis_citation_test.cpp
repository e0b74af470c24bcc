// legal-basis-citation: the citation parser (titles in every bracket and script, document
// numbers, laws named without brackets, article references), and the rule: no citation is an
// error, laws without any article need review, options and their errors.
#include <gtest/gtest.h>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"
#include "random_text.hpp"
#include "rules/content.hpp"

namespace guidelint {
namespace {

using rules::content::Citation;
using rules::content::parse_citations;

constexpr std::string_view kRule = "legal-basis-citation";

// The citations as lines: kind, title (number), articles.
std::vector<std::string> lines(std::string_view text, const rules::content::Citations& c) {
  std::vector<std::string> out;
  for (const Citation& x : c.citations) {
    std::string line = x.kind == Citation::Kind::title  ? "title:"
                       : x.kind == Citation::Kind::bare ? "bare:"
                                                        : "document:";
    line += x.title;
    if (!x.number.empty()) line += "(" + std::string(x.number) + ")";
    if (x.law) line += " law";
    for (const Citation::Article& a : c.articles(x))
      line += " [" + std::string(text.substr(a.begin, a.end - a.begin)) + "]";
    // The span covers what was cited.
    EXPECT_LE(x.end, text.size());
    out.push_back(line);
  }
  for (const Citation::Article& a : c.loose_articles())
    out.push_back("loose:" + std::string(text.substr(a.begin, a.end - a.begin)));
  EXPECT_EQ(c.any_article(), !c.all_articles.empty());
  return out;
}

// A citation as a line, parsed afresh; parsed again into citations kept from every call before,
// as the rule keeps them, it reads the same.
std::vector<std::string> parsed(std::string_view text) {
  const std::vector<std::string> out = lines(text, parse_citations(text));
  static rules::content::Citations kept;
  parse_citations(text, kept);
  EXPECT_EQ(lines(text, kept), out) << text;
  return out;
}

using Lines = std::vector<std::string>;

TEST(LegalBasisCitationParser, TitlesInEveryBracketAndScript) {
  EXPECT_EQ(parsed("《中华人民共和国水法》第四十八条"),
            (Lines{"title:中华人民共和国水法 law [第四十八条]"}));
  EXPECT_EQ(parsed("《中華人民共和國水法》第四十八條"),
            (Lines{"title:中華人民共和國水法 law [第四十八條]"}));
  EXPECT_EQ(parsed("<<中华人民共和国水法>>第7条"), (Lines{"title:中华人民共和国水法 law [第7条]"}));
  EXPECT_EQ(parsed("＜＜取水许可管理办法＞＞第３条"),
            (Lines{"title:取水许可管理办法 law [第３条]"}));
  EXPECT_EQ(parsed("〈公共场所卫生管理条例〉第八条"),
            (Lines{"title:公共场所卫生管理条例 law [第八条]"}));
  // A title inside a title is part of it.
  EXPECT_EQ(parsed("《〈教师资格条例〉实施办法》（教育部令第10号）第十四条"),
            (Lines{"title:〈教师资格条例〉实施办法(教育部令第10号) law [第十四条]"}));
  // 「」 quotes a law by its name (Taiwan), nothing else.
  EXPECT_EQ(parsed("依「戶籍法」第十六條規定"), (Lines{"title:戶籍法 law [第十六條]"}));
  EXPECT_EQ(parsed("填写「申请表」"), (Lines{}));
  // A qualifier in brackets does not hide a law; a notice is not a law.
  EXPECT_EQ(parsed("《植物检疫条例实施细则（林业部分）》第十五条"),
            (Lines{"title:植物检疫条例实施细则（林业部分） law [第十五条]"}));
  EXPECT_EQ(parsed("《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）第二部分"),
            (Lines{"title:国务院关于全面建立临时救助制度的通知(国发〔2014〕47号) [第二部分]"}));
  // Empty or unclosed brackets cite nothing.
  EXPECT_EQ(parsed("《》第三条"), (Lines{"loose:第三条"}));
  // An unclosed bracket: the name is still there.
  EXPECT_EQ(parsed("《中华人民共和国水法"), (Lines{"bare:中华人民共和国水法 law"}));
}

TEST(LegalBasisCitationParser, DocumentNumbers) {
  EXPECT_EQ(parsed("国发〔2015〕11号"), (Lines{"document:国发〔2015〕11号"}));
  EXPECT_EQ(parsed("根据国办发[2016]108号文件"), (Lines{"document:国办发[2016]108号"}));
  EXPECT_EQ(parsed("鲁政办发（2013）17号、鲁人社办发﹝2014﹞第26号"),
            (Lines{"document:鲁政办发（2013）17号", "document:鲁人社办发﹝2014﹞第26号"}));
  EXPECT_EQ(parsed("國發〔2015〕11號"), (Lines{"document:國發〔2015〕11號"}));
  EXPECT_EQ(parsed("依据国务院令第412号"), (Lines{"document:国务院令第412号"}));
  EXPECT_EQ(parsed("农业部令2017年第5号第五条"), (Lines{"document:农业部令2017年第5号 [第五条]"}));
  // Years in brackets without an issuer or number, and numbers without brackets, are not.
  EXPECT_EQ(parsed("（2016年修订）"), (Lines{}));
  EXPECT_EQ(parsed("〔2015〕11号"), (Lines{}));
  EXPECT_EQ(parsed("第5号"), (Lines{}));
}

TEST(LegalBasisCitationParser, LawsNamedWithoutBrackets) {
  EXPECT_EQ(parsed("中华人民共和国行政许可法"), (Lines{"bare:中华人民共和国行政许可法 law"}));
  EXPECT_EQ(parsed("依据中華人民共和國水法第四十八條"),
            (Lines{"bare:中華人民共和國水法 law [第四十八條]"}));
  EXPECT_EQ(parsed("根据食品安全法第三十五条"), (Lines{"bare:食品安全法 law [第三十五条]"}));
  EXPECT_EQ(parsed("依据水法第7条"), (Lines{"bare:水法 law [第7条]"}));
  // Generic words are not a name.
  EXPECT_EQ(parsed("依据相关法律法规"), (Lines{}));
  EXPECT_EQ(parsed("根据有关法律第五条"), (Lines{"loose:第五条"}));
  EXPECT_EQ(parsed("中华人民共和国相关法律法规"), (Lines{}));
  EXPECT_EQ(parsed("依法第三条"), (Lines{"loose:第三条"}));
  // Each pass reads on after what it found: a name right after another, a second name, a
  // reference inside a title.
  EXPECT_EQ(parsed("中华人民共和国水法中华人民共和国行政许可法"),
            (Lines{"bare:中华人民共和国水法中华人民共和国行政许可法 law"}));
  EXPECT_EQ(parsed("中华人民共和国水法、中华人民共和国行政许可法"),
            (Lines{"bare:中华人民共和国水法 law", "bare:中华人民共和国行政许可法 law"}));
  EXPECT_EQ(parsed("《第三条规定》第五条"), (Lines{"title:第三条规定 law [第五条]"}));
  // A broken character at the end of a name: the name is folded whole, and ends as it does then.
  EXPECT_EQ(parsed("《水\xe6\xb3法》"), (Lines{"title:水\xe6\xb3法 law"}));
  EXPECT_EQ(parsed("《条\xe6\xb3例》"), (Lines{"title:条\xe6\xb3例"}));
}

TEST(LegalBasisCitationParser, ArticleReferences) {
  EXPECT_EQ(parsed("《中华人民共和国食品安全法》第三十五条第一款第（二）项"),
            (Lines{"title:中华人民共和国食品安全法 law [第三十五条第一款第（二）项]"}));
  EXPECT_EQ(parsed("《中华人民共和国食品安全法》第三十五条第一款第二项"),
            (Lines{"title:中华人民共和国食品安全法 law [第三十五条第一款第二项]"}));
  EXPECT_EQ(parsed("《中华人民共和国水法》第七条、第四十八条"),
            (Lines{"title:中华人民共和国水法 law [第七条] [第四十八条]"}));
  EXPECT_EQ(parsed("《行政许可法》第十一条至第十三条"),
            (Lines{"title:行政许可法 law [第十一条] [第十三条]"}));
  EXPECT_EQ(parsed("《特种设备安全监察条例》第4.2条"),
            (Lines{"title:特种设备安全监察条例 law [第4.2条]"}));
  EXPECT_EQ(
      parsed("《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）第123项"),
      (Lines{"title:国务院对确需保留的行政审批项目设定行政许可的决定(国务院令第412号) law "
             "[第123项]"}));
  // Each reference belongs to the citation before it.
  EXPECT_EQ(
      parsed("1.《中华人民共和国水法》第四十八条\n2.《取水许可和水资源费征收管理条例》（国务院令第"
             "460号）第二条\n3.《取水许可管理办法》"),
      (Lines{"title:中华人民共和国水法 law [第四十八条]",
             "title:取水许可和水资源费征收管理条例(国务院令第460号) law [第二条]",
             "title:取水许可管理办法 law"}));
  // Not references: 第二批, 第5号, 第三次.
  EXPECT_EQ(parsed("《国务院关于第二批取消152项中央指定地方实施行政审批事项的决定》"),
            (Lines{"title:国务院关于第二批取消152项中央指定地方实施行政审批事项的决定 law"}));
}

// Every character is decoded as utf8::next decodes it, the common ones without it: what is parsed
// is what decoding each with utf8::next parsed. The digest of these citations is the one that
// reading gave, on texts with every bracket, script, width and broken sequence.
TEST(LegalBasisCitationParser, ReadAsEveryCharacterDecodes) {
  EXPECT_EQ(parsed("＜＜取水许可管理办法＞＞（國務院令第４６０號）第３條\xed\xa0\x80"),
            (Lines{"title:取水许可管理办法(國務院令第４６０號) law [第３條]"}));
  EXPECT_EQ(parsed("\xee\x80\x80《水法》"), (Lines{"title:水法 law"}));
  testing::RandomText random(
      "《|》|<<|>>|＜＜|＞＞|〈|〉|«|»|「|」|『|』|＜|＞|\n| |\u3000|中华人民共和国|中華人民共和國|"
      "行政许可法|植物检疫条例|實施細則|辦法|规定|（林业部分）|（试行）|国务院令|令|國務院|第|號|"
      "号|年|国发|〔|〕|［|"
      "］|[|]|(|)|（|）|【|】|﹝|﹞|2015|11|０１２|412|三十五|十|百|〇|○|两|兩|零|.|．|条|條|"
      "款|项|項|目|章|节|節|编|點|部|分|、|，|根据|依据|按照|据|依|有关|相关|本|国家|法律|的|和|"
      "食品安全法|"
      "水法|a|\xe4|\x80|\xff|\xe4\xb8|\xf0\x9f\x98\x80|𠀀|㐀|丽|\ufffd|"
      "\xed\xa0\x80|\xe0\x80\x80|\xee\x80\x80",
      20261127);
  testing::Digest digest;
  rules::content::Citations citations;
  for (int t = 0; t < 20000; ++t) {
    const std::string text = random.next(40);
    rules::content::parse_citations(text, citations);
    for (const rules::content::Citation& c : citations.citations) {
      digest.add(static_cast<std::uint64_t>(c.kind));
      digest.add(c.begin);
      digest.add(c.end);
      digest.add(c.title);
      digest.add(c.number);
      digest.add(c.law);
      digest.add(c.first_article);
      digest.add(c.article_count);
    }
    for (const rules::content::Citation::Article& a : citations.all_articles) {
      digest.add(a.begin);
      digest.add(a.end);
    }
    digest.add(citations.loose);
    digest.add("\n");
  }
  EXPECT_EQ(digest.value(), 0x91edd34d3de481a5ull);
}

// ── The rule ─────────────────────────────────────────────────────────────────────────────────

FileResult lint(std::string text, std::string_view config = "", std::string name = "g.txt") {
  const EngineResult r = Engine::from_yaml(config, "cfg.yaml", ".");
  EXPECT_TRUE(r.engine) << (r.problems.empty() ? "" : render_message(r.problems[0].diagnostics[0]));
  if (!r.engine) return {};
  return r.engine->lint(std::make_shared<const Source>(std::move(name), std::move(text)), {});
}

std::vector<const Diagnostic*> findings(const FileResult& r) {
  return testing::findings_of(r, kRule);
}

std::string_view text_at(const FileResult& r, const Diagnostic& d) {
  return testing::text_of(r, d);
}

std::string arg(const Diagnostic& d, std::string_view name) {
  return testing::arg_of(d, name);
}

using testing::config_errors;

TEST(LegalBasisCitation, SeedReportRelatedRegulationsInBothScripts) {
  // 2016年第四次全国政府网站抽查: 审批依据 "相关法规".
  for (const auto& [file, value] :
       {std::pair{"rules/legal-basis-citation/seed-2017-related-regulations.txt", "相关法规"},
        std::pair{"rules/legal-basis-citation/seed-2017-related-regulations-zh-Hant.txt",
                  "相關法規"}}) {
    SCOPED_TRACE(file);
    const FileResult r = testing::lint_fixture(file);
    const auto f = findings(r);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message_id, "legal-basis-citation.none");
    EXPECT_EQ(f[0]->severity, Severity::error);
    EXPECT_FALSE(f[0]->needs_review);
    EXPECT_EQ(f[0]->element_id, "legal_basis");
    EXPECT_EQ(text_at(r, *f[0]), value);
    EXPECT_EQ(arg(*f[0], "text"), value);
  }
  const FileResult r =
      testing::lint_fixture("rules/legal-basis-citation/seed-2017-related-regulations.txt");
  EXPECT_EQ(
      render_message(*findings(r)[0]),
      "“审批依据”（“相关法规”）没有写明法律法规的名称（如《中华人民共和国行政许可法》第十二条）"
      "或文件文号（如国发〔2015〕11号）");
}

TEST(LegalBasisCitation, ABasisThatNamesNothingIsAnError) {
  for (const std::string basis : {"根据有关规定", "依据相关法律法规", "依據相關法律法規",
                                  "按照国家有关规定办理", "《》第X条", "详见附件"}) {
    SCOPED_TRACE(basis);
    const FileResult r = lint("事项名称：甲\n设定依据：" + basis + "\n");
    const auto f = findings(r);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message_id, "legal-basis-citation.none");
    EXPECT_EQ(text_at(r, *f[0]), basis);  // the whole value
  }
  // A long value is quoted in part.
  const FileResult r = lint(
      "事项名称：甲\n设定依据：根据国家和省有关法律法规以及上级主管部门的相关规定，结合本地实际情况"
      "，"
      "按照有关程序办理本事项\n");
  EXPECT_EQ(arg(*findings(r).at(0), "text"),
            "根据国家和省有关法律法规以及上级主管部门的相关规定，结合本地实际情况，按照有关程…");
}

TEST(LegalBasisCitation, CitationsPass) {
  for (const std::string basis :
       {"《中华人民共和国水法》第四十八条", "《中華人民共和國水法》第四十八條", "国发〔2015〕11号",
        "国办发[2016]108号", "国务院令第412号", "<<中华人民共和国行政许可法>>第十二条",
        "依据中华人民共和国行政许可法第十二条", "鲁政办发〔2013〕17号；鲁人社办发〔2014〕26号",
        "1.《中华人民共和国水法》第四十八条\n2.《取水许可管理办法》"}) {
    SCOPED_TRACE(basis);
    const FileResult r = lint("事项名称：甲\n设定依据：\n" + basis + "\n");
    EXPECT_TRUE(findings(r).empty()) << render_message(*findings(r).at(0));
  }
  // A notice has no articles to name.
  EXPECT_TRUE(findings(lint("事项名称：甲\n设定依据：《国务院关于全面建立临时救助制度的通知》（国发"
                            "〔2014〕47号）\n"))
                  .empty());
}

TEST(LegalBasisCitation, LawsWithoutAnyArticleNeedReview) {
  const FileResult r =
      lint("事项名称：甲\n设定依据：依据《中华人民共和国行政许可法》和《取水许可管理办法》\n");
  const auto f = findings(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0]->needs_review);
  EXPECT_EQ(f[0]->message_id, "legal-basis-citation.no-article");
  EXPECT_EQ(text_at(r, *f[0]), "《中华人民共和国行政许可法》");  // the first law
  EXPECT_EQ(arg(*f[0], "laws"), "《中华人民共和国行政许可法》、《取水许可管理办法》");
  EXPECT_EQ(arg(*f[0], "count"), "2");
  EXPECT_EQ(arg(*f[0], "citations"), "《中华人民共和国行政许可法》；《取水许可管理办法》");
  EXPECT_EQ(r.reviews(), 1u);
  EXPECT_EQ(render_message(*f[0]),
            "“设定依据”引用了《中华人民共和国行政许可法》、《取水许可管理办法》，"
            "但没有写明具体条款（第几条、第几款），请确认");
  EXPECT_EQ(
      render_message(*f[0], "en"),
      "\"设定依据\" cites 《中华人民共和国行政许可法》、《取水许可管理办法》 without naming any "
      "article (第…条, 第…款): please check");
  // Traditional script, a number beside the title.
  const FileResult hant =
      lint("事項名稱：甲\n設定依據：《公共場所衛生管理條例》（國務院令第24號）\n");
  ASSERT_EQ(findings(hant).size(), 1u);
  EXPECT_EQ(arg(*findings(hant)[0], "citations"), "《公共場所衛生管理條例》（國務院令第24號）");
  EXPECT_EQ(text_at(hant, *findings(hant)[0]), "《公共場所衛生管理條例》（國務院令第24號）");
  // Off by option.
  EXPECT_TRUE(findings(lint("事项名称：甲\n设定依据：《中华人民共和国行政许可法》\n",
                            "rules:\n  legal-basis-citation:\n    options: {articles: false}\n"))
                  .empty());
}

TEST(LegalBasisCitation, ElementsByOption) {
  const std::string guide =
      "事项名称：甲\n设定依据：《中华人民共和国水法》第七条\n收费依据：按有关规定\n";
  EXPECT_TRUE(findings(lint(guide)).empty());
  const FileResult r =
      lint(guide,
           "rules:\n  legal-basis-citation:\n    options: {elements: [legal_basis, fee_basis]}\n");
  ASSERT_EQ(findings(r).size(), 1u);
  EXPECT_EQ(findings(r)[0]->element_id, "fee_basis");
  // Blank elements are required-element's business.
  EXPECT_TRUE(findings(lint("事项名称：甲\n设定依据：\n")).empty());
}

TEST(LegalBasisCitation, BadOptionsAreConfigErrors) {
  EXPECT_EQ(
      config_errors("rules:\n  legal-basis-citation:\n    options: {articles: sometimes}\n").at(0),
      "config.wrong-type \"articles\" must be a boolean (true/false)");
  EXPECT_EQ(
      config_errors("rules:\n  legal-basis-citation:\n    options: {elements: [legal]}\n").at(0),
      "config.unknown-element the profile has no element \"legal\"");
  EXPECT_EQ(config_errors("rules:\n  legal-basis-citation:\n    options: {article: true}\n").at(0),
            "config.unknown-key unknown key \"article\" (did you mean \"articles\"?)");
}

}  // namespace
}  // namespace guidelint
