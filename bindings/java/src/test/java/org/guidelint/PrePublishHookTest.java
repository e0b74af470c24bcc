package org.guidelint;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/** The CMS pre-publish hook of the README, as written there. */
public class PrePublishHookTest {
  // ── As in README.md ──
  static final class PrePublishHook {
    // One engine for the whole CMS, shared by all threads.
    private static final Engine ENGINE = Engine.builtin();

    /** The errors that stop a guide from being published; empty when it may go out. */
    static List<String> check(byte[] page, String fileName) {
      LintResult result = ENGINE.lint(page, fileName);
      return result.diagnostics().stream()
          .filter(d -> d.severity() == Severity.ERROR && !d.needsReview())
          .map(d -> d.line() + ":" + d.column() + " " + d.message() + " [" + d.rule() + "]")
          .toList();
    }
  }
  // ──

  @Test
  public void aGoodGuideGoesOut() {
    byte[] page = Samples.GOOD.getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), PrePublishHook.check(page, "forest.xml"));
  }

  @Test
  public void anIncompleteGuideIsHeldBackWithItsReasons() {
    List<String> errors = PrePublishHook.check(Samples.INCOMPLETE_BYTES, "g.xml");
    assertTrue(errors.toString(), errors.size() > 2);
    assertTrue(
        errors.toString(),
        errors.contains("2:14 “设定依据”的内容只有“相关法规”，没有实际内容 [placeholder-content]"));
  }
}
