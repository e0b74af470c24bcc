// thin-content: procedures of generic step names whatever their separators, per-element minimums
// of characters, entries and steps, what is left to other rules, options and their errors.
#include <gtest/gtest.h>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"
#include "random_text.hpp"
#include "rules/content.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "thin-content";

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

// The message ids of the findings, in order.
std::vector<std::string> ids(const FileResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic* d : findings(r))
    out.push_back(d->message_id);
  return out;
}

using testing::config_errors;

constexpr std::string_view kGoodProcedure =
    "办理流程：\n"
    "1.申请：申请人到市民中心二楼窗口提交申请材料，或通过政务服务网在线申请\n"
    "2.受理：材料齐全的当场受理，不齐全的一次性告知需要补正的内容\n"
    "3.决定：自受理之日起5个工作日内作出决定，结果可邮寄送达\n";

// ── The defect the national spot check named ─────────────────────────────────────────────────

TEST(ThinContent, SeedReportEightCharacterProcedureInBothScripts) {
  // 2016年第四次全国政府网站抽查: 审批程序 "申请-审核-核准-发照", 8 characters.
  for (const auto& [file, value, steps] :
       {std::tuple{"rules/thin-content/seed-2017-eight-character-procedure.txt",
                   "申请-审核-核准-发照", "申请→审核→核准→发照"},
        std::tuple{"rules/thin-content/seed-2017-eight-character-procedure-zh-Hant.txt",
                   "申請-審核-核准-發照", "申請→審核→核准→發照"}}) {
    SCOPED_TRACE(file);
    const FileResult r = testing::lint_fixture(file);
    const auto f = findings(r);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message_id, "thin-content.generic-steps");
    EXPECT_EQ(f[0]->severity, Severity::warning);
    EXPECT_EQ(f[0]->element_id, "procedure");
    EXPECT_EQ(text_at(r, *f[0]), value);
    EXPECT_EQ(arg(*f[0], "steps"), steps);
    EXPECT_EQ(arg(*f[0], "count"), "4");
    EXPECT_EQ(testing::line_column(r, f[0]->span->begin),
              (std::pair<std::uint32_t, std::uint32_t>{7, 6}));
    // The rest of the guide is fine for every content rule.
    for (const Diagnostic& d : r.diagnostics) {
      if (d.rule_id == "placeholder-content" || d.rule_id == "legal-basis-citation")
        ADD_FAILURE() << d.rule_id << ": " << render_message(d);
    }
  }
  const FileResult r =
      testing::lint_fixture("rules/thin-content/seed-2017-eight-character-procedure.txt");
  EXPECT_EQ(render_message(*findings(r)[0]),
            "“审批程序”只有“申请→审核→核准→发照”这样的通用步骤名称（4 个），"
            "没有说明在哪里、向谁、如何办理");
}

// ── Generic steps ────────────────────────────────────────────────────────────────────────────

TEST(ThinContent, GenericStepsWhateverTheSeparators) {
  for (const std::string procedure :
       {"受理→审查→决定→送达", "1.申请 2.受理 3.审核", "申请、受理、审核、发证",
        "申请—受理—审批—办结", "（1）申请（2）受理（3）决定", "①申请②受理③发证",
        "第一步申请，第二步受理，第三步领证", "申请 > 受理 > 审查 > 决定", "申請→受理→審查→決定",
        "申请受理审核发证", "申请及受理，审核后发证"}) {
    SCOPED_TRACE(procedure);
    const FileResult r = lint("事项名称：甲\n办理流程：" + procedure + "\n");
    EXPECT_EQ(ids(r), (std::vector<std::string>{"thin-content.generic-steps"}));
  }
  // One name per XML item.
  const FileResult xml = lint(
      "<guide><name>甲</name><procedure><item>受理</item><item>审查</item><item>决定</item>"
      "</procedure></guide>",
      "", "g.xml");
  ASSERT_EQ(findings(xml).size(), 1u);
  EXPECT_EQ(arg(*findings(xml)[0], "steps"), "受理→审查→决定");
  EXPECT_EQ(text_at(xml, *findings(xml)[0]), "受理</item><item>审查</item><item>决定");
}

TEST(ThinContent, AChainIsStepNamesAndGlueOnlyAndShort) {
  std::string chain;
  for (int k = 0; k < 60; ++k)
    chain += "申请";
  // 120 characters of step names are a chain; 122 are not, and are one step.
  EXPECT_EQ(ids(lint("事项名称：甲\n办理流程：" + chain + "\n")),
            (std::vector<std::string>{"thin-content.generic-steps"}));
  EXPECT_EQ(ids(lint("事项名称：甲\n办理流程：" + chain + "申请\n")),
            (std::vector<std::string>{"thin-content.steps"}));
  // A word that names no step: its characters are counted instead.
  const FileResult r = lint("事项名称：甲\n办理流程：申请、受理、审核、邮寄\n");
  EXPECT_EQ(ids(r), (std::vector<std::string>{"thin-content.chars"}));
  EXPECT_EQ(arg(*findings(r).at(0), "count"), "8");
}

TEST(ThinContent, StepsThatSayWhereOrHowAreNotGeneric) {
  EXPECT_TRUE(findings(lint("事项名称：甲\n" + std::string(kGoodProcedure))).empty());
  // A word beyond the list makes it more than names; the minimums still apply.
  EXPECT_TRUE(
      findings(lint("事项名称：甲\n办理流程：网上申请→窗口受理→现场核查→审批→发证\n")).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n办理流程：申请→受理→审查（5个工作日）→决定\n")).empty());
}

// ── Minimums ─────────────────────────────────────────────────────────────────────────────────

TEST(ThinContent, MinimumsOfCharactersEntriesAndSteps) {
  // 申请条件 "本人": 2 characters, 4 wanted.
  const FileResult conditions = lint("事项名称：甲\n申请条件：本人\n");
  ASSERT_EQ(findings(conditions).size(), 1u);
  const Diagnostic& d = *findings(conditions)[0];
  EXPECT_EQ(d.message_id, "thin-content.chars");
  EXPECT_EQ(d.element_id, "conditions");
  EXPECT_EQ(arg(d, "count"), "2");
  EXPECT_EQ(arg(d, "minimum"), "4");
  EXPECT_EQ(text_at(conditions, d), "本人");
  EXPECT_EQ(render_message(d), "“申请条件”只有 2 个字，少于 4 个字，内容过于简略");
  EXPECT_EQ(render_message(d, "en"),
            "\"申请条件\" has only 2 characters, fewer than 4: too little to be of use");
  // Punctuation and spaces are not counted; traditional characters are.
  EXPECT_EQ(ids(lint("事项名称：甲\n申請條件：本 人 。\n")),
            (std::vector<std::string>{"thin-content.chars"}));
  EXPECT_TRUE(findings(lint("事项名称：甲\n申請條件：本市戶籍居民\n")).empty());
  // 办理地点 and 办理时间 are contact-format's.
  EXPECT_TRUE(findings(lint("事项名称：甲\n办理地点：窗口\n办理时间：工作日\n")).empty());
  // A procedure of one clause has one step.
  const FileResult one = lint("事项名称：甲\n办理流程：申请人到窗口当场办理并领取结果\n");
  ASSERT_EQ(findings(one).size(), 1u);
  EXPECT_EQ(findings(one)[0]->message_id, "thin-content.steps");
  EXPECT_EQ(arg(*findings(one)[0], "count"), "1");
  EXPECT_EQ(arg(*findings(one)[0], "minimum"), "2");
  // Entries: materials need one by default, two here.
  const std::string_view two =
      "rules:\n  thin-content:\n    options:\n      minimums:\n"
      "        materials: {items: 2}\n";
  const FileResult items = lint("事项名称：甲\n申请材料：居民身份证原件\n", two);
  ASSERT_EQ(findings(items).size(), 1u);
  EXPECT_EQ(findings(items)[0]->message_id, "thin-content.items");
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：1.居民身份证原件 2.户口簿\n", two)).empty());
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：\n居民身份证原件\n户口簿\n", two)).empty());
}

TEST(ThinContent, EachGuideIsCountedAfreshOneAfterAnother) {
  // The entries and characters read are kept from guide to guide in memory reused: a long list
  // read first leaves nothing the next guide's count could take for its own.
  const std::string_view two =
      "rules:\n  thin-content:\n    options:\n      minimums:\n"
      "        materials: {items: 2}\n        procedure: {steps: 3}\n";
  for (int round = 0; round < 2; ++round) {
    EXPECT_TRUE(findings(lint("事项名称：甲\n申请材料：1.居民身份证原件 2.户口簿 3.结婚证 "
                              "4.申请表\n办理流程：1.窗口提交 2.科室审查 3.局长签发\n",
                              two))
                    .empty());
    const FileResult short_list =
        lint("事项名称：甲\n申请材料：居民身份证原件\n办理流程：窗口提交，科室审查\n", two);
    EXPECT_EQ(ids(short_list),
              (std::vector<std::string>{"thin-content.items", "thin-content.steps"}));
  }
}

TEST(ThinContent, CharactersAreCountedAsFoldingLeavesThem) {
  // Ideographs in any script count one each, a ligature as its letters, marks not at all.
  for (const std::string_view value :
       {"本ﬁ", "一丁 ㈠", "書ＡＢ、", "書本（丁）", "\u3000甲乙丙。"}) {
    const FileResult r = lint("事项名称：甲\n申请条件：" + std::string(value) + "\n");
    ASSERT_EQ(findings(r).size(), 1u) << value;
    EXPECT_EQ(arg(*findings(r)[0], "count"), "3") << value;
  }
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请条件：書本丁ﬁ\n")).empty());
}

TEST(ThinContent, BlankAndPlaceholderValuesAreLeftToOtherRules) {
  // Blank: required-element; "相关法规", "无", "详见附件": placeholder-content.
  const FileResult r =
      lint("事项名称：甲\n设定依据：相关法规\n办理时间：\n办理流程：1.详见附件\n申请条件：无\n");
  EXPECT_TRUE(findings(r).empty()) << render_message(*findings(r).at(0));
  // Unless the ignore list says otherwise.
  EXPECT_EQ(ids(lint("事项名称：甲\n申请条件：无\n",
                     "rules:\n  thin-content:\n    options: {ignore: []}\n")),
            (std::vector<std::string>{"thin-content.chars"}));
}

// ── Options ──────────────────────────────────────────────────────────────────────────────────

TEST(ThinContent, OptionsReplaceWhatTheyName) {
  // An element's minimum replaced; the others kept.
  const std::string_view lax =
      "rules:\n  thin-content:\n    options:\n      minimums:\n"
      "        conditions: {chars: 2}\n        procedure: {}\n";
  EXPECT_TRUE(findings(lint("事项名称：甲\n申请条件：本人\n", lax)).empty());
  EXPECT_EQ(ids(lint("事项名称：甲\n实施机关：本局\n", lax)),
            (std::vector<std::string>{"thin-content.chars"}));
  // No minimum for the procedure, but generic steps are still reported.
  EXPECT_TRUE(findings(lint("事项名称：甲\n办理流程：当场办结\n", lax)).empty());
  EXPECT_EQ(ids(lint("事项名称：甲\n办理流程：申请-审核\n", lax)),
            (std::vector<std::string>{"thin-content.generic-steps"}));
  // Generic steps off, or other step words.
  EXPECT_TRUE(findings(lint("事项名称：甲\n办理流程：申请-审核-核准-发照\n",
                            "rules:\n  thin-content:\n    options:\n      step_elements: []\n"
                            "      minimums: {procedure: {chars: 0}}\n"))
                  .empty());
  const std::string_view words =
      "rules:\n  thin-content:\n    options:\n      step_words: [递件, 取件]\n";
  EXPECT_EQ(ids(lint("事项名称：甲\n办理流程：递件→取件\n", words)),
            (std::vector<std::string>{"thin-content.generic-steps"}));
  // Not generic any more, but still short.
  EXPECT_EQ(ids(lint("事项名称：甲\n办理流程：申请-审核-核准-发照\n", words)),
            (std::vector<std::string>{"thin-content.chars"}));
  // A new element with a minimum.
  EXPECT_EQ(ids(lint("事项名称：甲\n咨询电话：12345\n",
                     "rules:\n  thin-content:\n    options: {minimums: {phone: {chars: 7}}}\n")),
            (std::vector<std::string>{"thin-content.chars"}));
}

TEST(ThinContent, BadOptionsAreConfigErrors) {
  EXPECT_EQ(
      config_errors("rules:\n  thin-content:\n    options: {minimums: {procedure: {chars: -1}}}\n")
          .at(0),
      "thin-content.invalid-minimum \"chars\" must be a whole number from 0 to 100000, not "
      "\"-1\"");
  EXPECT_EQ(config_errors(
                "rules:\n  thin-content:\n    options: {minimums: {procedure: {chars: many}}}\n")
                .size(),
            1u);
  EXPECT_EQ(
      config_errors("rules:\n  thin-content:\n    options: {minimums: {procedure: {char: 3}}}\n")
          .at(0),
      "config.unknown-key unknown key \"char\" (did you mean \"chars\"?)");
  EXPECT_EQ(
      config_errors("rules:\n  thin-content:\n    options: {minimums: {procedur: {chars: 3}}}\n")
          .at(0),
      "config.unknown-element the profile has no element \"procedur\" (did you mean "
      "\"procedure\"?)");
  EXPECT_EQ(config_errors("rules:\n  thin-content:\n    options: {minimums: [3]}\n").at(0),
            "config.wrong-type \"minimums\" must be a mapping (key: value)");
  EXPECT_EQ(config_errors("rules:\n  thin-content:\n    options: {minimums: {hours: 3}}\n").at(0),
            "config.wrong-type \"hours\" must be a mapping (key: value)");
  // Nothing after the key is a mistake, not "no minimum" (that is `{}`).
  EXPECT_EQ(
      config_errors("rules:\n  thin-content:\n    options:\n      minimums:\n        hours:\n")
          .at(0),
      "config.wrong-type \"hours\" must be a mapping (key: value)");
  EXPECT_EQ(
      config_errors("rules:\n  thin-content:\n    options: {step_elements: [procedures]}\n").size(),
      1u);
  EXPECT_EQ(config_errors("rules:\n  thin-content:\n    options: {step_words: {a: b}}\n").at(0),
            "config.wrong-type \"step_words\" must be a list");
}

TEST(ThinContent, TheBuiltInOptionsFitAProfileWithoutTheirElements) {
  // The national pack's minimums name national elements; a config with a profile of its own
  // still builds, and the content rules run on the elements it has.
  const auto dir = testing::temp_dir("thin-content-profile");
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "p.yaml")
        << "name: tiny\nelements:\n  name: {name: 事项名称, required: true}\n"
           "  conditions: {name: 申请条件, labels: [条件]}\n";
    std::ofstream(dir / "c.yaml") << "profile: ./p.yaml\n";
  }
  const EngineResult r = Engine::from_file(dir / "c.yaml");
  // Whatever other rules of the pack make of the profile, nothing in the content rules' options
  // is a problem.
  for (const FileResult& f : r.problems) {
    const std::string_view pack = f.source->text();
    const std::size_t begin = pack.find("\n  placeholder-content:\n");
    const std::size_t last = pack.find("\n  legal-basis-citation:\n");
    if (begin == std::string_view::npos || last == std::string_view::npos) continue;
    std::size_t end = last + 1;
    do {
      end = pack.find("\n  ", end + 1);
    } while (end != std::string_view::npos && pack.substr(end + 3, 1) == " ");
    for (const Diagnostic& d : f.diagnostics) {
      EXPECT_FALSE(d.span && d.span->begin > begin && d.span->begin < end)
          << f.source->name() << ": " << render_message(d);
    }
  }
  if (r.engine) {
    const FileResult f =
        r.engine->lint(std::make_shared<const Source>("g.txt", "事项名称：甲\n条件：本人\n"), {});
    EXPECT_EQ(ids(f), (std::vector<std::string>{"thin-content.chars"}));
  }
  std::filesystem::remove_all(dir);
}

// ── Entries and steps of an element ──────────────────────────────────────────────────────────

// The pieces of the text the items cover, joined by '|'.
std::string pieces(const Element& e, const std::vector<Item>& items) {
  std::string out;
  for (const Item& i : items) {
    if (!out.empty()) out += "|";
    out += e.text.substr(i.begin, i.end - i.begin);
  }
  return out;
}

TEST(ThinContentEntries, SeparatorsAndEnumeratorsInEveryScriptAndWidth) {
  struct Case {
    std::string_view text, entries, steps;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"；１、申請；２、受理；", "１、申請|２、受理", "１、申請|２、受理"},
           {"  1.申请 2.受理 3.決定  ", "1.申请|2.受理|3.決定", "1.申请|2.受理|3.決定"},
           {"第一步申請→第二步審核", "第一步申請→第二步審核", "第一步申請|第二步審核"},
           {"（一）申请—（二）受理", "（一）申请—|（二）受理", "（一）申请|（二）受理"},
           {"9:00-17:00，申請-審核", "9:00-17:00，申請-審核", "9:00-17:00|申請|審核"},
           {"—申请—", "—申请—", "申请"},
           {"申请；", "申请", "申请"},
           {"①申請②受理③發照", "①申請|②受理|③發照", "①申請|②受理|③發照"},
           {"一、申请 二、受理", "一、申请|二、受理", "一、申请|二、受理"},
           {"申请一、受理", "申请一、受理", "申请一、受理"},
           {"１．申請　２．受理", "１．申請|２．受理", "１．申請|２．受理"},
       }) {
    SCOPED_TRACE(c.text);
    Element e;
    e.text = c.text;
    EXPECT_EQ(pieces(e, rules::content::entries(e)), c.entries);
    EXPECT_EQ(pieces(e, rules::content::steps(e)), c.steps);
  }
}

// Ideographs are passed over without being decoded; what is read is what reading every character
// read: the digest of these entries and steps is the one that reading gave.
TEST(ThinContentEntries, ReadAsReadingEveryCharacter) {
  testing::RandomText random(
      "申请|受理|審核|決定|發照|第|一|二|十|步|阶|階|、|，|,|。|.|．|；|;|：|\n|\r| |\t|"
      "\u3000|\u00a0|\u2028|\ufeff|1|12|123|０|１２|（|）|(|)|】|]|①|⑳|⑴|"
      "→|⟶|->|-|—|－|–|~|～|─|＞|9:00-17:00|2019-2020|第一步|第二階|一、|（3）|"
      "（十）|1.|1.5|2、|１．|a|Z|〇|\xe4|\x80|\xff|\xe4\xb8|"
      "\xf0\x9f\x98\x80|𠀀|㐀|\u4dc0|丽",
      20261127);
  testing::Digest digest;
  for (int t = 0; t < 20000; ++t) {
    Element e;
    e.text = random.next(16);
    std::vector<Item> list;
    for (const std::size_t limit : {std::size_t{1}, std::size_t{2}, SIZE_MAX}) {
      rules::content::entries(e, list, limit);
      for (const Item& i : list) {
        digest.add(i.begin);
        digest.add(i.end);
      }
      digest.add(";");
    }
    for (const Item& i : rules::content::steps(e)) {
      digest.add(i.begin);
      digest.add(i.end);
    }
    digest.add("\n");
  }
  EXPECT_EQ(digest.value(), 0x9783a137813e1c41ull);
}

}  // namespace
}  // namespace guidelint
