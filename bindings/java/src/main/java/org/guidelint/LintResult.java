package org.guidelint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one lint found, copied out of the library: immutable, independent of the engine, nothing
 * to free.
 *
 * @param locale the locale of the messages (that of the {@link LintOptions})
 * @param summary the counts
 * @param diagnostics the findings, in order of position
 * @param json the same result as guidelint's JSON report (see docs/output.md: one file, messages
 *     in {@code locale}), when the options asked for it with {@link
 *     LintOptions.Builder#jsonReport(boolean)}
 */
public record LintResult(
    MessageLocale locale, Summary summary, List<Diagnostic> diagnostics, Optional<String> json) {
  public LintResult {
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(json, "json");
  }
}
