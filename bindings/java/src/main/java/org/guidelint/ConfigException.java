package org.guidelint;

import java.util.Arrays;
import java.util.List;

/**
 * A config that could not be used: a YAML text or file with problems, or a config file that
 * cannot be read. The message lists each problem on its own line as {@code
 * name:line:column: message}, the name being the file's path or {@code <config>} for YAML text.
 */
public class ConfigException extends GuidelintException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(Status.CONFIG, message);
  }

  /** The message's lines, one problem each. */
  public List<String> problems() {
    return Arrays.stream(getMessage().split("\n")).filter(line -> !line.isBlank()).toList();
  }
}
