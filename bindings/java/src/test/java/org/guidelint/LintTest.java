package org.guidelint;

import static org.guidelint.Samples.ABOLISHED;
import static org.guidelint.Samples.INCOMPLETE;
import static org.guidelint.Samples.INCOMPLETE_BYTES;
import static org.guidelint.Samples.byRule;
import static org.guidelint.Samples.only;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Linting with the built-in pack: findings, their places, messages, summaries, citations. */
public class LintTest {
  private static Engine engine;

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @BeforeClass
  public static void open() {
    engine = Engine.builtin();
  }

  @AfterClass
  public static void close() {
    engine.close();
  }

  private static final LintOptions EN = LintOptions.builder().locale(MessageLocale.EN).build();

  @Test
  public void aPlaceholderIsAnErrorAtItsExactPlace() {
    LintResult result = engine.lint(INCOMPLETE_BYTES, "g.xml", EN);
    Diagnostic d = only(result, "placeholder-content");
    assertEquals("placeholder-content", d.rule());
    assertTrue(d.messageId(), d.messageId().startsWith("placeholder-content."));
    assertEquals(Severity.ERROR, d.severity());
    assertFalse(d.fatal());
    assertFalse(d.needsReview());
    assertTrue(d.hasSpan());
    assertEquals("legal_basis", d.elementId());
    assertEquals("legal_basis", d.element());
    assertEquals(2, d.line());
    assertEquals(14, d.column());
    assertEquals(2, d.endLine());
    assertEquals(18, d.endColumn()); // 相关法规: four code points
    assertEquals(14, d.columnUtf16());
    assertEquals(18, d.endColumnUtf16());
    // Byte offsets into the input as given.
    byte[] span = Arrays.copyOfRange(INCOMPLETE_BYTES, (int) d.offset(), (int) d.endOffset());
    assertEquals("相关法规", new String(span, StandardCharsets.UTF_8));
    assertEquals(OptionalInt.of(0), d.guide());
    assertFalse(d.citation().isPresent());
    assertTrue(d.message(), d.message().contains("only"));
    assertEquals("2:14: error: " + d.message() + " [placeholder-content]", d.toString());
  }

  @Test
  public void messagesComeInTheLocaleAskedFor() {
    Diagnostic en = only(engine.lint(INCOMPLETE, "g.xml", EN), "placeholder-content");
    LintResult defaults = engine.lint(INCOMPLETE, "g.xml");
    assertEquals(MessageLocale.ZH_HANS, defaults.locale());
    Diagnostic hans = only(defaults, "placeholder-content");
    assertTrue(hans.message(), hans.message().contains("相关法规"));
    assertTrue(hans.message(), hans.message().contains("没有实际内容"));
    assertFalse(hans.message(), hans.message().contains("only"));
    Diagnostic hant =
        only(
            engine.lint(INCOMPLETE, "g.xml", LintOptions.builder().locale(Locale.TAIWAN).build()),
            "placeholder-content");
    assertTrue(hant.message(), hant.message().contains("沒有實際內容"));
    // The message is all that changes.
    assertEquals(en.messageId(), hans.messageId());
    assertEquals(en.column(), hans.column());
    assertEquals(
        hans, new Diagnostic(hans.ruleId(), hans.messageId(), hans.message(), hans.severity(),
            hans.fatal(), hans.needsReview(), hans.hasSpan(), en.line(), en.column(), en.endLine(),
            en.endColumn(), en.columnUtf16(), en.endColumnUtf16(), en.offset(), en.endOffset(),
            en.elementId(), en.guide(), en.citation()));
  }

  @Test
  public void theSummaryCountsTheFindings() {
    LintResult result = engine.lint(INCOMPLETE_BYTES, "g.xml");
    Summary s = result.summary();
    assertEquals(1, s.guides());
    assertFalse(s.fatal());
    assertTrue(s.hasErrors());
    assertTrue("several elements are missing: " + s, s.errors() > 2);
    assertEquals(countOf(result, Severity.ERROR), s.errors());
    assertEquals(countOf(result, Severity.WARNING), s.warnings());
    assertEquals(countOf(result, Severity.INFO), s.infos());
    long reviews = result.diagnostics().stream().filter(Diagnostic::needsReview).count();
    assertEquals(reviews, s.reviews());
    assertEquals(9, byRule(result, "required-element").size());
  }

  private static long countOf(LintResult result, Severity severity) {
    return result.diagnostics().stream()
        .filter(d -> d.severity() == severity && !d.needsReview())
        .count();
  }

  @Test
  public void anAbolishedItemCarriesItsDecision() {
    LintOptions options =
        LintOptions.builder().inputFormat(InputFormat.TEXT).asOf(LocalDate.of(2020, 1, 1)).build();
    LintResult result = engine.lint(ABOLISHED, "guide", options);
    Diagnostic d = only(result, "abolished-item");
    assertEquals(Severity.ERROR, d.severity());
    Citation c = d.citation().orElseThrow();
    assertEquals("设立水利旅游项目审批", c.item());
    assertFalse(c.decisionTitle().isEmpty());
    assertFalse(c.decisionDate().isEmpty());
    assertFalse(c.source().isEmpty());
    assertEquals(1, d.line());
    assertEquals(6, d.column()); // after 事项名称：
    // Before the decision, the item was not abolished yet: the date reaches the rules.
    LintResult before =
        engine.lint(ABOLISHED, "guide", options.toBuilder().asOf(LocalDate.of(2014, 1, 1)).build());
    assertEquals(List.of(), byRule(before, "abolished-item"));
  }

  @Test
  public void theInputFormatOverridesTheName() {
    LintResult asXml = engine.lint(ABOLISHED, "guide.xml");
    assertTrue("text is not XML: " + asXml.diagnostics(), asXml.summary().fatal());
    assertEquals(0, asXml.summary().guides());
    LintResult asText =
        engine.lint(ABOLISHED, "guide.xml", LintOptions.builder().inputFormat("text").build());
    assertFalse(asText.summary().fatal());
    assertEquals(1, asText.summary().guides());
  }

  @Test
  public void theJsonReportIsThereWhenAskedFor() {
    assertFalse(engine.lint(INCOMPLETE, "g.xml", EN).json().isPresent());
    LintResult result =
        engine.lint(INCOMPLETE, "g.xml", EN.toBuilder().jsonReport(true).build());
    String json = result.json().orElseThrow();
    assertTrue(json, json.contains("\"rule\":\"placeholder-content\""));
    assertTrue(json, json.contains("\"file\":\"g.xml\""));
    assertTrue(json, json.contains("\"locale\":\"en\""));
    String message = only(result, "placeholder-content").message();
    assertTrue(json, json.contains(message.replace("\"", "\\\"")));
  }

  @Test
  public void textIsLintedAsItsUtf8Bytes() {
    assertEquals(engine.lint(INCOMPLETE_BYTES, "g.xml"), engine.lint(INCOMPLETE, "g.xml"));
  }

  @Test
  public void utf16ColumnsIndexJavaStrings() {
    // 𠀀 (U+20000) is one code point and two UTF-16 units.
    String line = "<!--\uD840\uDC00--><legal_basis>相关法规</legal_basis>";
    String text = "<guide code=\"1\"><name>设立某类事项审批</name>\n" + line + "\n</guide>\n";
    Diagnostic d = only(engine.lint(text, "g.xml"), "placeholder-content");
    assertEquals(22, d.column());
    assertEquals(23, d.columnUtf16());
    assertEquals(27, d.endColumnUtf16());
    assertEquals("相关法规", line.substring(d.columnUtf16() - 1, d.endColumnUtf16() - 1));
    String lineTwo = text.split("\n")[d.line() - 1];
    assertEquals(line, lineTwo);
  }

  @Test
  public void anUnreadableInputIsAFatalFindingNotAnException() {
    byte[] bytes = {'<', 'g', 'u', 'i', 'd', 'e', '>', 0, (byte) 0xff};
    LintResult result = engine.lint(bytes, "b.xml");
    assertTrue(result.summary().fatal());
    assertTrue(result.summary().hasErrors());
    Diagnostic d = only(result, "parse-error");
    assertTrue(d.fatal());
    assertEquals(OptionalInt.empty(), d.guide());
    // Nothing at all, without a name to choose a format by.
    LintResult empty = engine.lint(new byte[0], null);
    assertTrue(empty.summary().fatal());
    assertEquals(0, empty.summary().guides());
  }

  @Test
  public void aFileIsLintedLikeItsBytes() throws Exception {
    Path file = tmp.getRoot().toPath().resolve("g.xml");
    Files.write(file, INCOMPLETE_BYTES);
    LintResult fromFile = engine.lintFile(file, EN);
    assertEquals(engine.lint(INCOMPLETE_BYTES, "g.xml", EN).diagnostics(), fromFile.diagnostics());
    String json = engine.lintFile(file, EN.toBuilder().jsonReport(true).build()).json().get();
    assertTrue(json, json.contains(file.toString()));
  }

  @Test
  public void resultsAreImmutable() {
    LintResult result = engine.lint(INCOMPLETE, "g.xml");
    assertThrows(UnsupportedOperationException.class, () -> result.diagnostics().clear());
  }

  @Test
  public void optionsAreValuesAndCanBeShared() {
    LocalDate day = LocalDate.of(2020, 1, 1);
    LintOptions a = LintOptions.builder().inputFormat(InputFormat.TEXT).asOf(day).build();
    LintOptions b = LintOptions.builder().inputFormat("text").asOf(day).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.toBuilder().locale("en").build());
    assertEquals("text", a.inputFormat().orElseThrow());
    assertEquals(MessageLocale.ZH_HANS, LintOptions.defaults().locale());
    assertFalse(LintOptions.defaults().asOf().isPresent());
    assertArrayEquals(
        new MessageLocale[] {MessageLocale.ZH_HANT, MessageLocale.ZH_HANS, MessageLocale.EN,
            MessageLocale.ZH_HANT},
        new MessageLocale[] {MessageLocale.of(Locale.forLanguageTag("zh-Hant-CN")),
            MessageLocale.of(Locale.CHINA), MessageLocale.of(Locale.UK),
            MessageLocale.forTag("ZH-HANT")});
  }
}
