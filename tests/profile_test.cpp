#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "config/builtin.hpp"
#include "config/profile.hpp"
#include "text/utf8.hpp"

namespace guidelint::config {
namespace {

Profile national() {
  Problems problems;
  auto p = Profile::load(
      YamlFile{std::make_shared<const Source>(
                   "national.yaml", std::string(*builtin::find("profiles/national.yaml"))),
               &problems});
  EXPECT_TRUE(problems.empty());
  return *p;
}

TEST(StripEnumerator, ClauseNumbersAndBullets) {
  EXPECT_EQ(strip_enumerator("一、事项名称："), "事项名称：");
  EXPECT_EQ(strip_enumerator("二十、办理地点："), "办理地点：");
  EXPECT_EQ(strip_enumerator("（二）申请材料"), "申请材料");
  EXPECT_EQ(strip_enumerator("(三) 申请材料"), "申请材料");
  EXPECT_EQ(strip_enumerator("1、事项名称及编码:"), "事项名称及编码:");
  EXPECT_EQ(strip_enumerator("4.1 办理流程"), "办理流程");
  EXPECT_EQ(strip_enumerator("3. 办理流程"), "办理流程");
  EXPECT_EQ(strip_enumerator("① 申请"), "申请");
  EXPECT_EQ(strip_enumerator("◆ 申請人資格:"), "申請人資格:");
  // Not clause numbers: a word starting with a numeral, a bare number.
  EXPECT_EQ(strip_enumerator("一次性告知"), "一次性告知");
  EXPECT_EQ(strip_enumerator("12345"), "12345");
  EXPECT_EQ(strip_enumerator(""), "");
}

// What strip_enumerator removes starts with a numeral, a digit, an opening bracket or a bullet;
// any other first character (nearly every line's: an ideograph) leaves the text as it is,
// whatever follows it. Every code point, before texts that would complete a clause number.
TEST(StripEnumerator, OnlyNumeralsDigitsBracketsAndBulletsStartOne) {
  constexpr std::u32string_view kStarters =
      U"〇零一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾貳參陸0123456789０１２３４５６７８９(（"
      U"◆◇●○■□★☆※▲►▶•·-*#";
  const auto starts = [&](char32_t c) {
    return kStarters.find(c) != std::u32string_view::npos || (c >= 0x2460 && c <= 0x24FF) ||
           (c >= 0x2776 && c <= 0x2793) || (c >= 0x3220 && c <= 0x3229);
  };
  for (char32_t c = 0; c < 0x110000; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || utf8::is_space(c)) continue;
    std::string first;
    utf8::append(first, c);
    bool stripped = false;
    for (const std::string_view rest :
         {"、事项", ". 办理", "1、事项", ")申请", "二）申请", " 办理"}) {
      const std::string label = first + std::string(rest);
      stripped = stripped || strip_enumerator(label) != label;
    }
    ASSERT_EQ(stripped, starts(c)) << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
}

TEST(Profile, ResolvesLabelVariantsAfterFolding) {
  const Profile p = national();
  const auto id = [&](std::string_view label) {
    const ElementDef* e = p.resolve_label(label);
    return e ? e->id : std::string("-");
  };
  EXPECT_EQ(id("设定依据"), "legal_basis");
  EXPECT_EQ(id("設定依據："), "legal_basis");
  EXPECT_EQ(id("【设定依据】"), "legal_basis");
  EXPECT_EQ(id("三、实施依据："), "legal_basis");
  EXPECT_EQ(id("地 址:"), "place");
  EXPECT_EQ(id("辦公時間:"), "hours");
  EXPECT_EQ(id("◆ 申請人資格"), "conditions");
  EXPECT_EQ(id("十八、收费标准："), "fees");
  EXPECT_EQ(id("承诺 办结 时限"), "promised_time_limit");
  EXPECT_EQ(id("联系电话"), "phone");
  EXPECT_EQ(id("監督投訴電話"), "complaint_phone");
  EXPECT_EQ(id("諮詢電話"), "phone");  // 諮 folds to the variant 谘, then to 咨
  EXPECT_EQ(id("本页浏览次数"), "-");
}

// find() probes a hash of the ids: every id finds its own element, anything else none, in a
// profile large enough for ids to share slots.
TEST(Profile, FindsEachElementByItsIdAndNothingElse) {
  std::string yaml = "name: many\nelements:\n";
  for (int k = 0; k < 200; ++k)
    yaml += "  e" + std::to_string(k) + ":\n    name: 要素" + std::to_string(k) + "\n";
  Problems problems;
  const auto many =
      Profile::load(YamlFile{std::make_shared<const Source>("many.yaml", yaml), &problems});
  ASSERT_TRUE(many) << problems.size();
  for (const Profile& p : {national(), *many}) {
    ASSERT_FALSE(p.elements.empty());
    for (const ElementDef& e : p.elements) {
      EXPECT_EQ(p.find(e.id), &e) << e.id;
      EXPECT_EQ(p.find(e.id + "x"), nullptr) << e.id;
      EXPECT_EQ(p.find("x" + e.id), nullptr) << e.id;
    }
    EXPECT_EQ(p.find(""), nullptr);
    EXPECT_EQ(p.find("e"), nullptr);
  }
  EXPECT_EQ(Profile().find("name"), nullptr);
}

TEST(Profile, ResolvesFieldNamesWithCaseAndSeparatorsIgnored) {
  const Profile p = national();
  const auto id = [&](std::string_view key) {
    const auto [e, field] = p.resolve_name(key);
    return (e ? e->id : std::string("-")) + "/" + std::to_string(static_cast<int>(field));
  };
  const std::string name = std::to_string(static_cast<int>(Field::none));
  EXPECT_EQ(id("task_name"), "name/" + name);
  EXPECT_EQ(id("TASK-NAME"), "name/" + name);
  EXPECT_EQ(id("Task.Name"), "name/" + name);
  // Longer than the names folded on the stack.
  EXPECT_EQ(id("task" + std::string(80, '_') + "NAME"), "name/" + name);
  EXPECT_EQ(id(std::string(80, 'x')), "-/" + name);
  // "name" is the item's name and a material's.
  EXPECT_EQ(id("name"), "name/" + std::to_string(static_cast<int>(Field::material_name)));
  EXPECT_EQ(id("更新时间"), "-/" + std::to_string(static_cast<int>(Field::updated)));
  EXPECT_EQ(id("事项名称"), "name/" + name);  // a label
  EXPECT_EQ(id("no_such_field"), "-/" + name);
}

// Field names that are not ASCII are looked up along a trie, folded as it is read; a name
// resolves as its folded form (fold_key) compared whole with the profile's folded names does.
TEST(Profile, ResolvesNamesThatAreNotAsciiAsTheirFoldedFormsCompare) {
  Problems problems;
  const auto loaded = Profile::load(
      YamlFile{std::make_shared<const Source>(
                   "p.yaml",
                   "elements:\n"
                   "  code:\n    name: 事项编码\n    keys: [item_code, 事项代码, ＸＹ码]\n"
                   "  name:\n    name: 事项名称\n    keys: [task_name]\n"
                   "fields:\n"
                   "  updated: [更新时间, update_date]\n"
                   "  region: [areacode, 行政区划, 事项代码]\n"
                   "  html: ['___']\n"),
               &problems});
  ASSERT_TRUE(loaded) << problems.size();
  const Profile& p = *loaded;
  const std::vector<std::pair<std::string, std::string>> keys = {
      {"item_code", "code"}, {"事项代码", "code"}, {"ＸＹ码", "code"}, {"task_name", "name"}};
  const std::vector<std::pair<std::string, Field>> fields = {
      {"更新时间", Field::updated}, {"update_date", Field::updated}, {"areacode", Field::region},
      {"行政区划", Field::region},  {"事项代码", Field::region},     {"___", Field::html}};
  // What the folded forms say, the first claim of a name winning as in load.
  const auto expected = [&](const std::string& query) {
    const std::string folded = fold_key(query);
    std::string element = "-";
    for (const auto& [key, id] : keys) {
      if (element == "-" && fold_key(key) == folded) element = id;
    }
    Field field = Field::none;
    for (const auto& [key, f] : fields) {
      if (field == Field::none && fold_key(key) == folded) field = f;
    }
    const bool ascii = std::all_of(query.begin(), query.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (element == "-" && !ascii) {
      const ElementDef* e = p.resolve_label(query);
      element = e == nullptr ? "-" : e->id;
    }
    return element + "/" + std::to_string(static_cast<int>(field));
  };
  const auto resolved = [&](const std::string& query) {
    const auto [e, field] = p.resolve_name(query);
    EXPECT_EQ(p.resolve_field(query), field) << query;
    return (e == nullptr ? std::string("-") : e->id) + "/" +
           std::to_string(static_cast<int>(field));
  };
  std::vector<std::string> queries;
  for (const std::string_view name : {"更新时间",
                                      "更新時間",
                                      "更 新_时-间.",
                                      "【更新时间】",
                                      "更新时间：",
                                      "事项代码",
                                      "事項代碼",
                                      "ＸＹ码",
                                      "xy码",
                                      "XY碼",
                                      "ＡＲＥＡＣＯＤＥ",
                                      "Ａrea_Code",
                                      "区划",
                                      "行政区划x",
                                      "事项名称",
                                      "事項名稱",
                                      "：：",
                                      "、",
                                      "更新\xE6时间",
                                      "\xE6\x9B",
                                      "ｕｐｄａｔｅ＿ｄａｔｅ",
                                      "task名"}) {
    queries.emplace_back(name);
    queries.push_back(std::string(name) + std::string(70, '_'));  // longer than on the stack
    queries.push_back(" " + std::string(name));
    queries.push_back(std::string(name) + "码");
  }
  for (const std::string& query : queries)
    EXPECT_EQ(resolved(query), expected(query)) << query;
  EXPECT_EQ(resolved("更新時間"), "-/" + std::to_string(static_cast<int>(Field::updated)));
  EXPECT_EQ(resolved("事項代碼"), "code/" + std::to_string(static_cast<int>(Field::region)));
}

TEST(Profile, NationalMarksTheDocumentedElementsRequired) {
  const Profile p = national();
  std::vector<std::string> required;
  for (const ElementDef& e : p.elements) {
    if (e.required) required.push_back(e.id);
  }
  EXPECT_EQ(required, (std::vector<std::string>{"name", "legal_basis", "agency", "conditions",
                                                "materials", "procedure", "time_limit", "fees",
                                                "place", "hours", "phone"}));
  EXPECT_EQ(p.find("time_limit")->satisfied_by,
            (std::vector<std::string>{"legal_time_limit", "promised_time_limit"}));
}

TEST(Profile, ALabelUsedByTwoElementsIsAnError) {
  Problems problems;
  const auto source = std::make_shared<const Source>("p.yaml",
                                                     "elements:\n"
                                                     "  place:\n"
                                                     "    name: 办理地点\n"
                                                     "    labels: [地址]\n"
                                                     "  hours:\n"
                                                     "    name: 办理时间\n"
                                                     "    labels: [地 址]\n");
  EXPECT_FALSE(Profile::load(YamlFile{source, &problems}));
  auto results = problems.take();
  ASSERT_EQ(results.size(), 1u);
  ASSERT_EQ(results[0].diagnostics.size(), 1u);
  const Diagnostic& d = results[0].diagnostics[0];
  EXPECT_EQ(d.message_id, "config.label-conflict");
  EXPECT_EQ(source->position(d.span->begin).line, 7u);
  EXPECT_EQ(source->position(d.span->begin).column, 14u);
}

struct Loaded {
  std::optional<Profile> profile;
  std::vector<std::string> problems;  // message ids
};

Loaded load(std::string yaml) {
  Problems problems;
  Loaded out;
  out.profile =
      Profile::load(YamlFile{std::make_shared<const Source>("p.yaml", std::move(yaml)), &problems});
  for (const FileResult& f : problems.take()) {
    for (const Diagnostic& d : f.diagnostics)
      out.problems.push_back(d.message_id);
  }
  return out;
}

// Everything a profile says, as text.
std::string described(const Profile& p) {
  std::string out = p.name + "|" + p.title + "\n";
  const auto list = [&](const std::vector<std::string>& items) {
    for (const std::string& item : items)
      out += item + ",";
    out += "|";
  };
  for (const ElementDef& e : p.elements) {
    out += e.id + "|" + e.name + "|" + (e.required ? "required" : "") + "|" +
           (e.list ? "list" : "") + "|";
    list(e.labels);
    list(e.satisfied_by);
    list(e.basis);
    list(e.keys);
    for (const std::string& label : e.labels) {
      const ElementDef* named = p.resolve_label(label);
      out += named ? named->id : "?";
    }
    for (const std::string& key : e.keys) {
      const auto [named, field] = p.resolve_name(key);
      out += (named ? named->id : "?") + std::to_string(static_cast<int>(field));
    }
    out += "\n";
  }
  for (const char* key : {"areacode", "update_date", "html", "material_name", "更新时间"})
    out += std::to_string(static_cast<int>(p.resolve_name(key).second));
  return out;
}

// A profile in the plain form is read from the parser's events, any other from YAML nodes: a
// document marker in front (which the plain reader leaves to yaml-cpp) must change nothing.
TEST(Profile, ThePlainFormReadsAsTheYamlNodesDo) {
  for (const std::string& text :
       {std::string(*builtin::find("profiles/national.yaml")),
        std::string("name: ~\nelements:\n  a:\n    required: false\n    keys: one_key\n"
                    "    labels: []\n    list: true\n  b: {name: 乙, satisfied_by: [a]}\n"
                    "fields:\n  html: [content]\n  region: ~\n")}) {
    const Loaded plain = load(text);
    const Loaded nodes = load("---\n" + text);
    ASSERT_TRUE(plain.profile);
    ASSERT_TRUE(nodes.profile);
    EXPECT_EQ(described(*plain.profile), described(*nodes.profile));
  }
}

// What the plain reading does not cover is read, and reported, as before (some problems leave
// the profile usable, for the config's other problems to be reported with them).
TEST(Profile, WhatThePlainFormDoesNotCoverIsReadAsBefore) {
  const Loaded yes = load("elements:\n  a:\n    required: yes\n    labels: &l [甲]\n");
  ASSERT_TRUE(yes.profile);
  EXPECT_TRUE(yes.profile->elements.at(0).required);
  for (const auto& [text, id] : std::vector<std::pair<std::string, std::string>>{
           {"name: x\n", "config.wrong-type"},
           {"elements: ~\n", "config.wrong-type"},
           {"elements:\n  a: {}\n  a: {}\n", "config.duplicate-key"},
           {"elements:\n  a:\n    name: 甲\n    nmae: 乙\n", "config.unknown-key"},
           {"elements:\n  a:\n    keys: [k]\n  b:\n    keys: [K]\n", "config.key-conflict"},
           {"elements:\n  a:\n    labels: [甲]\n  b:\n    labels: [甲]\n", "config.label-conflict"},
           {"elements:\n  a:\n    satisfied_by: [c]\n", "config.unknown-element"},
           {"elements:\n  a:\n    labels: [~]\n", "config.wrong-type"},
           {"elements:\n  a:\n    required: 2\n", "config.wrong-type"},
           {"elements: {}\nfields: [x]\n", "config.wrong-type"},
           {"elements: {}\nfields:\n  regoin: [x]\n", "config.unknown-key"},
           {"elements: {}\nsoruces: []\n", "config.unknown-key"}}) {
    const Loaded l = load(text);
    ASSERT_FALSE(l.problems.empty()) << text;
    EXPECT_EQ(l.problems[0], id) << text;
  }
}

}  // namespace
}  // namespace guidelint::config
