#include <gtest/gtest.h>

#include "config/ignore.hpp"

namespace guidelint::config {
namespace {

TEST(Wildmatch, StarsStayInAFolderDoubleStarsSpanThem) {
  EXPECT_TRUE(wildmatch("*.xml", "a.xml"));
  EXPECT_FALSE(wildmatch("*.xml", "d/a.xml"));
  EXPECT_TRUE(wildmatch("d/*.xml", "d/a.xml"));
  EXPECT_FALSE(wildmatch("d/*.xml", "d/e/a.xml"));
  EXPECT_TRUE(wildmatch("**/a.xml", "a.xml"));
  EXPECT_TRUE(wildmatch("**/a.xml", "d/e/a.xml"));
  EXPECT_TRUE(wildmatch("d/**", "d/e/a.xml"));
  EXPECT_FALSE(wildmatch("d/**", "dd/a.xml"));
  EXPECT_TRUE(wildmatch("a/**/b", "a/b"));
  EXPECT_TRUE(wildmatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(wildmatch("a/**/b", "a/xb"));
  // Two stars inside a name are one star.
  EXPECT_TRUE(wildmatch("a**b", "axxb"));
  EXPECT_FALSE(wildmatch("a**b", "ax/xb"));
}

TEST(Wildmatch, QuestionMarksClassesAndEscapes) {
  EXPECT_TRUE(wildmatch("?.xml", "a.xml"));
  EXPECT_FALSE(wildmatch("?.xml", "ab.xml"));
  EXPECT_FALSE(wildmatch("a?b", "a/b"));
  EXPECT_TRUE(wildmatch("[ab].xml", "b.xml"));
  EXPECT_FALSE(wildmatch("[ab].xml", "c.xml"));
  EXPECT_TRUE(wildmatch("[!ab].xml", "c.xml"));
  EXPECT_TRUE(wildmatch("[^ab].xml", "c.xml"));
  EXPECT_TRUE(wildmatch("file[0-9].xml", "file7.xml"));
  EXPECT_FALSE(wildmatch("file[0-9].xml", "filex.xml"));
  EXPECT_TRUE(wildmatch("[]].xml", "].xml"));
  EXPECT_TRUE(wildmatch("\\*.xml", "*.xml"));
  EXPECT_FALSE(wildmatch("\\*.xml", "a.xml"));
  // An unclosed bracket is itself.
  EXPECT_TRUE(wildmatch("[ab", "[ab"));
  // Names in Chinese are bytes like any others.
  EXPECT_TRUE(wildmatch("草稿*", "草稿-事项.xml"));
}

TEST(IgnoreRules, LastMatchDecidesAndNegationReincludes) {
  IgnoreRules r;
  r.add("# drafts\n*.draft.xml\n\ndrafts/\n!keep.draft.xml\n/top.xml\nsub/deep.xml\n", "/p");
  EXPECT_TRUE(r.ignored("/p/a.draft.xml", false));
  EXPECT_TRUE(r.ignored("/p/x/a.draft.xml", false));  // no slash: at any depth
  EXPECT_FALSE(r.ignored("/p/keep.draft.xml", false));
  EXPECT_TRUE(r.ignored("/p/drafts", true));
  EXPECT_FALSE(r.ignored("/p/drafts", false));         // a trailing slash: folders only
  EXPECT_TRUE(r.ignored("/p/x/drafts/a.xml", false));  // inside an ignored folder
  EXPECT_TRUE(r.ignored("/p/top.xml", false));
  EXPECT_FALSE(r.ignored("/p/x/top.xml", false));  // a leading slash anchors
  EXPECT_TRUE(r.ignored("/p/sub/deep.xml", false));
  EXPECT_FALSE(r.ignored("/p/x/sub/deep.xml", false));  // a slash inside anchors too
  EXPECT_FALSE(r.ignored("/q/a.draft.xml", false));     // outside the file's folder
  EXPECT_FALSE(r.ignored("/p/a.xml", false));
}

TEST(IgnoreRules, NothingInsideAnIgnoredFolderComesBack) {
  IgnoreRules r;
  r.add("old/\n!old/keep.xml\n", "/p");
  EXPECT_TRUE(r.ignored("/p/old/keep.xml", false));
}

TEST(IgnoreRules, LaterFilesWinAndBlanksCommentsAndCrlfAreHandled) {
  IgnoreRules r;
  r.add("*.xml\r\n   \r\n", "/p");
  r.add("!*.xml\n\\#hash.xml\n", "/p/sub");
  EXPECT_TRUE(r.ignored("/p/a.xml", false));
  EXPECT_FALSE(r.ignored("/p/sub/a.xml", false));
  EXPECT_TRUE(r.ignored("/p/sub/#hash.xml", false));
  r.add_pattern("trailing.xml   ", "/p");
  EXPECT_TRUE(r.ignored("/p/trailing.xml", false));
  EXPECT_FALSE(r.empty());
  EXPECT_TRUE(IgnoreRules().empty());
}

}  // namespace
}  // namespace guidelint::config
