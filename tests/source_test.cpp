#include <gtest/gtest.h>

#include "guidelint/guidelint.hpp"

namespace guidelint {
namespace {

TEST(Source, PositionsCountCodePointsAndUtf16Units) {
  // "设定依据：" then a supplementary-plane character (U+20000, two UTF-16 units), then "x".
  const Source s("a.txt", "ab\n设定依据：\xF0\xA0\x80\x80x\n");
  const Position start = s.position(0);
  EXPECT_EQ(start.line, 1u);
  EXPECT_EQ(start.column, 1u);
  const std::uint32_t line2 = 3;
  const Position colon = s.position(line2 + 12);  // after four 3-byte characters
  EXPECT_EQ(colon.line, 2u);
  EXPECT_EQ(colon.column, 5u);
  EXPECT_EQ(colon.column_utf16, 5u);
  const Position x = s.position(line2 + 15 + 4);  // after "：" and U+20000
  EXPECT_EQ(x.column, 7u);
  EXPECT_EQ(x.column_utf16, 8u);
  EXPECT_EQ(x.offset, line2 + 19u);
}

TEST(Source, CrLfAndLoneCrEndLines) {
  const Source s("a.txt", "一\r\n二\r三\n");
  EXPECT_EQ(s.line_count(), 4u);
  EXPECT_EQ(s.line_text(1), "一");
  EXPECT_EQ(s.line_text(2), "二");
  EXPECT_EQ(s.line_text(3), "三");
  EXPECT_EQ(s.position(5).line, 2u);  // "二" starts after "一\r\n"
  EXPECT_EQ(s.position(5).column, 1u);
  EXPECT_EQ(s.position(4).line, 1u);  // the \n of \r\n belongs to line 1
}

TEST(Source, ByteOrderMarkIsSkippedButOffsetsAreOriginal) {
  const Source s("a.xml", "\xEF\xBB\xBF<guide/>");
  EXPECT_EQ(s.text(), "<guide/>");
  EXPECT_EQ(s.position(0).column, 1u);
  EXPECT_EQ(s.position(0).offset, 3u);
  EXPECT_FALSE(s.decode_error());
}

TEST(Source, InvalidUtf8IsReportedAtTheFirstBadByte) {
  const Source s("a.xml", "<guide>\n  ok \xB0\xA1</guide>");
  ASSERT_TRUE(s.decode_error());
  EXPECT_EQ(s.decode_error()->offset, 13u);
  EXPECT_EQ(s.decode_error()->detail, "0xB0");
  const Position p = s.position(s.decode_error()->offset);
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 6u);
}

TEST(Source, OverlongAndSurrogateSequencesAreInvalid) {
  EXPECT_TRUE(Source("a", "\xC0\xAF").decode_error());       // overlong '/'
  EXPECT_TRUE(Source("a", "\xED\xA0\x80").decode_error());   // UTF-16 surrogate
  EXPECT_TRUE(Source("a", "\xE8\xAE").decode_error());       // truncated
  EXPECT_FALSE(Source("a", "\xEF\xBF\xBD").decode_error());  // U+FFFD itself is fine
  EXPECT_FALSE(Source("a", "").decode_error());
}

TEST(Source, InvalidBytesInsideLongCjkRunsAreFound) {
  // The validator checks runs of three-byte characters in bulk; errors inside a run still count.
  std::string run;
  for (int i = 0; i < 40; ++i)
    run += "设定依据";
  EXPECT_FALSE(Source("a", run + "x" + run).decode_error());
  for (const std::string& bad : {std::string("\xE8\x41\x80"), std::string("\xED\xA0\x80"),
                                 std::string("\xE0\x80\xAF"), std::string("\xE8\xAE")}) {
    const std::string text = run + bad + run;
    ASSERT_TRUE(Source("a", text).decode_error()) << bad.size();
    EXPECT_EQ(Source("a", text).decode_error()->offset, run.size());
  }
  // U+E000 and U+D7FF, next to the surrogates, are valid.
  EXPECT_FALSE(Source("a", run + "\xEE\x80\x80\xED\x9F\xBF" + run).decode_error());
}

TEST(Source, PositionsOnVeryLongLinesMatchAPlainCount) {
  // A one-line export: positions use marks along the line; they must agree with counting.
  std::string line;
  for (int i = 0; i < 3000; ++i)
    line += i % 7 == 0 ? "\xF0\xA0\x80\x80" : i % 3 ? "设" : "a";
  const Source s("a", "x\n" + line + "\ny");
  std::uint32_t column = 1;
  std::uint32_t utf16 = 1;
  for (std::size_t i = 0; i <= line.size();) {
    const Position p = s.position(static_cast<std::uint32_t>(2 + i));
    ASSERT_EQ(p.line, 2u);
    ASSERT_EQ(p.column, column) << i;
    ASSERT_EQ(p.column_utf16, utf16) << i;
    if (i == line.size()) break;
    const auto b = static_cast<unsigned char>(line[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xF0 ? 3 : 4;
    i += len;
    ++column;
    utf16 += len == 4 ? 2 : 1;
  }
  EXPECT_EQ(s.position(static_cast<std::uint32_t>(3 + line.size())).line, 3u);
}

TEST(Source, EmptyInputHasOneLine) {
  const Source s("a", "");
  EXPECT_EQ(s.line_count(), 1u);
  EXPECT_EQ(s.position(0).line, 1u);
  EXPECT_EQ(s.position(100).column, 1u);  // clamped
}

TEST(Date, ParsesRealDatesOnly) {
  EXPECT_EQ(Date::parse("2015-02-24"), (Date{2015, 2, 24}));
  EXPECT_FALSE(Date::parse("2015-02-30"));
  EXPECT_FALSE(Date::parse("2015-2-24"));
  EXPECT_FALSE(Date::parse("20150224"));
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_LT(*Date::parse("2015-02-24"), *Date::parse("2016-01-01"));
  EXPECT_EQ(Date::parse("2016-01-05")->to_string(), "2016-01-05");
}

TEST(Severity, RoundTrips) {
  for (Severity s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    EXPECT_EQ(parse_severity(to_string(s)), s);
  }
  EXPECT_FALSE(parse_severity("fatal"));
}

}  // namespace
}  // namespace guidelint
