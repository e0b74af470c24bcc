package org.guidelint;

/**
 * A call into guidelint failed. The message is the library's own (guidelint_last_error()), read
 * on the calling thread right after the failing call. Subclasses say what kind of failure it was:
 * {@link InvalidArgumentException}, {@link ConfigException}, {@link InputException} and {@link
 * InternalException}.
 *
 * <p>A guide that cannot be parsed is not an exception: its {@link LintResult} holds a fatal
 * diagnostic saying why.
 */
public class GuidelintException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status status;

  public GuidelintException(Status status, String message) {
    super(message);
    this.status = status;
  }

  /** The C API's status for this failure. */
  public Status status() {
    return status;
  }

  /** The exception for a failed call's status and the thread's last error. */
  static GuidelintException of(int code, String message) {
    Status status = Status.of(code);
    String text =
        message == null || message.isEmpty()
            ? "guidelint call failed with status " + code
            : message;
    switch (status) {
      case ARGUMENT:
        return new InvalidArgumentException(text);
      case CONFIG:
        return new ConfigException(text);
      case IO:
        return new InputException(text);
      default:
        return new InternalException(status, text);
    }
  }
}
