package org.guidelint;

/** The C API's {@code guidelint_status} codes for a failed call. */
public enum Status {
  /** A null handle or pointer, an unknown locale or input format, a bad date. */
  ARGUMENT(1),
  /** The config has problems; the message lists them. */
  CONFIG(2),
  /** A file could not be read. */
  IO(3),
  /** An index past the end. */
  RANGE(4),
  /** Out of memory, or a bug caught at the boundary. */
  INTERNAL(5);

  private final int code;

  Status(int code) {
    this.code = code;
  }

  /** The numeric value of the C enumerator. */
  public int code() {
    return code;
  }

  /** The status for a C code; {@link #INTERNAL} for a code this binding does not know. */
  public static Status of(int code) {
    for (Status s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    return INTERNAL;
  }
}
