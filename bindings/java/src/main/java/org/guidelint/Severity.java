package org.guidelint;

/** How serious a finding is: guidelint_severity. */
public enum Severity {
  OFF(0),
  INFO(1),
  WARNING(2),
  ERROR(3);

  private final int code;

  Severity(int code) {
    this.code = code;
  }

  /** The numeric value of the C enumerator. */
  public int code() {
    return code;
  }

  /** "error", "warning", "info" or "off", as in the JSON report. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Severity of(int code) {
    for (Severity s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new InternalException("unknown severity " + code + " from the library");
  }
}
