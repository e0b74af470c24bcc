#include <gtest/gtest.h>

#include <regex>

#include "report/messages.hpp"

namespace guidelint::report {
namespace {

TEST(Messages, EveryIdExistsInEveryLocale) {
  const std::vector<std::string> reference = message_ids("zh-Hans");
  ASSERT_GT(reference.size(), 20u);
  for (const std::string& locale : locales()) {
    EXPECT_EQ(message_ids(locale), reference) << locale;
  }
}

TEST(Messages, EveryTemplateRendersWithoutLeftoverPlaceholders) {
  // Arguments every template may use; numbers for plurals, keywords for selects.
  const std::vector<Arg> args = {
      {"element", "收费标准"},
      {"label", "收费标准"},
      {"problem", "bad_attribute"},
      {"formats", "xml"},
      {"byte", "0xB0"},
      {"encoding", "GBK"},
      {"detail", "x"},
      {"config", "c.yaml"},
      {"key", "k"},
      {"expected", "list"},
      {"pack", "p"},
      {"path", "p"},
      {"value", "v"},
      {"rule", "r"},
      {"type", "t"},
      {"other", "o"},
      {"profile", "p"},
      {"suggestion", "s"},
      {"files", std::int64_t{2}},
      {"guides", std::int64_t{1}},
      {"errors", std::int64_t{0}},
      {"warnings", std::int64_t{1}},
      {"infos", std::int64_t{3}},
      {"reviews", std::int64_t{2}},
      {"fatal", std::int64_t{1}},
      {"limit", std::int64_t{256}},
      {"item", "设立水利旅游项目审批"},
      {"decision", "国发〔2015〕11号"},
      {"decision_title", "国务院关于取消和调整一批行政审批项目等事项的决定"},
      {"decision_date", "2015-02-24"},
      {"decision_known", "yes"},
      {"date_known", "yes"},
      {"years", std::int64_t{11}},
      {"source", "https://www.gov.cn/"},
      {"catalog", "c.yaml"},
      {"action_text", "下放省级"},
      {"agency", "国家某局"},
      {"level", "national"},
      {"target", "provincial"},
      {"phrase", "名称预先核准"}};
  const std::regex leftover(R"(\{[a-z_]+\})");
  for (const std::string& locale : locales()) {
    for (const std::string& id : message_ids(locale)) {
      const std::string text = render(id, args, locale);
      EXPECT_NE(text, id) << locale << " " << id << " does not compile";
      EXPECT_FALSE(std::regex_search(text, leftover)) << locale << " " << id << ": " << text;
    }
  }
}

TEST(Messages, PluralsSelectsAndFallbacks) {
  EXPECT_EQ(render("summary.fatal", {{"fatal", std::int64_t{1}}}, "en"),
            "; 1 file could not be checked");
  EXPECT_EQ(render("summary.fatal", {{"fatal", std::int64_t{3}}}, "en"),
            "; 3 files could not be checked");
  EXPECT_EQ(render("config.wrong-type", {{"key", "rules"}, {"expected", "mapping"}}, "zh-Hans"),
            "“rules”的值应为映射（键: 值）");
  EXPECT_EQ(render("config.unknown-key", {{"key", "rulse"}, {"suggestion", "rules"}}, "en"),
            "unknown key \"rulse\" (did you mean \"rules\"?)");
  EXPECT_EQ(render("io.not-found", {}, "fr"), "文件或目录不存在");  // unknown locale: zh-Hans
  EXPECT_EQ(render("no.such.id", {}, "en"), "no.such.id");
}

TEST(Messages, LocaleNames) {
  EXPECT_EQ(match_locale("zh_TW.UTF-8"), "zh-Hant");
  EXPECT_EQ(match_locale("zh_HK"), "zh-Hant");
  EXPECT_EQ(match_locale("zh-Hant-TW"), "zh-Hant");
  EXPECT_EQ(match_locale("zh_CN.UTF-8"), "zh-Hans");
  EXPECT_EQ(match_locale("en_US.UTF-8"), "en");
  EXPECT_EQ(match_locale("C.UTF-8"), "");
}

}  // namespace
}  // namespace guidelint::report
