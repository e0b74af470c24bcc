package org.guidelint;

/** A file to lint that could not be read: it does not exist, is a folder, or is unreadable. */
public class InputException extends GuidelintException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(Status.IO, message);
  }
}
