// placeholder-content: generic phrases as whole values, references to attachments, marks only,
// template placeholders (and the Latin letters that are not), catch-all entries for review.
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"
#include "rules/content.hpp"
#include "text/fold.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "placeholder-content";

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

// The characters each finding points at, in order.
std::vector<std::string> marked(const FileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic* d : findings(r))
    out.emplace_back(text_at(r, *d));
  return out;
}

std::string arg(const Diagnostic& d, std::string_view name) {
  return testing::arg_of(d, name);
}

std::vector<std::string> config_errors(std::string_view yaml) {
  const EngineResult r = Engine::from_yaml(yaml, "cfg.yaml", ".");
  EXPECT_FALSE(r.engine);
  std::vector<std::string> out;
  for (const FileResult& f : r.problems) {
    for (const Diagnostic& d : f.diagnostics) {
      EXPECT_EQ(d.rule_id, "config-error");
      out.push_back(d.message_id + " " + render_message(d, "en"));
    }
  }
  return out;
}

// ── The defects the national spot check named ────────────────────────────────────────────────

TEST(PlaceholderContent, SeedReportVagueElementsInBothScripts) {
  // 2016年第四次全国政府网站抽查: 审批依据 "相关法规", 申报材料 "相关表格".
  for (const auto& [file, basis, materials] :
       {std::tuple{"rules/placeholder-content/seed-2017-vague-elements.txt", "相关法规",
                   "相关表格"},
        std::tuple{"rules/placeholder-content/seed-2017-vague-elements-zh-Hant.txt", "相關法規",
                   "相關表格"}}) {
    SCOPED_TRACE(file);
    const FileResult r = testing::lint_fixture(file);
    const auto f = findings(r);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(marked(r), (std::vector<std::string>{basis, materials}));
    EXPECT_EQ(f[0]->message_id, "placeholder-content.phrase");
    EXPECT_EQ(f[0]->severity, Severity::error);
    EXPECT_FALSE(f[0]->needs_review);
    EXPECT_EQ(f[0]->element_id, "legal_basis");
    EXPECT_EQ(f[1]->element_id, "materials");
    EXPECT_EQ(arg(*f[0], "phrase"), basis);
    EXPECT_EQ(testing::line_column(r, f[0]->span->begin),
              (std::pair<std::uint32_t, std::uint32_t>{3, 6}));
  }
  const FileResult r =
      testing::lint_fixture("rules/placeholder-content/seed-2017-vague-elements.txt");
  EXPECT_EQ(render_message(*findings(r)[0]), "“审批依据”的内容只有“相关法规”，没有实际内容");
  EXPECT_EQ(render_message(*findings(r)[1], "en"),
            "\"申报材料\" says only \"相关表格\": it has no real content");
}

// ── Whole values ─────────────────────────────────────────────────────────────────────────────

TEST(PlaceholderContent, OnlyTheWholeValueIsAPlaceholder) {
  // Width, punctuation, spaces and script do not matter; the finding is on the phrase itself.
  EXPECT_EQ(marked(lint("事项名称：甲\n设定依据：（ 相关法规 ）。\n")),
            (std::vector<std::string>{"相关法规"}));
  EXPECT_EQ(marked(lint("事项名称：甲\n申请条件：詳見附件\n")),
            (std::vector<std::string>{"詳見附件"}));
  EXPECT_EQ(marked(lint("事项名称：甲\n办理地点：暂无。\n")), (std::vector<std::string>{"暂无"}));
  // The phrase inside real content is not.
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：相关表格及身份证复印件\n")).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请条件：无犯罪记录\n")).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n设定依据：《中华人民共和国水法》及相关法规\n")).empty());
  // A list whose only entry is numbered.
  EXPECT_EQ(marked(lint("事项名称：甲\n申请材料：\n1.相关材料\n")),
            (std::vector<std::string>{"相关材料"}));
  EXPECT_EQ(marked(lint("事项名称：甲\n办理流程：\n（1）详见附件\n")),
            (std::vector<std::string>{"详见附件"}));
}

TEST(PlaceholderContent, MarksOnlyAreReportedOnTheWholeValue) {
  for (const std::string value : {"/", "—", "……", "-", "——"}) {
    SCOPED_TRACE(value);
    const FileResult r =
        lint("<guide><name>甲</name><hours>" + value + "</hours></guide>", "", "g.xml");
    const auto f = findings(r);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message_id, "placeholder-content.phrase");
    EXPECT_EQ(text_at(r, *f[0]), value);
    EXPECT_EQ(f[0]->element_id, "hours");
  }
}

TEST(PlaceholderContent, NoneMeansNoFeeButNotNoLegalBasis) {
  EXPECT_TRUE(findings(lint("事项名称：甲\n收费标准：无\n")).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n收费依据：无\n")).empty());
  EXPECT_EQ(marked(lint("事项名称：甲\n设定依据：无\n")), (std::vector<std::string>{"无"}));
  EXPECT_EQ(marked(lint("事项名称：甲\n申请条件：無\n")), (std::vector<std::string>{"無"}));
  // Generic wording is a placeholder for a fee too; a charge without an amount ("按规定收费") is
  // fee-basis's business.
  EXPECT_EQ(marked(lint("事项名称：甲\n收费标准：按相关规定\n")),
            (std::vector<std::string>{"按相关规定"}));
  EXPECT_TRUE(findings(lint("事项名称：甲\n收费标准：按规定收费\n")).empty());
  EXPECT_EQ(marked(lint("事项名称：甲\n收费标准：详见附件\n")),
            (std::vector<std::string>{"详见附件"}));
}

TEST(PlaceholderContent, ReferencesToAnAttachment) {
  // 004 (海淀): 申报材料 "详见附件2—公共场所申报材料".
  const FileResult r = lint("事项名称：甲\n申报材料：详见附件2—公共场所申报材料\n");
  const auto f = findings(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->message_id, "placeholder-content.reference");
  EXPECT_EQ(text_at(r, *f[0]), "详见附件");
  EXPECT_EQ(arg(*f[0], "text"), "详见附件2—公共场所申报材料");
  EXPECT_EQ(
      render_message(*f[0]),
      "“申报材料”只写了“详见附件2—公共场所申报材料”，让人去看别处（“详见附件”），没有给出实际内容");
  EXPECT_EQ(marked(lint("事项名称：甲\n办理流程：詳見附件1\n")),
            (std::vector<std::string>{"詳見附件"}));
  // Content after the reference: not a placeholder.
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：详见附件：1.申请书；2.身份证\n")).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：详见附件所列的申请书、身份证明、营业执照和场所"
                            "平面图等全部材料\n"))
                  .empty());
  // A phrase without * must be the whole value.
  EXPECT_TRUE(findings(lint("事项名称：甲\n办理地点：见下表中各区县窗口地址\n")).empty());
}

// ── Templates ────────────────────────────────────────────────────────────────────────────────

TEST(PlaceholderContent, TemplatePlaceholdersAreFoundWhereTheyAre) {
  const FileResult r = lint(
      "事项名称：XX市XX许可\n"
      "设定依据：《》第X条；X财综字20XXX号\n"
      "申请条件：申请人在X个工作日内提交，20xx年X月X日前\n"
      "申请材料：××局证明；○○市户籍证明；某某单位介绍信；___年__月填写；【】；（ "
      "）；${item_name}；{{dept}}\n"
      "办理地点：ＸＸＸ\n"
      "办理时间：XX:XX-XX:XX\n");
  EXPECT_EQ(marked(r),
            (std::vector<std::string>{
                "XX",     "XX", "《》", "X",    "X",   "XXX",  "X",     "xx",           "X",
                "X",      "××", "○○",   "某某", "___", "【】", "（ ）", "${item_name}", "{{dept}}",
                "ＸＸＸ", "XX", "XX",   "XX",   "XX"}));
  for (const Diagnostic* d : findings(r)) {
    EXPECT_EQ(d->message_id, "placeholder-content.template");
    EXPECT_EQ(d->severity, Severity::error);
  }
  EXPECT_EQ(arg(*findings(r)[0], "placeholder"), "XX");
  EXPECT_EQ(render_message(*findings(r)[0]), "“事项名称”中有未填写的模板占位符“XX”");
  // In traditional script too.
  EXPECT_EQ(marked(lint("事項名稱：XX縣戶籍登記\n辦理時限：X個工作日\n")),
            (std::vector<std::string>{"XX", "X"}));
}

TEST(PlaceholderContent, TemplatesAnywhereInALongValue) {
  // Long text is passed over in blocks up to the characters a mark or an opening bracket can
  // start with: marks at every offset, between text of the same lead bytes (是 时 “” — 、。，：)
  // that holds none.
  const std::vector<std::string> marks = {
      "XX",   "××",   "○○",    "〇〇", "某某",   "___", "＿＿＿", "【】", "（ ）",
      "［］", "${a}", "{{b}}", "ＸＸ", "ｘｘ",   "✕✕",  "╳╳",     "◯◯",   "﹍﹍﹍",
      "《》", "〖〗", "「」",  "『』", "｛　｝", "( )", "[ ]",    "〈〉", "〔〕"};
  const std::vector<std::string> filler = {"是", "时", "，", "明", "“",  "”",  "—", "、", "政",
                                           "。", "：", "书", "…",  "料", "查", "a", "1"};
  // One mark a value: any one is enough for the whole value to be looked at closely.
  const EngineResult engine = Engine::from_yaml("", "cfg.yaml", ".");
  ASSERT_TRUE(engine.engine);
  const auto text_of = [&](std::size_t length, std::size_t from) {
    std::string out;
    for (std::size_t n = 0; n < length; ++n)
      out += filler[(from + n) % (filler.size() - 2)];  // no letter or digit next to a mark
    return out;
  };
  for (std::size_t shift = 0; shift < 4; ++shift) {
    for (std::size_t k = 0; k < marks.size(); ++k) {
      const std::string text = "申请材料：" + text_of((k * 7 + shift * 5) % 23 + 10, k) + marks[k] +
                               text_of(12 + shift * 3, k + 1) + "\n";
      const FileResult r = engine.engine->lint(std::make_shared<const Source>("g.txt", text), {});
      EXPECT_EQ(marked(r), std::vector<std::string>{marks[k]}) << text;
    }
  }
  // At the end of a value of any length: its last bytes are looked at apart. (A value that folds
  // to nothing is another finding.)
  for (std::size_t length = 0; length < 40; ++length) {
    for (std::size_t k = 0; k < marks.size(); ++k) {
      const std::string text = "申请材料：政" + text_of(length, k) + marks[k] + "\n";
      const FileResult r = engine.engine->lint(std::make_shared<const Source>("g.txt", text), {});
      EXPECT_EQ(marked(r), std::vector<std::string>{marks[k]}) << text;
    }
  }
  std::string plain = "申请材料：";
  for (std::size_t n = 0; n < 200; ++n)
    plain += filler[n % filler.size()];
  EXPECT_TRUE(findings(lint(plain + "\n")).empty());
}

TEST(PlaceholderContent, LatinLettersThatAreNotPlaceholders) {
  const FileResult r = lint(
      "事项名称：X光机放射诊疗许可\n"
      "申请条件：1.具有X射线防护设施 2.通过ISO 9001质量管理体系认证 3.配备CT、DR设备 "
      "4.X线机年检合格 5.使用Windows XP以上系统\n"
      "申请材料：1.法定代表人身份证（11010519491231002X） 2.统一社会信用代码91110000MA0000000X "
      "3.照片尺寸210mm×297mm，2×2厘米 4.□是 □否 5.二○○九年出厂证明 6.○ 申请表 7.XXL号工作服 "
      "8.X0903号表格 9.Xbox taxi\n"
      "办理地点：https://www.xx.gov.cn/xxgk/index.html 某县政务服务中心\n"
      "办理时间：工作日 9:00-17:00（○ 节假日除外）\n"
      "收费标准：（一）不收费\n");
  EXPECT_TRUE(findings(r).empty()) << render_message(*findings(r).at(0));
}

TEST(PlaceholderContent, TemplatesCanBeTurnedOff) {
  EXPECT_TRUE(findings(lint("事项名称：XX市XX许可\n",
                            "rules:\n  placeholder-content:\n    options: {templates: false}\n"))
                  .empty());
}

// ── Catch-all entries ────────────────────────────────────────────────────────────────────────

TEST(PlaceholderContent, CatchAllAfterARealListNeedsReview) {
  const FileResult r = lint(
      "<guide><name>临时救助</name><materials label=\"办理材料\"><item>临时救助申请书</item>"
      "<item>身份证复印件</item><item>其他相关材料（如有）</item></materials></guide>",
      "", "g.xml");
  const auto f = findings(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0]->needs_review);
  EXPECT_EQ(f[0]->message_id, "placeholder-content.catch-all");
  EXPECT_EQ(text_at(r, *f[0]), "其他相关材料（如有）");
  EXPECT_EQ(arg(*f[0], "count"), "2");
  EXPECT_EQ(r.reviews(), 1u);
  // 006 (商洛): a numbered line, the finding without its number.
  const FileResult text = lint(
      "事项名称：临时救助\n办理材料：\n1.申请书\n2.身份证\n3.户口簿\n4.收入证明\n"
      "5.县区规定需要提供的其他资料。\n申请条件：\n1.本市户籍\n2.法律、法规规定的其他条件\n");
  EXPECT_EQ(marked(text),
            (std::vector<std::string>{"县区规定需要提供的其他资料。", "法律、法规规定的其他条件"}));
  EXPECT_EQ(arg(*findings(text)[0], "item"), "县区规定需要提供的其他资料。");
  EXPECT_EQ(render_message(*findings(text)[0]),
            "“办理材料”在 4 "
            "项之后以兜底条目“县区规定需要提供的其他资料。”结束，请确认是否已列明全部具体内容");
  EXPECT_EQ(text.reviews(), 2u);
  for (const Diagnostic* d : findings(text))
    EXPECT_TRUE(d->needs_review);
}

TEST(PlaceholderContent, CatchAllAloneOrDenied) {
  // "Nothing else": not a catch-all.
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请条件：\n1.本市户籍\n2.无其他条件\n")).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：\n1.申请书\n2.不需要其他材料\n")).empty());
  // The first entry is not "after a list"; alone, it is the whole value: an error.
  const FileResult alone = lint("事项名称：甲\n申请材料：其他材料\n");
  ASSERT_EQ(findings(alone).size(), 1u);
  EXPECT_FALSE(findings(alone)[0]->needs_review);
  EXPECT_EQ(findings(alone)[0]->message_id, "placeholder-content.phrase");
}

// ── Options ──────────────────────────────────────────────────────────────────────────────────

TEST(PlaceholderContent, OptionsReplaceTheListsTheyName) {
  // A province that wants 收费标准 to say 不收费, never 无 (the 德州 template).
  const std::string_view strict_fees =
      "rules:\n  placeholder-content:\n    options:\n      phrases: {fees: [无, 暂无]}\n";
  EXPECT_EQ(marked(lint("事项名称：甲\n收费标准：无\n", strict_fees)),
            (std::vector<std::string>{"无"}));
  // Other lists keep their built-in phrases.
  EXPECT_EQ(marked(lint("事项名称：甲\n设定依据：相关法规\n", strict_fees)),
            (std::vector<std::string>{"相关法规"}));
  // A default list of one's own.
  const std::string_view own =
      "rules:\n  placeholder-content:\n    options:\n      phrases:\n"
      "        default: [待补, 见窗口公示*]\n";
  EXPECT_TRUE(findings(lint("事项名称：甲\n设定依据：相关法规\n", own)).empty());
  EXPECT_EQ(marked(lint("事项名称：甲\n办理地点：待補\n", own)),
            (std::vector<std::string>{"待補"}));
  EXPECT_EQ(marked(lint("事项名称：甲\n办理时间：见窗口公示（节假日）\n", own)),
            (std::vector<std::string>{"见窗口公示"}));
  // An empty list: nothing for that element.
  EXPECT_TRUE(
      findings(lint("事项名称：甲\n办理地点：无\n",
                    "rules:\n  placeholder-content:\n    options: {phrases: {place: []}}\n"))
          .empty());
  // Elements checked.
  EXPECT_TRUE(findings(lint("事项名称：甲\n办理地点：无\n",
                            "rules:\n  placeholder-content:\n    options: {exclude: [place]}\n"))
                  .empty());
  EXPECT_EQ(marked(lint("事项名称：XX\n办理地点：无\n",
                        "rules:\n  placeholder-content:\n    options: {elements: [place]}\n")),
            (std::vector<std::string>{"无"}));
  // Catch-alls.
  EXPECT_TRUE(
      findings(lint("事项名称：甲\n申请材料：\n1.申请书\n2.其他材料\n",
                    "rules:\n  placeholder-content:\n    options: {catch_all: {materials: []}}\n"))
          .empty());
  EXPECT_EQ(marked(lint(
                "事项名称：甲\n办理地点：\n1.市民中心\n2.其他窗口\n",
                "rules:\n  placeholder-content:\n    options: {catch_all: {place: [其他窗口]}}\n")),
            (std::vector<std::string>{"其他窗口"}));
  // Severity as for any rule.
  const FileResult w =
      lint("事项名称：甲\n设定依据：相关法规\n", "rules:\n  placeholder-content: warning\n");
  ASSERT_EQ(findings(w).size(), 1u);
  EXPECT_EQ(findings(w)[0]->severity, Severity::warning);
}

TEST(PlaceholderContent, BadOptionsAreConfigErrors) {
  const auto wrong_map =
      config_errors("rules:\n  placeholder-content:\n    options: {phrases: [无, 暂无]}\n");
  ASSERT_EQ(wrong_map.size(), 1u);
  EXPECT_EQ(wrong_map[0], "config.wrong-type \"phrases\" must be a mapping (key: value)");
  const auto unknown =
      config_errors("rules:\n  placeholder-content:\n    options: {phrases: {legal_bass: [无]}}\n");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0],
            "config.unknown-element the profile has no element \"legal_bass\" (did you mean "
            "\"legal_basis\"?)");
  // `default` is for phrases only.
  EXPECT_EQ(
      config_errors("rules:\n  placeholder-content:\n    options: {catch_all: {default: [x]}}\n")
          .size(),
      1u);
  EXPECT_EQ(
      config_errors("rules:\n  placeholder-content:\n    options: {phrases: {fees: {a: 1}}}\n")
          .at(0),
      "config.wrong-type \"fees\" must be a list");
  // Nothing after the key is a mistake, not an empty list (that is `[]`).
  EXPECT_EQ(
      config_errors("rules:\n  placeholder-content:\n    options:\n      phrases:\n        fees:\n")
          .at(0),
      "config.wrong-type \"fees\" must be a list");
  EXPECT_EQ(config_errors("rules:\n  placeholder-content:\n    options:\n      phrases:\n").at(0),
            "config.wrong-type \"phrases\" must be a mapping (key: value)");
  EXPECT_EQ(
      config_errors("rules:\n  placeholder-content:\n    options: {templates: maybe}\n").at(0),
      "config.wrong-type \"templates\" must be a boolean (true/false)");
  EXPECT_EQ(
      config_errors("rules:\n  placeholder-content:\n    options: {elements: [feez]}\n").size(),
      1u);
  EXPECT_EQ(config_errors("rules:\n  placeholder-content:\n    options: {phrase: {}}\n").at(0),
            "config.unknown-key unknown key \"phrase\" (did you mean \"phrases\"?)");
}

}  // namespace
}  // namespace guidelint

TEST(PlaceholderContent, FirstFoldedCharacterAfterAListNumber) {
  using guidelint::rules::content::first_folded;
  EXPECT_EQ(first_folded(""), U'\0');
  EXPECT_EQ(first_folded("详见附件"), U'详');
  EXPECT_EQ(first_folded("關於"), U'关');
  EXPECT_EQ(first_folded("  《办法》"), U'办');
  EXPECT_EQ(first_folded("——"), U'\0');
  EXPECT_EQ(first_folded("1.相关法规"), U'相');
  EXPECT_EQ(first_folded("（一）无"), U'无');
  EXPECT_EQ(first_folded("①、详见附件"), U'详');
  EXPECT_EQ(first_folded("1."), U'\0');
  EXPECT_EQ(first_folded("第"), U'第');
  EXPECT_EQ(first_folded("２０个工作日"), U'2');
}

TEST(PlaceholderContent, CountingFoldedCharactersStopsPastTheLimit) {
  using guidelint::rules::content::code_points;
  using guidelint::rules::content::count_bounded;
  using guidelint::rules::content::fold_bounded;
  // Long values are ruled out by their ideographs alone; the count is the same either way.
  const std::vector<std::string> pieces = {"申", "請", "，", " ", "a", "㎡", "—", "1", "书", "①"};
  for (std::size_t length = 0; length < 90; ++length) {
    std::string text;
    for (std::size_t k = 0; k < length; ++k)
      text += pieces[(k * 7 + length) % pieces.size()];
    const std::size_t folded = code_points(guidelint::text::fold(text));
    for (const std::size_t limit : {0, 1, 5, 10, 20, 40, 60}) {
      std::size_t count = 0;
      EXPECT_EQ(count_bounded(text, limit, &count), folded <= limit) << text << " " << limit;
      EXPECT_EQ(count, std::min(folded, limit + 1)) << text << " " << limit;
      std::string out = "left over";
      count = 0;
      EXPECT_EQ(fold_bounded(text, limit, out, &count), folded <= limit) << text << " " << limit;
      EXPECT_EQ(count, std::min(folded, limit + 1)) << text << " " << limit;
      if (folded <= limit) {
        EXPECT_EQ(out, guidelint::text::fold(text));
      }
    }
  }
}
