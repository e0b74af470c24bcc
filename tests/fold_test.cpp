#include <gtest/gtest.h>

#include "text/fold.hpp"
#include "text/suggest.hpp"

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

}  // namespace
}  // namespace guidelint::text
