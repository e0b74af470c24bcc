package org.guidelint;

/**
 * An argument guidelint does not accept: an unknown input format or locale, a date it cannot
 * use, a name or path holding a NUL character. A {@code null} where a value is required is a
 * {@link NullPointerException}, as everywhere in Java.
 */
public class InvalidArgumentException extends GuidelintException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(Status.ARGUMENT, message);
  }
}
