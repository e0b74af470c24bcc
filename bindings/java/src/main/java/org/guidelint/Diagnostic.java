package org.guidelint;

import com.sun.jna.Pointer;
import org.guidelint.NativeApi.Layout;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One finding, copied out of the library: immutable, and independent of the engine that made it.
 *
 * <p>Lines and columns are 1-based, and ends are exclusive (the place just after the last
 * character). {@link #column()} counts Unicode code points, as guidelint's text output does;
 * {@link #columnUtf16()} counts UTF-16 code units, the {@code char}s of a Java {@code String}, so
 * for a span on one line {@code lineText.substring(d.columnUtf16() - 1, d.endColumnUtf16() - 1)}
 * is the text the finding points at. Offsets count bytes of the input as given. A finding with no
 * place in the input ({@link #hasSpan()} false) has every position 0.
 *
 * @param ruleId the rule, such as "required-element"
 * @param messageId the message, such as "required-element.missing"
 * @param message the message in the locale the lint asked for
 * @param severity the finding's severity
 * @param fatal the input could not be read, or not all of it
 * @param needsReview a person should look; such findings never fail a run
 * @param hasSpan the finding has a place in the input
 * @param line the first line
 * @param column the first column, in code points
 * @param endLine the last line
 * @param endColumn the column after the span, in code points
 * @param columnUtf16 the first column, in UTF-16 code units
 * @param endColumnUtf16 the column after the span, in UTF-16 code units
 * @param offset the byte offset of the span in the input
 * @param endOffset the byte offset after the span
 * @param elementId the canonical element, such as "legal_basis"; "" when none
 * @param guide the index of the guide in the input; empty for the input as a whole
 * @param citation the catalog entry, for findings about catalog items
 */
public record Diagnostic(
    String ruleId,
    String messageId,
    String message,
    Severity severity,
    boolean fatal,
    boolean needsReview,
    boolean hasSpan,
    int line,
    int column,
    int endLine,
    int endColumn,
    int columnUtf16,
    int endColumnUtf16,
    long offset,
    long endOffset,
    String elementId,
    OptionalInt guide,
    Optional<Citation> citation) {

  /** The same as {@link #ruleId()}: the name every guidelint binding uses. */
  public String rule() {
    return ruleId;
  }

  /** The same as {@link #elementId()}: the name every guidelint binding uses. */
  public String element() {
    return elementId;
  }

  /** "line:column: severity: message [rule]", the way guidelint's text output starts a line. */
  @Override
  public String toString() {
    String where = hasSpan ? line + ":" + column + ": " : "";
    String what = needsReview ? "needs-review" : severity.label();
    return where + what + ": " + message + " [" + ruleId + "]";
  }

  /** The guidelint_diagnostic at {@code d}, copied. */
  static Diagnostic of(Pointer d) {
    String item = NativeApi.readString(d, Layout.ITEM);
    String decision = NativeApi.readString(d, Layout.DECISION);
    String decisionTitle = NativeApi.readString(d, Layout.DECISION_TITLE);
    String decisionDate = NativeApi.readString(d, Layout.DECISION_DATE);
    String source = NativeApi.readString(d, Layout.SOURCE);
    boolean cited =
        !(item.isEmpty()
            && decision.isEmpty()
            && decisionTitle.isEmpty()
            && decisionDate.isEmpty()
            && source.isEmpty());
    int guide = d.getInt(Layout.GUIDE);
    return new Diagnostic(
        NativeApi.readString(d, Layout.RULE_ID),
        NativeApi.readString(d, Layout.MESSAGE_ID),
        NativeApi.readString(d, Layout.MESSAGE),
        Severity.of(d.getInt(Layout.SEVERITY)),
        d.getInt(Layout.FATAL) != 0,
        d.getInt(Layout.NEEDS_REVIEW) != 0,
        d.getInt(Layout.HAS_SPAN) != 0,
        d.getInt(Layout.LINE),
        d.getInt(Layout.COLUMN),
        d.getInt(Layout.END_LINE),
        d.getInt(Layout.END_COLUMN),
        d.getInt(Layout.COLUMN_UTF16),
        d.getInt(Layout.END_COLUMN_UTF16),
        Integer.toUnsignedLong(d.getInt(Layout.OFFSET)),
        Integer.toUnsignedLong(d.getInt(Layout.END_OFFSET)),
        NativeApi.readString(d, Layout.ELEMENT_ID),
        guide < 0 ? OptionalInt.empty() : OptionalInt.of(guide),
        cited
            ? Optional.of(new Citation(item, decision, decisionTitle, decisionDate, source))
            : Optional.empty());
  }
}
