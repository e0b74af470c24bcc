#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>

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

TEST(Messages, NoIdIsDefinedTwiceAcrossALocalesFiles) {
  for (const std::string& locale : locales()) {
    std::set<std::string> seen;
    std::size_t files = 0;
    for (const std::string_view bytes : message_files(locale)) {
      ++files;
      for (const auto& kv : YAML::Load(std::string(bytes))) {
        EXPECT_TRUE(seen.insert(kv.first.as<std::string>()).second)
            << locale << ": " << kv.first.as<std::string>() << " is defined twice";
      }
    }
    EXPECT_GE(files, 1u) << locale;
    EXPECT_EQ(seen.size(), message_ids(locale).size()) << locale;
  }
}

// Every template compiles and renders with nothing left unfilled, given a value for each of the
// arguments it names: a number for those it counts with plural, a string for the others.
TEST(Messages, EveryTemplateRendersWithoutLeftoverPlaceholders) {
  const std::regex argument(R"(\{\s*([a-z_]+)\s*(,\s*([a-z]+))?)");
  const std::regex leftover(R"(\{[a-z_]+\})");
  std::size_t checked = 0;
  for (const std::string& locale : locales()) {
    for (const std::string& id : message_ids(locale)) {
      const std::string pattern(message_template(id, locale));
      std::vector<Arg> args;
      std::set<std::string> named;
      for (std::sregex_iterator it(pattern.begin(), pattern.end(), argument), end; it != end;
           ++it) {
        const std::string name = (*it)[1];
        if (!named.insert(name).second) continue;
        if ((*it)[3] == "plural") {
          args.push_back({name, std::int64_t{2}});
        } else {
          args.push_back({name, std::string("x")});
        }
      }
      const std::string text = render(id, args, locale);
      EXPECT_NE(text, id) << locale << " " << id << " does not compile";
      EXPECT_FALSE(std::regex_search(text, leftover)) << locale << " " << id << ": " << text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 60u);
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
