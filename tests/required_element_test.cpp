#include <gtest/gtest.h>

#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kComplete =
    "<guide>\n"
    "  <name label=\"事项名称\">取水许可</name>\n"
    "  <legal_basis "
    "label=\"设定依据\"><item>《中华人民共和国水法》第四十八条</item></legal_basis>\n"
    "  <agency label=\"实施机关\">某县水利局</agency>\n"
    "  <conditions label=\"申请条件\"><item>取水符合水资源规划</item></conditions>\n"
    "  <materials label=\"申请材料\"><item>取水许可申请书</item></materials>\n"
    "  <procedure "
    "label=\"办理流程\"><item>受理</item><item>审查</item><item>决定</item></procedure>\n"
    "  <legal_time_limit label=\"法定办结时限\">45个工作日</legal_time_limit>\n"
    "  <fee_basis label=\"收费依据\">不收费</fee_basis>\n"
    "  <place label=\"办理地点\">某县政务服务中心二楼</place>\n"
    "  <hours label=\"办理时间\">工作日 9:00-17:00</hours>\n"
    "  <field label=\"联系电话\">0398-1234567</field>\n"
    "</guide>\n";

// Only required-element runs unless a test says otherwise: the other rules have tests of their own.
constexpr std::string_view kOnlyThisRule =
    "extends: []\nprofile: national\nrules:\n  required-element: error\n";

FileResult lint(std::string xml, std::string_view config = kOnlyThisRule) {
  const EngineResult r = Engine::from_yaml(config, "cfg.yaml", ".");
  EXPECT_TRUE(r.engine);
  return r.engine->lint(std::make_shared<const Source>("g.xml", std::move(xml)), {});
}

std::string replace(std::string s, std::string_view from, std::string_view to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(RequiredElement, CompleteGuidePassesThroughAlternativesAndLabels) {
  // time_limit via legal_time_limit, fees via fee_basis, phone via a label on a <field>.
  const FileResult r = lint(std::string(kComplete));
  EXPECT_TRUE(r.diagnostics.empty()) << render_message(r.diagnostics.at(0));
  EXPECT_EQ(r.guides.at(0).name, "取水许可");
}

TEST(RequiredElement, MissingElementPointsAtTheGuide) {
  const FileResult r = lint(replace(std::string(kComplete),
                                    "  <hours label=\"办理时间\">工作日 9:00-17:00</hours>\n", ""));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.rule_id, "required-element");
  EXPECT_EQ(d.message_id, "required-element.missing");
  EXPECT_EQ(d.element_id, "hours");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.guide, 0);
  EXPECT_FALSE(d.fatal);
  EXPECT_EQ(render_message(d), "缺少必备要素“办理时间”");
  // The profile writes its names in simplified script; zh-Hant shows them in traditional.
  EXPECT_EQ(render_message(d, "zh-Hant"), "缺少必備要素「辦理時間」");
  EXPECT_EQ(r.source->position(d.span->begin).line, 1u);
}

TEST(RequiredElement, BlankElementPointsAtTheElement) {
  const FileResult r = lint(replace(std::string(kComplete), "某县政务服务中心二楼", " \u3000 "));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.message_id, "required-element.empty");
  EXPECT_EQ(d.element_id, "place");
  const Position p = r.source->position(d.span->begin);
  EXPECT_EQ(p.line, 10u);
  EXPECT_EQ(p.column, 3u);
}

TEST(RequiredElement, TraditionalLabelsCount) {
  std::string xml =
      replace(std::string(kComplete), "<field label=\"联系电话\">", "<field label=\"聯繫人：\">");
  // 聯繫人 (a contact person) is not a phone label; 聯繫電話 (traditional 联系电话) is.
  EXPECT_EQ(lint(xml).diagnostics.size(), 1u);
  xml = replace(xml, "聯繫人：", "聯繫電話：");
  EXPECT_TRUE(lint(xml).diagnostics.empty());
}

TEST(RequiredElement, OptionsChooseTheElements) {
  const std::string empty = "<guide><name>甲</name></guide>";
  EXPECT_EQ(lint(empty).diagnostics.size(), 10u);
  EXPECT_EQ(lint(empty, "rules:\n  required-element:\n    options: {elements: [fees, phone]}\n")
                .diagnostics.size(),
            2u);
  EXPECT_EQ(
      lint(empty, "rules:\n  required-element:\n    options: {exclude: [fees, phone, agency]}\n")
          .diagnostics.size(),
      7u);
  const FileResult w = lint(empty, "rules:\n  required-element: warning\n");
  EXPECT_EQ(w.count(Severity::warning), 10u);
  EXPECT_EQ(w.count(Severity::error), 0u);
}

TEST(RequiredElement, OneFindingPerElementEvenWhenRepeated) {
  const FileResult r =
      lint(replace(std::string(kComplete), "<place label=\"办理地点\">某县政务服务中心二楼</place>",
                   "<place label=\"办理地点\"></place><place label=\"地址\"> </place>"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "required-element.empty");
}

}  // namespace
}  // namespace guidelint
