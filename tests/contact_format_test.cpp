// contact-format: phone numbers of the mainland (and, when asked, Hong Kong, Macau and Taiwan),
// office hours with days and times, addresses more than a name; options; fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture_support.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "contact-format";

std::vector<const Diagnostic*> hits(const FileResult& r) {
  return testing::findings_of(r, kRule);
}

std::string guide(std::string_view label, std::string_view value) {
  return "事项名称：某项许可\n" + std::string(label) + "：" + std::string(value) + "\n";
}

void expect_pass(const std::string& text, const Engine& e = testing::national_engine()) {
  const FileResult r = testing::lint_text(text, e);
  const auto h = hits(r);
  EXPECT_TRUE(h.empty()) << text << "→ " << render_message(*h.at(0)) << " at \""
                         << testing::text_of(r, *h.at(0)) << "\"";
}

// A copy: callers often pass a result that is gone after the call.
Diagnostic expect_one(const FileResult& r, std::string_view message_id, std::string_view at) {
  static const Diagnostic none;
  const auto h = hits(r);
  EXPECT_EQ(h.size(), 1u) << r.source->text();
  if (h.empty()) return none;
  EXPECT_EQ(h[0]->message_id, message_id) << r.source->text();
  EXPECT_EQ(testing::text_of(r, *h[0]), at) << r.source->text();
  return *h[0];
}

TEST(ContactFormat, InTheNationalPack) {
  const auto& rules = testing::national_engine().rules();
  const auto it =
      std::find_if(rules.begin(), rules.end(), [](const RuleInfo& i) { return i.id == kRule; });
  ASSERT_NE(it, rules.end());
  EXPECT_EQ(it->severity, Severity::warning);
}

TEST(ContactFormat, PlausibleMainlandNumbersPass) {
  for (const char* number :
       {"0371-63901234",
        "（0371）63901234",
        "(0371) 6390 1234",
        "010-82690000",
        "020-38920920",
        "0398-4812345",
        "0398-4812345转8001",
        "0398-4812345-8001",
        "0398-4812345分机8001",
        "03984812345",
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+86-10-82690000",
        "0086 10 82690000",
        "12345",
        "12345（政务服务便民热线）",
        "0755-12345",
        "0410-12367",
        "95598",
        "96123",
        "400-123-4567",
        "800 810 8888",
        "0371-63901234、63905678",
        "0371-63901234/3905678",
        "0371—63901234",
        "０３７１－６３９０１２３４",
        "0371-63901234（工作日9:00-17:00）",
        "0371-63901234，邮编：450000",
        "0372-8181579,监督电话:0372-8112226",
        "电话0371-63901234，网址http://www.example.gov.cn/art/2020/123456.html",
        "0371-63901234；0371-63905678",
        "0371-63901234 0371-63905678"}) {
    expect_pass(guide("咨询电话", number));
  }
  expect_pass(guide("監督投訴電話", "12345"));
}

TEST(ContactFormat, WrongLengthIsReportedAtTheNumber) {
  const FileResult r = testing::lint_text(guide("咨询电话", "电话：0398-481234（工作日）"));
  const Diagnostic& d = expect_one(r, "contact-format.phone-length", "0398-481234");
  EXPECT_EQ(d.element_id, "phone");
  EXPECT_EQ(testing::arg_of(d, "digits"), "10");
  EXPECT_EQ(testing::arg_of(d, "number"), "0398-481234");
  EXPECT_EQ(testing::arg_of(d, "label"), "咨询电话");
  EXPECT_EQ(r.source->position(d.span->begin).line, 2u);
  EXPECT_EQ(r.source->position(d.span->begin).column, 9u);
  // The national pack runs contact-format as a warning.
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_EQ(render_message(d),
            "“咨询电话”中的号码“0398-481234”位数不对（10 位）：应为区号加 7 或 8 位号码、11 位"
            "手机号码或服务热线（如 12345）");

  for (const char* number :
       {"1381234567", "010-1234567", "0371-123456789", "123456", "138 1234 567", "400-123-456"}) {
    expect_one(testing::lint_text(guide("咨询电话", number)), "contact-format.phone-length",
               number);
  }
  // An area code that is none.
  const Diagnostic& area = expect_one(testing::lint_text(guide("聯繫電話", "0000-7654321")),
                                      "contact-format.phone-area-code", "0000-7654321");
  EXPECT_EQ(testing::arg_of(area, "number"), "0000-7654321");
  // Each number on its own: the good one passes, the bad one is reported.
  expect_one(testing::lint_text(guide("咨询电话", "0371-63901234；0371-639012")),
             "contact-format.phone-length", "0371-639012");
}

TEST(ContactFormat, PhoneErrorsAreErrorsWhenTheRuleIs) {
  const auto strict = testing::engine_from("rules:\n  contact-format: error\n");
  const FileResult r =
      testing::lint_text(guide("咨询电话", "0398-481234") + "办理时间：工作日\n", *strict);
  const auto h = hits(r);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0]->severity, Severity::error);    // the phone
  EXPECT_EQ(h[1]->severity, Severity::warning);  // hours: at most a warning
}

TEST(ContactFormat, TraditionalScript) {
  expect_pass(guide("諮詢電話", "0571-88888888轉123"));
  const FileResult r = testing::lint_text("事項名稱：某項許可\n諮詢電話：請洽窗口\n");
  const Diagnostic& d = expect_one(r, "contact-format.phone-missing", "請洽窗口");
  EXPECT_EQ(testing::arg_of(d, "label"), "諮詢電話");
  EXPECT_EQ(render_message(d, "zh-Hant"), "「諮詢電話」中沒有電話號碼");
}

TEST(ContactFormat, NoNumberIsReportedAtTheValue) {
  const FileResult r = testing::lint_text(guide("咨询电话", "请到窗口咨询"));
  const Diagnostic& d = expect_one(r, "contact-format.phone-missing", "请到窗口咨询");
  EXPECT_FALSE(d.needs_review);
  // Dates, postal codes, web addresses and times are not numbers to dial.
  for (const char* value : {"2024-01-01起调整", "邮编450000", "http://www.example.gov.cn/12345678",
                            "工作日9:00-17:00", "QQ：12345678"}) {
    expect_one(testing::lint_text(guide("咨询电话", value)), "contact-format.phone-missing", value);
  }
}

TEST(ContactFormat, WordingThatCanBeLegitimateNeedsReview) {
  // No area code: dialable in the city only.
  const Diagnostic& local = expect_one(testing::lint_text(guide("咨询服务", "87524298")),
                                       "contact-format.phone-no-area-code", "87524298");
  EXPECT_TRUE(local.needs_review);
  // A consultation element that offers another way to ask.
  const Diagnostic& web =
      expect_one(testing::lint_text(guide("咨询方式", "登录政务服务网在线咨询")),
                 "contact-format.phone-elsewhere", "登录政务服务网在线咨询");
  EXPECT_TRUE(web.needs_review);
  // A region the config does not cover.
  const FileResult mo =
      testing::lint_text("事項名稱：查詢政府手續\n電話：(853) 8866 8866(非辦公時間設有留言服務)\n");
  const Diagnostic& d = expect_one(mo, "contact-format.phone-region", "(853) 8866 8866");
  EXPECT_TRUE(d.needs_review);
  EXPECT_EQ(testing::arg_of(d, "region"), "mo");
  EXPECT_EQ(render_message(d, "en"),
            "the number \"(853) 8866 8866\" in \"電話\" is a Macau number, and the regions option "
            "does not include that region");
}

TEST(ContactFormat, RegionsOption) {
  const auto all = testing::engine_from(
      "rules:\n  contact-format:\n    options: {regions: [mainland, hk, mo, tw]}\n");
  for (const char* number :
       {"2111 2777", "(853) 8866 8866", "+852 2111 2777", "02-2345-6789", "(02)2345-6789",
        "0912-345-678", "+886 2 2345 6789", "0371-63901234"}) {
    expect_pass(guide("電話", number), *all);
  }
  const auto hk = testing::engine_from("rules:\n  contact-format:\n    options: {regions: hk}\n");
  expect_pass(guide("查詢", "如有任何查詢,歡迎致電監管局熱線 2111 2777。"), *hk);
  expect_one(testing::lint_text(guide("查詢", "2111 277"), *hk), "contact-format.phone-length",
             "2111 277");
  // Mainland numbers are not Hong Kong ones.
  expect_one(testing::lint_text(guide("電話", "0371-63901234"), *hk), "contact-format.phone-length",
             "0371-63901234");
}

TEST(ContactFormat, OfficeHoursNameDaysAndTimes) {
  for (const char* hours :
       {"周一至周五 上午9:00-12:00，下午13:30-17:00（法定节假日除外）",
        "工作日：9:00—12:00，14:00—17:30", "法定工作日 上午8:30至12:00，下午13:00至17:00",
        "週一至週五,上午 9時至下午 6時(週六、日及政府假期休息)",
        "周一至周四(上午9时-12时,下午1时-5时) 周五(上午9时-12时,下午1时-3时)", "工作日8.30-12.00",
        "星期一至星期五 9：00-17：00", "24小时自助服务"}) {
    expect_pass(guide("办理时间", hours));
  }
  const FileResult days = testing::lint_text(guide("办理时间", "工作日"));
  const Diagnostic& d = expect_one(days, "contact-format.hours-no-times", "工作日");
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_EQ(d.element_id, "hours");
  expect_one(testing::lint_text(guide("办理时间", "上午9:00-12:00")),
             "contact-format.hours-no-days", "上午9:00-12:00");
  expect_one(testing::lint_text(guide("办理时间", "按政务中心作息时间")),
             "contact-format.hours-vague", "按政务中心作息时间");
  expect_one(testing::lint_text(guide("辦公時間", "週一至週五")), "contact-format.hours-no-times",
             "週一至週五");
}

TEST(ContactFormat, AddressesSayMoreThanAName) {
  for (const char* place :
       {"天河区珠江新城华利路61号广州市政务服务中心6楼", "滑县便民服务中心林业局窗口",
        "某县政务服务中心二楼", "某市人民大道100号", "某街道便民服务中心3号窗口",
        "澳門水坑尾街162號公共行政大樓地下大堂", "全程网上办理，无需到现场"}) {
    expect_pass(guide("办理地点", place));
  }
  const FileResult r = testing::lint_text(guide("办理地点", "某县政务服务中心"));
  const Diagnostic& d = expect_one(r, "contact-format.place-vague", "某县政务服务中心");
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_EQ(testing::arg_of(d, "label"), "办理地点");
  // 街道 is a district here, not a street.
  expect_one(testing::lint_text(guide("办理地点", "户籍所在地乡镇人民政府（街道办事处）")),
             "contact-format.place-vague", "户籍所在地乡镇人民政府（街道办事处）");
  expect_one(testing::lint_text(guide("辦理地點", "某市")), "contact-format.place-vague", "某市");
}

TEST(ContactFormat, WordsAreFoundAcrossSpacesAndMarks) {
  // Folding removes spaces and punctuation from the text as from the words.
  expect_pass(guide("办理时间", "工 作 日 9:00-17:00"));
  expect_pass(guide("办理时间", "週一至週五　上 午 9時至下午6時"));
  expect_pass(guide("办理地点", "某市人民大道 100號"));
  // Of words that overlap, the longest that starts first: 街道办事处 written apart is no street;
  // a building after it is an address.
  expect_one(testing::lint_text(guide("办理地点", "某街 道办事处")), "contact-format.place-vague",
             "某街 道办事处");
  expect_pass(guide("办理地点", "某街道办事处旁金融大厦"));
}

TEST(ContactFormat, OptionsOverrideTheDefaults) {
  // Words of one's own.
  const auto words = testing::engine_from(
      "rules:\n  contact-format:\n    options:\n      address_words: [中心]\n"
      "      day_words: [逢墟日]\n      time_words: [全天]\n      hotlines: ['12345', "
      "'9611xxxx']\n");
  expect_pass(guide("办理地点", "某县政务服务中心"), *words);
  expect_pass(guide("办理时间", "逢墟日全天"), *words);
  expect_pass(guide("咨询电话", "96110000"), *words);
  expect_one(testing::lint_text(guide("咨询电话", "95598"), *words), "contact-format.phone-length",
             "95598");
  // Elements: hours not checked, the agency's phone field checked as a phone.
  const auto elements = testing::engine_from(
      "rules:\n  contact-format:\n    options: {hours_elements: [], phone_elements: [phone]}\n");
  expect_pass(guide("办理时间", "工作日"), *elements);
  expect_pass(guide("投诉电话", "无"), *elements);
}

TEST(ContactFormat, WordsBeforeDigitsThatAreNoNumber) {
  // Read back from the digits across spaces and marks; a word that only ends alike is not one.
  for (const char* value : {"邮政编码：450000", "编 码 450000", "QQ群 12345678"})
    expect_pass(guide("咨询电话", std::string("0371-63901234，") + value));
  expect_one(testing::lint_text(guide("咨询电话", "0371-63901234，密码450000")),
             "contact-format.phone-length", "450000");
}

TEST(ContactFormat, HotlinesOfEveryLength) {
  // Numbers are ruled out as hotlines by their length first; the longest hotlines share one.
  const auto e =
      testing::engine_from("rules:\n  contact-format:\n    options:\n      hotlines: ['12345', '1" +
                           std::string(69, 'x') + "', '2" + std::string(62, 'x') + "']\n");
  expect_pass(guide("咨询电话", "12345"), *e);
  expect_pass(guide("咨询电话", "1" + std::string(69, '0')), *e);
  expect_pass(guide("咨询电话", "2" + std::string(62, '0')), *e);
  for (const std::string& number : {std::string("12315"), "1" + std::string(63, '0'),
                                    "1" + std::string(68, '0'), "2" + std::string(69, '0')})
    expect_one(testing::lint_text(guide("咨询电话", number), *e), "contact-format.phone-length",
               number);
}

TEST(ContactFormat, BadOptionsAreConfigErrors) {
  for (const char* yaml : {
           "rules:\n  contact-format:\n    options: {regions: [mainland, macau]}\n",
           "rules:\n  contact-format:\n    options: {regions: []}\n",
           "rules:\n  contact-format:\n    options: {hotlines: [12345, 'abc']}\n",
           "rules:\n  contact-format:\n    options: {phone_elements: [phon]}\n",
           "rules:\n  contact-format:\n    options: {day_words: {a: 1}}\n",
           "rules:\n  contact-format:\n    options: {address_words: }\n",
           "rules:\n  contact-format:\n    options: {region: [hk]}\n",
       }) {
    const EngineResult r = Engine::from_yaml(yaml, "cfg.yaml", ".");
    EXPECT_FALSE(r.engine) << yaml;
    ASSERT_FALSE(r.problems.empty()) << yaml;
    ASSERT_FALSE(r.problems[0].diagnostics.empty()) << yaml;
    EXPECT_EQ(r.problems[0].diagnostics[0].rule_id, "config-error") << yaml;
    EXPECT_TRUE(r.problems[0].diagnostics[0].span.has_value()) << yaml;
  }
}

TEST(ContactFormat, XmlSpans) {
  const std::string xml =
      "<guide>\n  <name>某项许可</name>\n  <phone label=\"咨询电话\">0398-481234</phone>\n"
      "  <place label=\"办理地点\">某市</place>\n</guide>\n";
  const FileResult r = testing::lint_text(xml, testing::national_engine(), "g.xml");
  const auto h = hits(r);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(testing::text_of(r, *h[0]), "0398-481234");
  EXPECT_EQ(r.source->position(h[0]->span->begin).line, 3u);
  EXPECT_EQ(testing::text_of(r, *h[1]), "某市");
}

std::vector<std::string> probes() {
  std::vector<std::string> out;
  for (const char* v :
       {"0371-63901234", "0371-6390123", "87524298", "12367", "96123", "40012345678",
        "+852 2111 2777", "邮编450000", "QQ：12345678", "1381234567", "无", "在线咨询",
        "0398-4812345转801", "0086 10 82690000", "110", "12110"}) {
    out.push_back(guide("咨询电话", v));
    out.push_back(guide("咨询方式", v));
  }
  for (const char* v : {"工作日", "周一至周日", "星期六", "上午", "9:00-17:00", "全天", "假期9时",
                        "每天", "礼拜一"}) {
    out.push_back(guide("办理时间", v));
  }
  for (const char* v :
       {"某市", "某路", "某巷", "3号", "某楼", "某大道", "街道办", "某街道", "网上办理", "某大堂",
        "某柜台", "某胡同", "某弄", "某室", "某座", "某幢", "某栋", "某单元"}) {
    out.push_back(guide("办理地点", v));
  }
  return out;
}

// The options the national pack writes out are those the rule has without any.
TEST(ContactFormat, PackOptionsAreTheBuiltInDefaults) {
  const auto bare = testing::engine_from("rules:\n  contact-format:\n    options: {}\n");
  EXPECT_GT(testing::expect_same_findings(testing::national_engine(), *bare, kRule, probes()), 5u);
}

// tests/fixtures/rules/contact-format: the 2016 spot check's guides without 联系方式, 机构地址 and
// 办公时间 worth the name, and a guide that passes.
std::string fixture(const std::string& name) {
  return testing::read_fixture("rules/contact-format/" + name);
}

TEST(ContactFormat, Fixtures) {
  expect_one(testing::lint_text(fixture("no-contact-number.txt")), "contact-format.phone-missing",
             "详见网站首页");
  expect_one(testing::lint_text(fixture("address-without-street.txt")),
             "contact-format.place-vague", "某市出入境管理支队");
  expect_one(testing::lint_text(fixture("hours-without-times.txt")),
             "contact-format.hours-no-times", "工作日");
  expect_one(testing::lint_text(fixture("wrong-length.xml"), testing::national_engine(),
                                "wrong-length.xml"),
             "contact-format.phone-length", "0973-812345");
  EXPECT_TRUE(hits(testing::lint_text(fixture("good.txt"))).empty());
}

}  // namespace
}  // namespace guidelint
