package org.guidelint;

/**
 * The counts of one lint.
 *
 * @param guides the guides found in the input
 * @param errors findings at error severity, not counting those that need review
 * @param warnings findings at warning severity, not counting those that need review
 * @param infos findings at info severity, not counting those that need review
 * @param reviews findings that need a person to look, whatever their severity
 * @param fatal the input could not be read as guides, or not all of it
 */
public record Summary(
    long guides, long errors, long warnings, long infos, long reviews, boolean fatal) {

  /** True when a CMS should refuse the input: an error, or an input not read in full. */
  public boolean hasErrors() {
    return errors > 0 || fatal;
  }
}
