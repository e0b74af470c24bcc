#include <gtest/gtest.h>

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <limits>
#include <map>
#include <regex>
#include <set>

#include "report/messages.hpp"
#include "text/traditional.hpp"

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

// The templates are those YAML reads from the message files.
TEST(Messages, TemplatesAreWhatYamlReads) {
  for (const std::string& locale : locales()) {
    std::map<std::string, std::string> yaml;
    for (const std::string_view bytes : message_files(locale)) {
      for (const auto& kv : YAML::Load(std::string(bytes)))
        yaml[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
    ASSERT_FALSE(yaml.empty()) << locale;
    EXPECT_EQ(message_ids(locale).size(), yaml.size()) << locale;
    for (const auto& [id, pattern] : yaml) {
      EXPECT_EQ(message_template(id, locale), pattern) << locale << " " << id;
    }
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

// Rendering into a string appends to what it holds, the same text as render returns, with the
// same fallbacks; a plain template whose argument does not decode leaves no partial text behind.
TEST(Messages, RenderAppendsToAString) {
  const std::vector<std::pair<std::string, std::vector<Arg>>> cases = {
      {"summary.fatal", {{"fatal", std::int64_t{3}}}},
      {"config.unknown-key", {{"key", "rulse"}, {"suggestion", "rules"}}},
      {"io.not-found", {}},
      {"no.such.id", {}},
      {"config.unknown-key", {{"key", "bad\xff"}}},
      {"config.wrong-type", {{"key", "rules"}}}};
  for (const std::string locale : {"en", "zh-Hans", "fr"}) {
    std::string out = "前文 ";
    std::string expected = out;
    for (const auto& [id, args] : cases) {
      render(out, id, args, locale);
      expected += render(id, args, locale);
      EXPECT_EQ(out, expected) << locale << " " << id;
    }
  }
}

// Plain templates ({name} arguments and selects) are filled in without ICU: every template, with
// every kind of argument value, renders as ICU's MessageFormat renders it.
TEST(Messages, RenderedAsIcuRendersThem) {
  const std::regex argument(R"(\{\s*([a-z_]+)\s*(,\s*([a-z]+))?)");
  const std::regex select_key(R"(([A-Za-z0-9_-]+)\s*\{)");
  const auto icu_render = [](const std::string& pattern, const std::string& locale,
                             const std::vector<Arg>& args) {
    const char* icu_locale = locale == "en" ? "en" : locale == "zh-Hant" ? "zh_Hant" : "zh_Hans";
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    const icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(icu_locale),
                                    parse_error, status);
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const Arg& a : args) {
      names.push_back(icu::UnicodeString::fromUTF8(a.name));
      if (const auto* s = std::get_if<std::string>(&a.value)) {
        values.emplace_back(icu::UnicodeString::fromUTF8(*s));
      } else {
        values.emplace_back(static_cast<int64_t>(std::get<std::int64_t>(a.value)));
      }
    }
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
    std::string utf8;
    out.toUTF8String(utf8);
    return U_FAILURE(status) ? std::string("(failed)") : utf8;
  };
  const std::vector<std::variant<std::string, std::int64_t>> values = {
      std::string("收费标准 'x' {y} #|"),
      std::string(""),
      std::string("bad \xB0\xA1 bytes"),
      std::int64_t{0},
      std::int64_t{7},
      std::int64_t{999},
      std::int64_t{1000},
      std::int64_t{-3},
      std::int64_t{-1234567},
      std::int64_t{4294967295},
      std::numeric_limits<std::int64_t>::max(),
      std::numeric_limits<std::int64_t>::min()};
  std::size_t compared = 0;
  for (const std::string& locale : locales()) {
    for (const std::string& id : message_ids(locale)) {
      const std::string pattern(message_template(id, locale));
      std::set<std::string> named;
      for (std::sregex_iterator it(pattern.begin(), pattern.end(), argument), end; it != end;
           ++it) {
        named.insert((*it)[1]);
      }
      // The keys of the template's selects too, so that each of their messages is chosen.
      std::vector<std::variant<std::string, std::int64_t>> tried = values;
      for (std::sregex_iterator it(pattern.begin(), pattern.end(), select_key), end; it != end;
           ++it) {
        tried.emplace_back(std::string((*it)[1]));
      }
      for (const auto& value : tried) {
        std::vector<Arg> args;
        for (const std::string& name : named)
          args.push_back({name, value});
        // zh-Hant shows element names and labels in traditional script.
        std::vector<Arg> shown = args;
        for (Arg& a : shown) {
          const auto* s = std::get_if<std::string>(&a.value);
          if (locale == "zh-Hant" && s != nullptr && (a.name == "element" || a.name == "label"))
            a.value = text::to_traditional(*s);
        }
        std::string want = icu_render(pattern, locale, shown);
        // render falls back to zh-Hans when a template renders empty or not at all.
        if (want.empty() || want == "(failed)") continue;
        if (named.count("suggestion") > 0) {
          want +=
              icu_render(std::string(message_template("note.did-you-mean", locale)), locale, shown);
        }
        EXPECT_EQ(render(id, args, locale), want) << locale << " " << id;
        ++compared;
      }
      if (const std::string want = icu_render(pattern, locale, {});
          !named.empty() && !want.empty() && want != "(failed)") {
        // An argument missing: ICU writes it as it is named.
        EXPECT_EQ(render(id, {}, locale), want) << locale << " " << id;
      }
    }
  }
  EXPECT_GT(compared, 1000u);
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
