package org.guidelint;

/** The formats guidelint reads. Without one, a file name's extension chooses. */
public enum InputFormat {
  XML("xml"),
  HTML("html"),
  JSON("json"),
  TEXT("text"),
  DOCX("docx");

  private final String id;

  InputFormat(String id) {
    this.id = id;
  }

  /** The name the library knows it by: "xml", "html", "json", "text" or "docx". */
  public String id() {
    return id;
  }
}
