#include <gtest/gtest.h>

#include "text/fold.hpp"
#include "text/suggest.hpp"
#include "text/traditional.hpp"

namespace guidelint::text {
namespace {

TEST(Fold, TraditionalWidthSpacesAndPunctuation) {
  EXPECT_EQ(fold("設立水利旅遊項目審批"), "设立水利旅游项目审批");
  EXPECT_EQ(fold("设立　水利旅游项目审批"), "设立水利旅游项目审批");  // U+3000
  EXPECT_EQ(fold("设定依据："), "设定依据");
  EXPECT_EQ(fold("【设定依据】"), "设定依据");
  EXPECT_EQ(fold("地 址:"), "地址");
  EXPECT_EQ(fold("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(fold("申請材料"), "申请材料");
  EXPECT_EQ(fold("辦理時限"), "办理时限");
  EXPECT_EQ(fold("收費標準"), "收费标准");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("　：:，"), "");
}

TEST(Suggest, FindsCloseNamesOnly) {
  EXPECT_EQ(suggest("requried-element", {"required-element", "thin-content"}), "required-element");
  EXPECT_EQ(suggest("rulse", {"extends", "profile", "rules"}), "rules");
  EXPECT_FALSE(suggest("colour", {"extends", "profile", "rules"}));
  EXPECT_EQ(edit_distance("设定依据", "设立依据"), 1u);
  EXPECT_EQ(edit_distance("rulse", "rules"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(Traditional, ConvertsInContextAndLeavesTheRestAsItIs) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"设定依据", "設定依據"},
      {"收费标准", "收費標準"},  // 准 is 準 here, by context
      {"批准文号：准予许可", "批准文號：准予許可"},
      {"办理时间 (9:00-17:00)", "辦理時間 (9:00-17:00)"},
      // Traditional text, and text both scripts write alike, are returned as they are.
      {"收費標準", "收費標準"},
      {"批准", "批准"},
      {"legal_basis", "legal_basis"},
      {"", ""},
      // Invalid UTF-8 is never handed to ICU, which would replace its bytes.
      {"设定\xB0\xA1依据", "设定\xB0\xA1依据"},
      {"收费标准", "收費標準"},  // the second time, from what was kept
  };
  for (const auto& [in, out] : cases)
    EXPECT_EQ(to_traditional(in), out) << in;
}

TEST(Traditional, SimplifiedOnlyIdeographsAreThoseIcuChanges) {
  EXPECT_TRUE(has_simplified("设"));
  EXPECT_TRUE(has_simplified("ab标"));
  EXPECT_FALSE(has_simplified("設定依據"));
  EXPECT_FALSE(has_simplified("准"));  // both scripts write it
  EXPECT_FALSE(has_simplified("申請"));
  EXPECT_TRUE(has_simplified("申请"));
  EXPECT_FALSE(has_simplified("ASCII \xE8\xAE"));  // a truncated 设
}

}  // namespace
}  // namespace guidelint::text
