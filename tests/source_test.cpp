#include <gtest/gtest.h>

#include <unicode/ucnv.h>

#include <algorithm>
#include <string>
#include <vector>

#include "guidelint/guidelint.hpp"
#include "source/decode.hpp"
#include "text/utf8.hpp"

namespace guidelint {
namespace {

// Element::blank decides most values by their first byte; every kind of space must still count.
TEST(Element, BlankWhateverTheSpaceAndNotOtherwise) {
  const auto blank = [](std::string text) {
    Element e;
    e.text = std::move(text);
    return e.blank();
  };
  EXPECT_TRUE(blank(""));
  std::string all;
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (!utf8::is_space(cp)) continue;
    std::string one;
    utf8::append(one, cp);
    all += one;
    EXPECT_TRUE(blank(one)) << static_cast<std::uint32_t>(cp);
    EXPECT_FALSE(blank(one + "x")) << static_cast<std::uint32_t>(cp);
  }
  EXPECT_TRUE(blank(all));
  for (const char* text : {"a", "~", "\x7f", "中", "《法》", "\xe9\xbf\xbf", "\xef\xbc\x9a",
                           "\xc2\xa9", "\xe2\x80\x94", "\xff", "\xe3\x80", " \xe4\xb8\xad"}) {
    EXPECT_FALSE(blank(text)) << text;
  }
}

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

TEST(Source, LinesOfLongInputsWhereverTheirBreaksAre) {
  // Line breaks are found in blocks (the last ones ending at the end of the text); a \r anywhere,
  // however far in, changes how lines end.
  for (const std::string& tail :
       {std::string(), std::string("x\r\ny"), std::string("x\ry\r"), std::string("\n\n\r")}) {
    for (std::size_t length :
         {1u, 31u, 32u, 33u, 63u, 64u, 65u, 95u, 96u, 97u, 100u, 127u, 128u, 129u, 1000u}) {
      std::string text;
      while (text.size() < length)
        text += text.size() % 5 == 4 ? "\n" : "设";
      // The \r after the rest, in its middle (between characters), and before it.
      std::size_t at = length % 3 == 0 ? 0 : length % 3 == 1 ? text.size() / 2 : text.size();
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        ++at;
      text.insert(at, tail);
      std::vector<std::string_view> lines;
      std::size_t begin = 0;
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
          lines.push_back(std::string_view(text).substr(begin, i - begin));
          if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
          begin = i + 1;
        }
      }
      const Source s("a.txt", text);
      ASSERT_EQ(s.line_count(), lines.size()) << length << " " << tail.size();
      for (std::size_t l = 0; l < lines.size(); ++l) {
        EXPECT_EQ(s.line_text(static_cast<std::uint32_t>(l + 1)), lines[l]) << length << " " << l;
      }
    }
  }
}

// Every length up to past two blocks of 64 bytes, breaks anywhere up to the very last byte.
TEST(Source, LinesOfEveryLengthAndEveryEnd) {
  for (std::size_t length = 0; length <= 160; ++length) {
    for (const std::size_t every : {1u, 7u}) {
      std::string text;
      for (std::size_t i = 0; i < length; ++i)
        text += i % every == every - 1 || i + 1 == length ? '\n' : 'a';
      const Source s("a.txt", text);
      const std::size_t breaks =
          static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
      ASSERT_EQ(s.line_count(), breaks + 1) << length << " " << every;
      std::size_t begin = 0;
      for (std::uint32_t l = 1; l <= breaks; ++l) {
        const std::size_t end = text.find('\n', begin);
        EXPECT_EQ(s.line_text(l), std::string_view(text).substr(begin, end - begin)) << length;
        EXPECT_EQ(s.position(static_cast<std::uint32_t>(end + 1)).line, l + 1) << length;
        begin = end + 1;
      }
    }
  }
}

TEST(Source, ByteOrderMarkIsSkippedButOffsetsAreOriginal) {
  const Source s("a.xml", "\xEF\xBB\xBF<guide/>");
  EXPECT_EQ(s.text(), "<guide/>");
  EXPECT_EQ(s.position(0).column, 1u);
  EXPECT_EQ(s.position(0).offset, 3u);
  EXPECT_FALSE(s.decode_error());
}

TEST(Source, InvalidUtf8IsReportedAtTheFirstBadByteWhenUtf8IsDeclared) {
  const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const Source s("a.xml", head + "<guide>\n  ok \xB0\xA1</guide>");
  ASSERT_TRUE(s.decode_error());
  EXPECT_EQ(s.decode_error()->message_id, "input.invalid-utf8");
  EXPECT_EQ(s.decode_error()->offset, head.size() + 13);
  EXPECT_EQ(s.decode_error()->detail, "0xB0");
  const Position p = s.position(s.decode_error()->offset);
  EXPECT_EQ(p.line, 3u);
  EXPECT_EQ(p.column, 6u);
}

TEST(Utf8, OverlongSurrogateAndTruncatedSequencesAreInvalid) {
  EXPECT_EQ(utf8::find_invalid("\xC0\xAF"), 0u);                          // overlong '/'
  EXPECT_EQ(utf8::find_invalid("a\xED\xA0\x80"), 1u);                     // UTF-16 surrogate
  EXPECT_EQ(utf8::find_invalid("ab\xE8\xAE"), 2u);                        // truncated
  EXPECT_EQ(utf8::find_invalid("\xF4\x90\x80\x80"), 0u);                  // beyond U+10FFFF
  EXPECT_EQ(utf8::find_invalid("\xEF\xBF\xBD"), std::string_view::npos);  // U+FFFD itself
  EXPECT_EQ(utf8::find_invalid(""), std::string_view::npos);
}

TEST(Utf8, InvalidBytesInsideLongCjkRunsAreFound) {
  // The validator checks runs of three-byte characters in bulk; errors inside a run still count.
  std::string run;
  for (int i = 0; i < 40; ++i)
    run += "设定依据";
  EXPECT_EQ(utf8::find_invalid(run + "x" + run), std::string_view::npos);
  for (const std::string& bad : {std::string("\xE8\x41\x80"), std::string("\xED\xA0\x80"),
                                 std::string("\xE0\x80\xAF"), std::string("\xE8\xAE")}) {
    EXPECT_EQ(utf8::find_invalid(run + bad + run), run.size()) << bad.size();
  }
  // U+E000 and U+D7FF, next to the surrogates, are valid.
  EXPECT_EQ(utf8::find_invalid(run + "\xEE\x80\x80\xED\x9F\xBF" + run), std::string_view::npos);
}

TEST(Utf8, FindInvalidAgreesWithDecodingOneCodePointAtATime) {
  // Long inputs are checked in blocks; whatever the block boundaries, the offset is the one a
  // plain decode finds first.
  const auto first_bad = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t at = i;
      if (utf8::next(s, i) == utf8::kReplacement && i - at == 1) return at;
    }
    return std::string_view::npos;
  };
  const std::vector<std::string> good = {"a",
                                         "<b>",
                                         "设",
                                         "依",
                                         "é",
                                         "\xF0\x9F\x98\x80",
                                         "\xEF\xBF\xBD",
                                         "\xED\x9F\xBF",
                                         "\xEE\x80\x80",
                                         "\xF4\x8F\xBF\xBF",
                                         "\xE0\xA0\x80",
                                         "\xF0\x90\x80\x80"};
  const std::vector<std::string> bad = {"\x80",
                                        "\xC0\xAF",
                                        "\xC1\xBF",
                                        "\xED\xA0\x80",
                                        "\xF4\x90\x80\x80",
                                        "\xE4\xB8",
                                        "\xF5\x80\x80\x80",
                                        "\xFF",
                                        "\xC2",
                                        "\xE0\x80\x80",
                                        "\xF0\x80\x80\x80",
                                        "\xF0\x9F\x98",
                                        "\xBF\xBF",
                                        "\xF8\x88\x80\x80\x80"};
  std::uint32_t state = 12345;
  const auto random = [&](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  std::size_t invalid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const std::uint32_t length = random(300);
    while (s.size() < length)
      s += good[random(static_cast<std::uint32_t>(good.size()))];
    for (std::uint32_t k = random(3); k > 0; --k) {
      const std::size_t at = random(static_cast<std::uint32_t>(s.size() + 1));
      s.insert(at, bad[random(static_cast<std::uint32_t>(bad.size()))]);
    }
    if (random(4) == 0) s.resize(random(static_cast<std::uint32_t>(s.size() + 1)));
    const std::size_t want = first_bad(s);
    invalid += want != std::string_view::npos;
    ASSERT_EQ(utf8::find_invalid(s), want) << round;
  }
  EXPECT_GT(invalid, 5000u);
}

// Random text with every kind of line break and characters of every length, so that breaks fall
// anywhere in and across blocks.
std::string random_text(std::uint32_t& state) {
  // The first two alone make text without a \r, as most is.
  static const std::vector<std::string> pieces = {
      "设", "\n", "a", "<b>", "\r", "\r\n", "\n\n", "é", "\xF0\x9F\x98\x80", "\xE0\xA0\x80", "依"};
  const auto random = [&](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  std::string s;
  const bool long_lines = random(4) == 0;  // over 4 KiB, where columns are marked
  const std::uint32_t length = long_lines ? random(12000) : random(200);
  const auto kinds = random(3) == 0 ? 2u : static_cast<std::uint32_t>(pieces.size());
  while (s.size() < length)
    s += pieces[random(long_lines ? 3000 : 4) == 0 ? random(kinds) : 0];
  return s;
}

// Positions are counted from the line's start or a mark on a long line, a block at a time.
TEST(Source, LinesAndPositionsOfRandomTextsMatchAPlainCount) {
  std::uint32_t state = 4242;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(state);
    const Source s("a.txt", text);
    ASSERT_FALSE(s.decode_error());
    ASSERT_EQ(s.text(), text);
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    std::uint32_t utf16 = 1;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size();) {
      const Position p = s.position(static_cast<std::uint32_t>(i));
      ASSERT_EQ(p.line, line) << round << " " << i;
      ASSERT_EQ(p.column, column) << round << " " << i;
      ASSERT_EQ(p.column_utf16, utf16) << round << " " << i;
      if (i == text.size()) break;
      const std::size_t at = i;
      const char32_t cp = utf8::next(text, i);
      const bool ends = cp == '\n' || (cp == '\r' && (i == text.size() || text[i] != '\n'));
      if (ends) {
        std::string_view want = std::string_view(text).substr(begin, at - begin);
        if (!want.empty() && want.back() == '\r') want.remove_suffix(1);  // of \r\n
        ASSERT_EQ(s.line_text(line), want) << round;
        ++line, column = 1, utf16 = 1, begin = i;
      } else {
        ++column;
        utf16 += cp >= 0x10000 ? 2 : 1;
      }
    }
    ASSERT_EQ(s.line_count(), line) << round;
  }
}

// The text in another encoding, through ICU.
std::string encode(std::string_view utf8_text, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8_text.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8_text.data(), static_cast<int32_t>(utf8_text.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

TEST(Source, GbkWithoutDeclarationIsDetectedAndPositionsAreOriginalBytes) {
  const std::string text =
      "事项名称：食品经营许可\n设定依据：《中华人民共和国食品安全法》第三十五条\n"
      "办理地点：某市市民中心二楼市场监督管理局窗口，工作日上午九点至下午五点\n";
  const std::string gbk = encode(text, "GB18030");
  const Source s("a.txt", gbk);
  EXPECT_FALSE(s.decode_error());
  EXPECT_EQ(s.encoding(), "GB18030");
  EXPECT_EQ(s.text(), text);
  EXPECT_EQ(s.bytes(), gbk);
  const auto at = static_cast<std::uint32_t>(text.find("设定依据"));
  const Position p = s.position(at);
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 1u);
  EXPECT_EQ(p.offset, gbk.find(encode("设定依据", "GB18030")));
  const auto colon = static_cast<std::uint32_t>(text.find("《"));
  EXPECT_EQ(s.position(colon).column, 6u);
  EXPECT_EQ(s.position(colon).offset, p.offset + 10);  // five two-byte characters later
}

TEST(Source, Big5IsDetected) {
  const std::string text =
      "事項名稱：住址變更登記\n申請人資格：本人、戶長、受委託人\n"
      "應繳證件：戶口名簿、國民身分證、印章\n辦公時間：週一至週五上午八點至下午五點\n";
  const Source s("a.txt", encode(text, "Big5"));
  EXPECT_FALSE(s.decode_error());
  EXPECT_EQ(s.encoding(), "Big5");
  EXPECT_EQ(s.text(), text);
}

TEST(Source, DeclaredEncodingsAndByteOrderMarks) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"GBK\"?><guide><name>取水许可</name></guide>";
  const Source gbk("a.xml", encode(xml, "GB18030"));
  EXPECT_EQ(gbk.encoding(), "GB18030");
  EXPECT_EQ(gbk.text(), xml);
  const std::string html = "<html><head><meta charset=\"big5\"></head><body>辦理時限</body></html>";
  EXPECT_EQ(Source("a.html", encode(html, "Big5")).text(), html);
  const std::string http =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">收费";
  EXPECT_EQ(Source("a.html", encode(http, "GB18030")).text(), http);
  const Source utf16("a.txt", "\xFF\xFE" + encode("收费标准", "UTF-16LE"));
  EXPECT_EQ(utf16.encoding(), "UTF-16LE");
  EXPECT_EQ(utf16.text(), "收费标准");
  EXPECT_EQ(utf16.position(3).offset, 4u);  // after the BOM and one UTF-16 unit
}

TEST(Source, DeclaredEncodingNamesIgnoreCase) {
  using source::declared_encoding;
  EXPECT_EQ(declared_encoding("<?XML VERSION='1.0' ENCODING='GBK'?><a/>"), "GBK");
  EXPECT_EQ(declared_encoding("<?xml version=\"1.0\" Encoding = \"big5\" ?>"), "big5");
  EXPECT_EQ(declared_encoding("<?xml version=\"1.0\"?><a encoding=\"gbk\"/>"), "");
  EXPECT_EQ(declared_encoding("<HTML><HEAD><META CHARSET=Big5></HEAD>"), "Big5");
  EXPECT_EQ(declared_encoding("<html><Meta name=x><meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; CharSet=gb2312\">"),
            "gb2312");
  EXPECT_EQ(declared_encoding("<html><meta name=x>charset=gbk"), "");
  EXPECT_EQ(declared_encoding("<html><meta charset"), "");
  EXPECT_EQ(declared_encoding("<html><meta"), "");
  EXPECT_EQ(declared_encoding("{\"charset\": \"gbk\"}"), "");
  EXPECT_EQ(declared_encoding(std::string(2000, ' ')), "");
  // Only the first KiB is read.
  EXPECT_EQ(declared_encoding("<html>" + std::string(1010, ' ') + "<meta charset=gbk>"), "");
}

TEST(Source, UndecodableBytesInADeclaredEncoding) {
  const std::string head = "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<guide>";
  const Source s("a.xml", head + "\x81\x20</guide>");  // 0x81 needs a trail byte >= 0x40
  ASSERT_TRUE(s.decode_error());
  EXPECT_EQ(s.decode_error()->message_id, "input.undecodable");
  EXPECT_EQ(s.decode_error()->encoding, "GB18030");
  EXPECT_EQ(s.decode_error()->offset, head.size());
  EXPECT_EQ(s.position(s.decode_error()->offset).line, 2u);
  const Source unknown("a.xml", "<?xml version=\"1.0\" encoding=\"klingon\"?><guide/>");
  ASSERT_TRUE(unknown.decode_error());
  EXPECT_EQ(unknown.decode_error()->message_id, "input.unknown-encoding");
  EXPECT_EQ(unknown.decode_error()->detail, "klingon");
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
