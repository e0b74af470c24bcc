package org.guidelint;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How to lint: the input format (else the name's extension chooses), the date rules treat as
 * today (else today), the locale of the messages (else zh-Hans), and whether to carry the JSON
 * report too (else not). Immutable; build with {@link
 * #builder()}, or use {@link #defaults()}. One instance may serve any number of threads.
 *
 * <pre>{@code
 * LintOptions options = LintOptions.builder()
 *     .inputFormat(InputFormat.TEXT)
 *     .asOf(LocalDate.of(2020, 1, 1))
 *     .locale(MessageLocale.EN)
 *     .build();
 * }</pre>
 */
public final class LintOptions {
  private static final LintOptions DEFAULTS = new Builder().build();

  private final String inputFormat;
  private final LocalDate asOf;
  private final MessageLocale locale;
  private final boolean jsonReport;
  /** guidelint_lint_options with the strings it points at, or null when there is nothing to set. */
  private final Memory block;

  private LintOptions(Builder b) {
    this.inputFormat = b.inputFormat;
    this.asOf = b.asOf;
    this.locale = b.locale;
    this.jsonReport = b.jsonReport;
    this.block = inputFormat == null && asOf == null ? null : layout(inputFormat, asOf);
  }

  /** No input format, today's date, messages in zh-Hans. */
  public static LintOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.inputFormat = inputFormat;
    b.asOf = asOf;
    b.locale = locale;
    b.jsonReport = jsonReport;
    return b;
  }

  /** The input format's name ("xml", "text" …), if one was set. */
  public Optional<String> inputFormat() {
    return Optional.ofNullable(inputFormat);
  }

  /** The date rules treat as today, if one was set. */
  public Optional<LocalDate> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** The locale messages are rendered in. */
  public MessageLocale locale() {
    return locale;
  }

  /** Whether results carry the JSON report. */
  public boolean jsonReport() {
    return jsonReport;
  }

  /** The native options, or null for the library's defaults. Valid while this object lives. */
  Pointer nativeOptions() {
    return block;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LintOptions other
        && Objects.equals(inputFormat, other.inputFormat)
        && Objects.equals(asOf, other.asOf)
        && locale == other.locale
        && jsonReport == other.jsonReport;
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputFormat, asOf, locale, jsonReport);
  }

  @Override
  public String toString() {
    return "LintOptions[inputFormat=" + inputFormat + ", asOf=" + asOf + ", locale="
        + locale.tag() + ", jsonReport=" + jsonReport + "]";
  }

  /** One block: the struct, then the NUL-terminated strings its pointers point at. */
  private static Memory layout(String inputFormat, LocalDate asOf) {
    byte[] format = inputFormat == null ? null : NativeApi.cString(inputFormat, "input format");
    byte[] date = asOf == null ? null : NativeApi.cString(asOf.toString(), "date");
    int structSize = NativeApi.Layout.OPTIONS_SIZE;
    int size = structSize + (format == null ? 0 : format.length) + (date == null ? 0 : date.length);
    Memory block = new Memory(size);
    block.clear();
    NativeApi.OptionsStruct s = new NativeApi.OptionsStruct(block);
    s.struct_size = new NativeApi.SizeT(structSize);
    long at = structSize;
    if (format != null) {
      block.write(at, format, 0, format.length);
      s.input_format = block.share(at);
      at += format.length;
    }
    if (date != null) {
      block.write(at, date, 0, date.length);
      s.as_of = block.share(at);
    }
    s.write();
    return block;
  }

  /** Builds {@link LintOptions}; every setting is optional. */
  public static final class Builder {
    private String inputFormat;
    private LocalDate asOf;
    private MessageLocale locale = MessageLocale.ZH_HANS;
    private boolean jsonReport;

    private Builder() {}

    /** Read the input as this format, whatever its name; null to choose by the name. */
    public Builder inputFormat(InputFormat format) {
      this.inputFormat = format == null ? null : format.id();
      return this;
    }

    /**
     * Read the input as the format the library knows by this name ("xml", "html", "json",
     * "text", "docx"); null or "" to choose by the name. A name the library does not know makes
     * the lint throw {@link InvalidArgumentException}.
     */
    public Builder inputFormat(String format) {
      this.inputFormat = format == null || format.isEmpty() ? null : format;
      return this;
    }

    /** Lint as on this day (a decision dated later does not apply yet); null for today. */
    public Builder asOf(LocalDate date) {
      this.asOf = date;
      return this;
    }

    /** Render messages in this locale. */
    public Builder locale(MessageLocale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Render messages in the locale with this tag: "zh-Hans", "zh-Hant" or "en".
     *
     * @throws InvalidArgumentException for another tag
     */
    public Builder locale(String tag) {
      return locale(MessageLocale.forTag(Objects.requireNonNull(tag, "locale")));
    }

    /**
     * Render messages in the closest locale to a Java one (see {@link
     * MessageLocale#of(java.util.Locale)}).
     *
     * @throws InvalidArgumentException for a language guidelint has no messages in
     */
    public Builder locale(java.util.Locale locale) {
      return locale(MessageLocale.of(Objects.requireNonNull(locale, "locale")));
    }

    /**
     * Whether results carry guidelint's JSON report ({@link LintResult#json()}), messages in the
     * options' locale. Off by default: rendering it costs about as much again as the lint.
     */
    public Builder jsonReport(boolean include) {
      this.jsonReport = include;
      return this;
    }

    /**
     * The options.
     *
     * @throws InvalidArgumentException when the input format's name holds a NUL character
     */
    public LintOptions build() {
      return new LintOptions(this);
    }
  }
}
