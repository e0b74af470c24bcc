#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <sstream>

#include "guidelint/guidelint.hpp"
#include "report/compiler_style.hpp"
#include "report/json_writer.hpp"
#include "report/messages.hpp"
#include "report/rule_meta.hpp"
#include "text/utf8.hpp"

namespace guidelint {
namespace {

FileResult sample() {
  const EngineResult r = Engine::builtin();
  return r.engine->lint(std::make_shared<const Source>("目录/g.xml",
                                                       "<guide>\n"
                                                       "  <name>甲\"乙\"</name>\n"
                                                       "  <fees label=\"收费标准\">\t</fees>\n"
                                                       "</guide>"),
                        {});
}

// The whole report of results in one format.
std::string report(std::string_view format, const std::vector<FileResult>& results,
                   FormatOptions options) {
  std::ostringstream out;
  auto f = make_formatter(format, out, options);
  Summary summary;
  f->begin();
  for (const FileResult& r : results) {
    summary.add(r);
    f->file(r);
  }
  f->end(summary);
  return out.str();
}

// The whole report of the sample in one format and locale.
std::string report(std::string_view format, std::string locale) {
  FormatOptions options;
  options.locale = std::move(locale);
  return report(format, {sample()}, options);
}

// One finding on `text` at [begin, end) (byte offsets), or with no place at all.
FileResult finding(std::string name, std::string text, std::optional<Span> span,
                   std::vector<Arg> args = {{"key", "x"}}, Severity severity = Severity::error) {
  Diagnostic d;
  d.rule_id = "config-error";
  d.severity = severity;
  d.message_id = "config.unknown-key";
  d.args = std::move(args);
  d.span = span;
  return FileResult{std::make_shared<const Source>(std::move(name), std::move(text)), {}, {d}};
}

// The span of the first occurrence of `needle` in `text`.
Span span_of(std::string_view text, std::string_view needle) {
  const auto at = static_cast<std::uint32_t>(text.find(needle));
  EXPECT_NE(at, static_cast<std::uint32_t>(std::string_view::npos)) << needle;
  return {at, at + static_cast<std::uint32_t>(needle.size())};
}

// The code frame of a finding at `span` of `text`: the two lines after the headline.
std::string frame(std::string text, Span span, bool color = false) {
  FormatOptions options;
  options.color = color;
  options.locale = "en";
  std::ostringstream out;
  make_formatter("text", out, options)->file(finding("f.txt", std::move(text), span));
  const std::string all = out.str();
  return all.substr(all.find('\n') + 1);
}

struct Frame {
  std::string shown;  // the source line as shown, after the gutter
  std::string marks;  // the underline, after the gutter
};

Frame split(const std::string& frame) {
  const std::size_t first = frame.find('\n');
  const std::string line = frame.substr(0, first);
  const std::string under = frame.substr(first + 1, frame.find('\n', first + 1) - first - 1);
  return {line.substr(line.find(" | ") + 3), under.substr(under.find(" | ") + 3)};
}

// The text shown from display cell `column` of `shown` on: what the caret points at.
std::string at_cell(const std::string& shown, std::size_t column) {
  std::size_t cells = 0;
  for (std::size_t i = 0; i < shown.size();) {
    if (cells >= column) return shown.substr(i);
    const char32_t c = utf8::next(shown, i);
    cells += static_cast<std::size_t>(report::display_width(c));
  }
  return {};
}

// Display cells of a shown line or underline.
std::size_t cells_of(std::string_view s) {
  std::size_t cells = 0;
  for (std::size_t i = 0; i < s.size();)
    cells += static_cast<std::size_t>(report::display_width(utf8::next(s, i)));
  return cells;
}

// ── text ─────────────────────────────────────────────────────────────────────────────────────

// Strings are checked eight bytes at a time, the last few padded: a character that needs an
// escape is found wherever it is, and nothing else changes.
TEST(JsonWriter, EscapesWhereverTheCharacterIs) {
  const auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += ch;
      }
    }
    return out + "\"";
  };
  for (const std::string_view special : {"\"", "\\", "\n", "\x01", "\x1f", "\t"}) {
    for (std::size_t length = 0; length <= 19; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        std::string s(length, 'x');
        if (length % 3 == 1) s.replace(0, std::min<std::size_t>(length, 3), "设");
        if (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) continue;
        s.insert(std::min(at, s.size()), special);
        std::string out = "prefix";
        report::append_json_string(out, s);
        EXPECT_EQ(out, "prefix" + reference(s)) << length << " " << at;
      }
    }
  }
  std::string plain;
  report::append_json_string(plain, "guide-00001.xml 事项 ~\x7f");
  EXPECT_EQ(plain, "\"guide-00001.xml 事项 ~\x7f\"");
}

// Short strings are checked for escapes and UTF-8 in one pass, long ones a block at a time: both
// give every character as it is, a byte that does not decode as U+FFFD, and escapes where due.
TEST(JsonWriter, ShortAndLongStringsAgree) {
  const auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t at = i;
      const char32_t cp = utf8::next(s, i);
      if (cp == utf8::kReplacement && i - at == 1) {
        out += "\\ufffd";
      } else if (cp == '"' || cp == '\\') {
        out += '\\';
        out += static_cast<char>(cp);
      } else if (cp == '\n') {
        out += "\\n";
      } else if (cp < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[cp >> 4];
        out += kHex[cp & 15];
      } else {
        out += s.substr(at, i - at);
      }
    }
    return out + "\"";
  };
  const std::string_view pieces[] = {"a",  "设",   "（",       "\xEF\xBF\xBD", "\xC3\xA9",
                                     "😀",  "\xFF", "\xE3\x80", "\xED\xA0\x80", "\"",
                                     "\n", "\x01", "-",        "\xE0\x80\xAF", "\xF4\x90\x80\x80"};
  for (const std::string_view piece : pieces) {
    for (const std::size_t length : {0, 7, 8, 30, 60, 63, 64, 65, 100}) {
      for (const std::size_t at : {std::size_t{0}, length / 2, length}) {
        std::string s(length, 'x');
        for (std::size_t k = 0; k + 3 <= length; k += 9)
          s.replace(k, 3, "设");
        // Inserted at a character's start, never inside one.
        std::size_t where = std::min(at, s.size());
        while (where < s.size() && (static_cast<unsigned char>(s[where]) & 0xC0) == 0x80)
          ++where;
        s.insert(where, piece);
        std::string out = "prefix";
        report::append_json_string(out, s);
        EXPECT_EQ(out, "prefix" + reference(s)) << s.size() << " " << where;
      }
    }
  }
}

TEST(TextFormatter, CompilerStyleLinesAndSummary) {
  const std::string text = report("text", "en");
  EXPECT_NE(
      text.find(
          "目录/g.xml:1:1: error: required element \"设定依据\" is missing [required-element]\n"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          "目录/g.xml:3:3: error: required element \"收费标准\" (label \"收费标准\") is empty"),
      std::string::npos)
      << text;
  // The element's source line, its tab expanded, the element underlined to its end.
  // 收费标准 takes eight cells, the tab after it seven (to column 32), the element 37.
  EXPECT_NE(text.find(" [required-element]\n"
                      "    3 |   <fees label=\"收费标准\">       </fees>\n"
                      "      |   ^" +
                      std::string(36, '~') + "\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("✖ 1 file, 1 guide: 10 errors, 0 warnings, 0 infos\n"), std::string::npos)
      << text;
  EXPECT_EQ(text.find('\033'), std::string::npos) << "no colour unless asked for";
}

TEST(DisplayWidth, EastAsianWidthAndZeroWidthCharacters) {
  EXPECT_EQ(report::display_width(U'a'), 1);
  EXPECT_EQ(report::display_width(U'中'), 2);
  EXPECT_EQ(report::display_width(U'Ａ'), 2);      // fullwidth form
  EXPECT_EQ(report::display_width(U'\u3000'), 2);  // ideographic space
  EXPECT_EQ(report::display_width(U'，'), 2);
  EXPECT_EQ(report::display_width(U'\u0301'), 0);      // combining acute accent
  EXPECT_EQ(report::display_width(U'\u200B'), 0);      // zero width space
  EXPECT_EQ(report::display_width(U'→'), 1);           // ambiguous: as most terminals show it
  EXPECT_EQ(report::display_width(U'\U00020000'), 2);  // CJK extension B
}

TEST(CodeFrame, CjkAndFullwidthTextCountsTwoCellsACharacter) {
  const std::string text = "名称：ＡＢＣ　设立水利旅游项目审批\n";
  const std::string f = frame(text, span_of(text, "水利旅游"));
  EXPECT_EQ(f,
            "    1 | 名称：ＡＢＣ　设立水利旅游项目审批\n"
            "      | " +
                std::string(18, ' ') + "^~~~~~~~\n");
  const Frame parts = split(f);
  EXPECT_TRUE(at_cell(parts.shown, parts.marks.find('^')).starts_with("水利旅游"));
  EXPECT_EQ(parts.marks.size() - parts.marks.find('^'), 8u);  // four characters, eight cells
}

TEST(CodeFrame, CombiningMarksTakeNoCell) {
  const std::string text = "Cafe\u0301 大厅：工作日";
  const Frame parts = split(frame(text, span_of(text, "工作日")));
  EXPECT_EQ(parts.marks, std::string(11, ' ') + "^~~~~~");  // Café is four cells
  EXPECT_TRUE(at_cell(parts.shown, parts.marks.find('^')).starts_with("工作日"));
}

TEST(CodeFrame, TabsAreExpandedToStopsOfEight) {
  const std::string text = "办理时间：\t工作日\tab\t\tx";
  Frame parts = split(frame(text, span_of(text, "工作日")));
  EXPECT_EQ(parts.shown.find('\t'), std::string::npos);
  EXPECT_EQ(parts.shown, "办理时间：      工作日  ab              x");
  EXPECT_EQ(parts.marks, std::string(16, ' ') + "^~~~~~");
  parts = split(frame(text, span_of(text, "x")));
  EXPECT_EQ(parts.marks.find('^'), 40u);
  EXPECT_TRUE(at_cell(parts.shown, 40).starts_with("x"));
}

TEST(CodeFrame, SpanAtTheEndOfALine) {
  const std::string text = "咨询电话：\n办理地点：某市";
  // An empty span after the last character: a caret just past it.
  const auto end = static_cast<std::uint32_t>(text.find('\n'));
  EXPECT_EQ(frame(text, Span{end, end}),
            "    1 | 咨询电话：\n"
            "      |           ^\n");
  // A span ending with the line.
  EXPECT_EQ(frame(text, span_of(text, "某市")),
            "    2 | 办理地点：某市\n"
            "      |           ^~~~\n");
  // A span starting on the line break is shown at the line's end.
  EXPECT_EQ(frame(text, Span{end, end + 1}),
            "    1 | 咨询电话：\n"
            "      |           ^\n");
}

TEST(CodeFrame, SpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirst) {
  const std::string text =
      "<procedure>\n  <item>申请</item><item>审核</item>\n  <item>审批</item>\n";
  const auto begin = static_cast<std::uint32_t>(text.find("<item>"));
  const auto end = static_cast<std::uint32_t>(text.rfind("</item>") + 7);
  EXPECT_EQ(frame(text, Span{begin, end}),
            "    2 |   <item>申请</item><item>审核</item>\n"
            "      |   ^" +
                std::string(33, '~') + "\n");
  // Only the first line is shown; the headline gives where the span starts.
  EXPECT_EQ(frame(text, Span{begin, end}).find("审批"), std::string::npos);
}

TEST(CodeFrame, LongLinesAreWindowedAroundTheSpan) {
  std::string text = "{\"remark\":\"";
  for (int k = 0; k < 6000; ++k)
    text += "说明。";
  text += "\",\"by_law\":\"根据有关规定\",\"tail\":\"";
  for (int k = 0; k < 3000; ++k)
    text += "x\t";
  text += "\"}";
  ASSERT_GT(text.size(), 50000u);
  const std::string f = frame(text, span_of(text, "根据有关规定"));
  EXPECT_LT(f.size(), 600u) << "a 50 KB line is never dumped";
  const Frame parts = split(f);
  EXPECT_TRUE(parts.shown.starts_with("…")) << parts.shown;
  EXPECT_TRUE(parts.shown.ends_with("…")) << parts.shown;
  EXPECT_LE(cells_of(parts.shown), 100u);
  EXPECT_TRUE(at_cell(parts.shown, parts.marks.find('^')).starts_with("根据有关规定")) << f;
  EXPECT_EQ(parts.marks.size() - parts.marks.find('^'), 12u);
  // Some context before the span.
  EXPECT_NE(parts.shown.find("\"by_law\":\""), std::string::npos) << parts.shown;

  // At the start of the line: no mark on the left; at its end: none on the right.
  const Frame head = split(frame(text, Span{0, 1}));
  EXPECT_TRUE(head.shown.starts_with("{\"remark\"")) << head.shown;
  EXPECT_TRUE(head.shown.ends_with("…"));
  EXPECT_EQ(head.marks, "^");
  const auto last = static_cast<std::uint32_t>(text.size() - 1);
  const Frame tail = split(frame(text, Span{last, last + 1}));
  EXPECT_TRUE(tail.shown.starts_with("…"));
  EXPECT_TRUE(tail.shown.ends_with("\"}")) << tail.shown;
  EXPECT_TRUE(at_cell(tail.shown, tail.marks.find('^')).starts_with("}"));
  EXPECT_LE(cells_of(tail.shown), 100u);
}

TEST(CodeFrame, ASpanLongerThanTheWindowIsUnderlinedToItsEdge) {
  const std::string text = "设定依据：" + std::string(300, 'x') + "。";
  const Frame parts = split(frame(text, Span{static_cast<std::uint32_t>(text.find('x')),
                                             static_cast<std::uint32_t>(text.size())}));
  EXPECT_TRUE(parts.shown.ends_with("x…"));
  EXPECT_EQ(cells_of(parts.marks), cells_of(parts.shown) - 1);  // to the window's edge
}

TEST(CodeFrame, ControlCharactersCannotActOnTheTerminal) {
  const std::string text = "名称：\x1b[2J\x1b]0;title\x07甲\u202E乙\u2028丙\x7f";
  const std::string f = frame(text, span_of(text, "甲"));
  EXPECT_EQ(f.find('\x1b'), std::string::npos) << f;
  EXPECT_EQ(f.find('\x07'), std::string::npos);
  EXPECT_EQ(f.find('\x7f'), std::string::npos);
  EXPECT_EQ(f.find("\u202E"), std::string::npos);
  EXPECT_NE(f.find("␛[2J␛]0;title␇甲\uFFFD乙↵丙␡"), std::string::npos) << f;
  const Frame parts = split(f);
  EXPECT_TRUE(at_cell(parts.shown, parts.marks.find('^')).starts_with("甲"));
  // Nor can a label quoted in the message, or the file's name.
  std::ostringstream out;
  make_formatter("text", out, {})
      ->file(finding("a\x1b[31m.txt", text, span_of(text, "甲"), {{"key", "k\x1b[0m\nnext"}}));
  EXPECT_EQ(out.str().find('\x1b'), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("a␛[31m.txt:1:"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("k␛[0m␊next"), std::string::npos) << out.str();
}

TEST(CodeFrame, BytesThatAreNotUtf8AreShownAsReplacementCharacters) {
  // Declared UTF-8, so not decoded as anything else: positions are those of the bytes.
  const std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><name>\xCA\xFD甲</name>";
  const auto at = static_cast<std::uint32_t>(text.find('\xCA'));
  const Frame parts = split(frame(text, Span{at, at + 1}));
  EXPECT_TRUE(parts.shown.ends_with("<name>\uFFFD\uFFFD甲</name>")) << parts.shown;
  EXPECT_TRUE(at_cell(parts.shown, parts.marks.find('^')).starts_with("\uFFFD\uFFFD甲"));
  EXPECT_TRUE(parts.marks.ends_with(" ^"));
}

TEST(CodeFrame, FindingsWithoutAPlaceHaveNone) {
  std::ostringstream out;
  FormatOptions options;
  options.locale = "en";
  make_formatter("text", out, options)->file(finding("missing.xml", "", std::nullopt));
  EXPECT_EQ(out.str(), "missing.xml: error: unknown key \"x\" [config-error]\n");
}

TEST(CodeFrame, ColourOnlyWhenAsked) {
  const std::string text = "名称：甲";
  const std::string plain = frame(text, span_of(text, "甲"));
  EXPECT_EQ(plain.find('\033'), std::string::npos);
  const std::string coloured = frame(text, span_of(text, "甲"), true);
  EXPECT_EQ(coloured,
            "    1 | 名称：\033[1;32m甲\033[0m\n"
            "      |       \033[1;32m^~\033[0m\n");
  FormatOptions options;
  options.color = true;
  options.locale = "en";
  const std::string all = report("text", {finding("f.txt", text, span_of(text, "甲"))}, options);
  EXPECT_TRUE(
      all.starts_with("\033[1mf.txt:1:4:\033[0m \033[1;31merror:\033[0m unknown key \"x\" "
                      "[\033[1;31mconfig-error\033[0m]\n"))
      << all;
  EXPECT_NE(all.find("\033[1;31m✖\033[0m 1 file"), std::string::npos) << all;
}

// ── json ─────────────────────────────────────────────────────────────────────────────────────

TEST(JsonFormatter, FieldsAndEscaping) {
  const std::string json = report("json", "zh-Hans");
  EXPECT_NE(json.find("\"name\":\"甲\\\"乙\\\"\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"rule\":\"required-element\",\"severity\":\"error\",\"needsReview\":false,"
                      "\"message\":\"必备要素“收费标准”"
                      "（标签“收费标准”）内容为空\",\"messageId\":\"required-element.empty\""),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"element\":\"fees\",\"fatal\":false,\"line\":3,\"column\":3,\"endLine\":3,"
                      "\"endColumn\":30,\"columnUtf16\":3,\"endColumnUtf16\":30"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"summary\":{\"files\":1,\"guides\":1,\"errors\":10,\"warnings\":0,"
                      "\"infos\":0,\"reviews\":0,\"fatal\":0}"),
            std::string::npos)
      << json;
}

// A finding that needs review keeps its severity but is counted apart and shown as such.
TEST(Report, FindingsThatNeedReviewAreCountedApart) {
  FileResult r = sample();
  ASSERT_FALSE(r.diagnostics.empty());
  const std::size_t errors = r.count(Severity::error);
  r.diagnostics[0].needs_review = true;
  EXPECT_EQ(r.count(Severity::error), errors - 1);
  EXPECT_EQ(r.reviews(), 1u);
  Summary summary;
  summary.add(r);
  EXPECT_EQ(summary.errors, errors - 1);
  EXPECT_EQ(summary.reviews, 1u);
  FormatOptions options;
  options.locale = "en";
  const auto out = [&](std::string_view format) { return report(format, {r}, options); };
  EXPECT_NE(out("text").find(": needs-review: "), std::string::npos);
  EXPECT_NE(out("text").find("; 1 finding needs review"), std::string::npos);
  EXPECT_NE(out("json").find("\"needsReview\":true"), std::string::npos);
  EXPECT_NE(out("json").find("\"reviews\":1,"), std::string::npos);
  EXPECT_NE(out("sarif").find("\"kind\":\"review\",\"level\":\"none\""), std::string::npos);
  EXPECT_NE(out("sarif").find("\"needsReview\":true"), std::string::npos);
  EXPECT_NE(out("junit").find("<skipped message=\"needs-review: required element"),
            std::string::npos);
  EXPECT_NE(out("checkstyle").find("severity=\"info\""), std::string::npos);
  EXPECT_NE(out("github").find("::notice file=目录/g.xml,line=1,col=1,endLine=1,endColumn=8,"
                               "title=required-element (needs review)::"),
            std::string::npos)
      << out("github");
  EXPECT_NE(out("rdjson").find("\"severity\":\"INFO\""), std::string::npos);
}

TEST(JsonFormatter, FileNamesThatAreNotUtf8StayValidJson) {
  std::ostringstream out;
  auto f = make_formatter("json", out, {});
  const EngineResult e = Engine::builtin();
  f->file(e.engine->lint(std::make_shared<const Source>("bad\xFF\x01name.xml", "<guide/>"), {}));
  EXPECT_NE(out.str().find("\"file\":\"bad\\ufffd\\u0001name.xml\""), std::string::npos)
      << out.str();
}

// ── sarif ────────────────────────────────────────────────────────────────────────────────────

TEST(SarifFormatter, RulesAreDescribedInTheReportsLocaleWithTheirDocPages) {
  FormatOptions options;
  options.locale = "en";
  const std::string sarif = report("sarif", {sample()}, options);
  EXPECT_NE(sarif.find("{\"id\":\"required-element\",\"shortDescription\":{\"text\":\"a guide has "
                       "every element its profile marks required, and none of them is empty\"},"
                       "\"helpUri\":\"https://github.com/guidelint/guidelint/blob/main/docs/rules/"
                       "required-element.md\",\"defaultConfiguration\":{\"level\":\"error\"},"
                       "\"properties\":{\"type\":\"required-element\"}}"),
            std::string::npos)
      << sarif;
  EXPECT_NE(sarif.find("{\"id\":\"thin-content\",\"shortDescription\":{\"text\":\"elements are"),
            std::string::npos);
  EXPECT_NE(sarif.find("\"defaultConfiguration\":{\"level\":\"warning\"}"), std::string::npos);
  // The findings every run may report are described too.
  EXPECT_NE(sarif.find("{\"id\":\"suppression\",\"shortDescription\":{\"text\":\"inline "
                       "suppressions"),
            std::string::npos);
  EXPECT_NE(sarif.find("\"columnKind\":\"unicodeCodePoints\",\"language\":\"en\",\"properties\":"
                       "{\"locale\":\"en\",\"summary\":{\"files\":1,"),
            std::string::npos)
      << sarif;
  // A result refers to its rule by index: required-element is the 9th rule (sorted by id).
  EXPECT_NE(sarif.find("{\"ruleId\":\"required-element\",\"ruleIndex\":8,\"level\":\"error\","),
            std::string::npos)
      << sarif;
}

TEST(SarifFormatter, RulesOfAConfigKeepTheirOwnWordsAndPointAtTheirTypesPage) {
  FormatOptions options;
  options.locale = "en";
  options.rules = {
      {"required-element", "required-element", Severity::warning, "县里的要求"},
      {"strict-fees", "fee-basis", Severity::info, ""},
  };
  FileResult r = finding("a.txt", "x", Span{0, 1});
  r.diagnostics[0].rule_id = "strict-fees";
  Diagnostic unknown = r.diagnostics[0];
  unknown.rule_id = "from-a-folder-config";
  r.diagnostics.push_back(unknown);
  const std::string sarif = report("sarif", {r}, options);
  EXPECT_NE(
      sarif.find("{\"id\":\"required-element\",\"shortDescription\":{\"text\":\"县里的要求\"},"
                 "\"helpUri\":\"https://github.com/guidelint/guidelint/blob/main/docs/rules/"
                 "required-element.md\",\"defaultConfiguration\":{\"level\":\"warning\"}"),
      std::string::npos)
      << sarif;
  EXPECT_NE(sarif.find("{\"id\":\"strict-fees\",\"helpUri\":\"https://github.com/guidelint/"
                       "guidelint/blob/main/docs/rules/fee-basis.md\",\"defaultConfiguration\":"
                       "{\"level\":\"note\"},\"properties\":{\"type\":\"fee-basis\"}}"),
            std::string::npos)
      << sarif;
  // Listed rules first (2), then the built-in findings (5), then rules first seen in a result.
  EXPECT_NE(sarif.find("{\"ruleId\":\"strict-fees\",\"ruleIndex\":1,\"level\":\"error\""),
            std::string::npos);
  EXPECT_NE(sarif.find("{\"ruleId\":\"from-a-folder-config\",\"ruleIndex\":7,"), std::string::npos)
      << sarif;
  EXPECT_NE(sarif.find("\n{\"id\":\"from-a-folder-config\"}"), std::string::npos) << sarif;
}

TEST(SarifFormatter, PathsAreUriReferences) {
  std::vector<FileResult> results{finding("目录/a b#c:d%.xml", "x", Span{0, 1}),
                                  finding("/abs/指南.xml", "x", Span{0, 1}),
                                  finding("<stdin>", "x", std::nullopt)};
  const std::string sarif = report("sarif", results, {});
  EXPECT_NE(sarif.find("\"uri\":\"%E7%9B%AE%E5%BD%95/a%20b%23c%3Ad%25.xml\""), std::string::npos)
      << sarif;
  EXPECT_NE(sarif.find("\"uri\":\"file:///abs/%E6%8C%87%E5%8D%97.xml\""), std::string::npos);
  // No place: a location without a region.
  EXPECT_NE(sarif.find("{\"artifactLocation\":{\"uri\":\"%3Cstdin%3E\"}}"), std::string::npos);
}

// The built-in rule descriptions are the pack's own words, so they are translated rather than
// treated as a config's; and every rule and built-in finding has a doc page.
TEST(RuleMeta, DescriptionsMatchThePackAndEveryRuleHasADocPage) {
  const EngineResult built = Engine::builtin();
  const std::filesystem::path docs =
      std::filesystem::path(GUIDELINT_FIXTURES).parent_path().parent_path() / "docs" / "rules";
  FormatOptions options;
  options.rules = built.engine->rules();
  for (const RuleInfo& rule : built.engine->rules()) {
    EXPECT_EQ(report::render("rule-description." + rule.id, {}, "zh-Hans"), rule.description)
        << rule.id;
  }
  for (const std::string locale : {"en", "zh-Hant"}) {
    options.locale = locale;
    const std::vector<report::RuleMeta> rules = report::describe_rules(options);
    ASSERT_EQ(rules.size(), built.engine->rules().size() + 5);
    for (const report::RuleMeta& rule : rules) {
      EXPECT_EQ(rule.description, report::render("rule-description." + rule.id, {}, locale));
      EXPECT_NE(rule.description, report::render("rule-description." + rule.id, {}, "zh-Hans"))
          << rule.id << " is not translated into " << locale;
      ASSERT_TRUE(rule.help_uri.starts_with(report::kRuleDocsBase)) << rule.id;
      EXPECT_TRUE(
          std::filesystem::exists(docs / rule.help_uri.substr(report::kRuleDocsBase.size())))
          << rule.help_uri;
      EXPECT_TRUE(rule.severity.has_value()) << rule.id;
    }
  }
  const report::RuleMeta import = report::describe_rule("catalog-import", "en");
  EXPECT_TRUE(std::filesystem::exists(docs / "catalog-import.md"));
  EXPECT_EQ(import.help_uri, std::string(report::kRuleDocsBase) + "catalog-import.md");
  EXPECT_EQ(import.severity, Severity::error);
  EXPECT_TRUE(report::describe_rule("no-such-rule", "en").help_uri.empty());
}

// ── XML formats ──────────────────────────────────────────────────────────────────────────────

// Names and messages with everything XML must escape, and characters it cannot carry at all.
std::vector<FileResult> awkward_results() {
  return {finding("a&b<\"c\">'d'.xml", "甲\n乙", Span{4, 7}, {{"key", "<&>\"'\ttab\nline\x01\xFF"}},
                  Severity::warning),
          finding("clean.xml", "", std::nullopt, {}, Severity::error)};
}

TEST(CheckstyleFormatter, ParsesBackToTheFindings) {
  std::vector<FileResult> results = awkward_results();
  results[1].diagnostics.clear();
  Diagnostic fatal;
  fatal.rule_id = "io-error";
  fatal.message_id = "io.not-found";
  fatal.fatal = true;
  results.push_back({std::make_shared<const Source>("gone.xml", ""), {}, {fatal}});
  FormatOptions options;
  options.locale = "en";
  const std::string xml = report("checkstyle", results, options);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  const pugi::xml_node root = doc.child("checkstyle");
  EXPECT_STREQ(root.attribute("version").value(), "4.3");
  ASSERT_EQ(std::distance(root.children("file").begin(), root.children("file").end()), 3);
  const pugi::xml_node first = root.child("file");
  EXPECT_STREQ(first.attribute("name").value(), "a&b<\"c\">'d'.xml");
  const pugi::xml_node error = first.child("error");
  EXPECT_STREQ(error.attribute("line").value(), "2");
  EXPECT_STREQ(error.attribute("column").value(), "1");
  EXPECT_STREQ(error.attribute("severity").value(), "warning");
  EXPECT_STREQ(error.attribute("source").value(), "guidelint.config-error");
  EXPECT_STREQ(error.attribute("message").value(), "unknown key \"<&>\"'\ttab\nline\uFFFD\uFFFD\"");
  EXPECT_FALSE(first.next_sibling().child("error"));  // a clean file: no error
  const pugi::xml_node gone = root.last_child().child("error");
  EXPECT_STREQ(gone.attribute("line").value(), "0");
  EXPECT_FALSE(gone.attribute("column"));
}

TEST(JunitFormatter, ATestcasePerFindingAndAPassingOneForACleanFile) {
  std::vector<FileResult> results = awkward_results();
  results[1].diagnostics.clear();
  FileResult mixed = finding("m.xml", "一\n二\n三", Span{0, 3});
  Diagnostic review = mixed.diagnostics[0];
  review.needs_review = true;
  review.span = Span{4, 7};
  Diagnostic fatal = mixed.diagnostics[0];
  fatal.fatal = true;
  fatal.span.reset();
  mixed.diagnostics.push_back(review);
  mixed.diagnostics.push_back(fatal);
  results.push_back(mixed);
  FormatOptions options;
  options.locale = "en";
  const std::string xml = report("junit", results, options);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  const pugi::xml_node suites = doc.child("testsuites");
  std::vector<pugi::xml_node> suite(suites.children("testsuite").begin(),
                                    suites.children("testsuite").end());
  ASSERT_EQ(suite.size(), 3u);

  EXPECT_STREQ(suite[0].attribute("name").value(), "a&b<\"c\">'d'.xml");
  EXPECT_STREQ(suite[0].attribute("tests").value(), "1");
  EXPECT_STREQ(suite[0].attribute("failures").value(), "1");
  const pugi::xml_node failure = suite[0].child("testcase").child("failure");
  EXPECT_STREQ(suite[0].child("testcase").attribute("name").value(), "config-error (2:1)");
  EXPECT_STREQ(suite[0].child("testcase").attribute("line").value(), "2");
  EXPECT_STREQ(failure.attribute("type").value(), "warning");
  EXPECT_STREQ(failure.attribute("message").value(),
               "unknown key \"<&>\"'\ttab\nline\uFFFD\uFFFD\"");
  // The body is the text report of the finding, its code frame included.
  EXPECT_EQ(std::string(failure.text().get()),
            "a&b<\"c\">'d'.xml:2:1: warning: unknown key \"<&>\"' tab␊line␁\uFFFD\" "
            "[config-error]\n"
            "    2 | 乙\n"
            "      | ^~\n");

  EXPECT_STREQ(suite[1].attribute("tests").value(), "1");
  EXPECT_STREQ(suite[1].child("testcase").attribute("name").value(), "no findings");
  EXPECT_FALSE(suite[1].child("testcase").first_child());

  EXPECT_STREQ(suite[2].attribute("tests").value(), "3");
  EXPECT_STREQ(suite[2].attribute("failures").value(), "1");
  EXPECT_STREQ(suite[2].attribute("skipped").value(), "1");
  EXPECT_STREQ(suite[2].attribute("errors").value(), "1");
  std::vector<pugi::xml_node> cases(suite[2].children("testcase").begin(),
                                    suite[2].children("testcase").end());
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_TRUE(cases[0].child("failure"));
  EXPECT_STREQ(cases[1].child("skipped").attribute("message").value(),
               "needs-review: unknown key \"x\"");
  EXPECT_STREQ(cases[2].attribute("name").value(), "config-error");
  EXPECT_TRUE(cases[2].child("error"));
}

// ── github ───────────────────────────────────────────────────────────────────────────────────

TEST(GithubFormatter, WorkflowCommandsEscapedAsTheRunnerReadsThem) {
  FileResult r = finding("目录/a,b:c%.xml", "第一行\n第二行", Span{10, 13},
                         {{"key", "50%\r\nx: a,b"}}, Severity::warning);
  Diagnostic info = r.diagnostics[0];
  info.severity = Severity::info;
  info.span = Span{0, 14};  // two lines: no end column
  Diagnostic error = info;
  error.severity = Severity::error;
  error.span.reset();
  r.diagnostics.push_back(info);
  r.diagnostics.push_back(error);
  FormatOptions options;
  options.locale = "en";
  EXPECT_EQ(report("github", {r}, options),
            "::warning file=目录/a%2Cb%3Ac%25.xml,line=2,col=1,endLine=2,endColumn=2,"
            "title=config-error::unknown key \"50%25%0D%0Ax: a,b\"\n"
            "::notice file=目录/a%2Cb%3Ac%25.xml,line=1,col=1,endLine=2,title=config-error::"
            "unknown key \"50%25%0D%0Ax: a,b\"\n"
            "::error file=目录/a%2Cb%3Ac%25.xml,title=config-error::unknown key \"50%25%0D%0Ax: "
            "a,b\"\n"
            "✖ 1 file, 0 guides: 1 error, 1 warning, 1 info\n");
}

// ── rdjson ───────────────────────────────────────────────────────────────────────────────────

TEST(RdjsonFormatter, ColumnsCountUtf8Bytes) {
  const std::string text = "第一行\n名称：a𐐀b";
  FormatOptions options;
  options.locale = "en";
  const std::string out = report("rdjson", {finding("g.txt", text, span_of(text, "b"))}, options);
  // 名称： is nine bytes and 𐐀 four, so b is at byte column 15.
  EXPECT_NE(out.find("\"location\":{\"path\":\"g.txt\",\"range\":{\"start\":{\"line\":2,\"column\":"
                     "15},\"end\":{\"line\":2,\"column\":16}}},\"severity\":\"ERROR\",\"code\":{"
                     "\"value\":\"config-error\",\"url\":\"https://github.com/guidelint/guidelint/"
                     "blob/main/docs/rules/config-error.md\"}}"),
            std::string::npos)
      << out;
  EXPECT_TRUE(
      out.starts_with("{\"source\":{\"name\":\"guidelint\",\"url\":\"https://github.com/"
                      "guidelint/guidelint\"},\"diagnostics\":["))
      << out;
}

// ── registry ─────────────────────────────────────────────────────────────────────────────────

TEST(Engine, NullSourceIsAnEmptyInputNotACrash) {
  const EngineResult e = Engine::builtin();
  const FileResult r = e.engine->lint(nullptr, {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "parse-error.unknown-format");
}

TEST(Engine, BinaryInputIsRefusedAtDecoding) {
  const EngineResult e = Engine::builtin();
  const FileResult r =
      e.engine->lint(std::make_shared<const Source>("a.txt", std::string("ab\0\x01", 4)), {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message_id, "input.binary");
  EXPECT_EQ(r.source->position(r.diagnostics[0].span->begin).column, 3u);
}

TEST(Formatters, EveryNameMakesAFormatterAndUnknownNamesGiveNull) {
  std::ostringstream out;
  EXPECT_EQ(make_formatter("yaml", out, {}), nullptr);
  EXPECT_EQ(formatter_names(), (std::vector<std::string>{"text", "json", "sarif", "junit",
                                                         "checkstyle", "github", "rdjson"}));
  for (const std::string& name : formatter_names())
    EXPECT_NE(make_formatter(name, out, {}), nullptr) << name;
}

}  // namespace
}  // namespace guidelint
