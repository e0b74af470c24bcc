package org.guidelint;

/** Out of memory, a bug caught at the boundary, or a status this binding does not know. */
public class InternalException extends GuidelintException {
  private static final long serialVersionUID = 1L;

  public InternalException(String message) {
    this(Status.INTERNAL, message);
  }

  public InternalException(Status status, String message) {
    super(status, message);
  }
}
