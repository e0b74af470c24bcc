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

TEST(Fold, KeepsOffsetsToTheOriginalCharacters) {
  const std::string input = "根据《設立 水利旅遊項目審批》办理";
  Folded f;
  fold(input, f);
  ASSERT_EQ(f.origin.size(), f.text.size() + 1);
  const std::string needle = "设立水利旅游项目审批";
  const auto at = f.text.find(needle);
  ASSERT_NE(at, std::string::npos);
  const auto [b, e] = f.input_range(input, at, at + needle.size());
  EXPECT_EQ(input.substr(b, e - b), "設立 水利旅遊項目審批");
}

TEST(Fold, InputRangeClampsOutOfRangeOffsets) {
  const std::string input = "设立 水利";
  Folded f;
  fold(input, f);
  EXPECT_EQ(f.input_range(input, 0, f.text.size() + 10),
            (std::pair<std::uint32_t, std::uint32_t>{0, 13}));
  EXPECT_EQ(f.input_range(input, 50, 60).first, 13u);
  EXPECT_EQ(Folded{}.input_range(input, 0, 3), (std::pair<std::uint32_t, std::uint32_t>{0, 0}));
}

TEST(Fold, InvalidBytesDoNotBreakOffsets) {
  const std::string input =
      "a\xB0"
      "b";
  Folded f;
  fold(input, f);
  EXPECT_EQ(f.origin.size(), f.text.size() + 1);
  EXPECT_EQ(f.origin.back(), input.size());
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
