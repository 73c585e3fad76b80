package org.bucn.tracker.campaign;

/**
 * What may be wrong with a letter before it goes out. An error stops the launch until it is fixed
 * or overridden with a reason; a note is for the coordinator to read.
 */
public enum LetterWarning {
  /**
   * The campaign has no letter in any of the office's languages: the default one, in a language the
   * office does not read.
   */
  NO_TEMPLATE_IN_LANGUAGE(true),
  /**
   * The directory has no form of address for the office in the letter's language: no salutation.
   */
  SALUTATION_MISSING(true),
  /**
   * The office's form of address, or the letter's text, is in another script than the letter's
   * language is written in.
   */
  SCRIPT_MISMATCH(true),
  /** The letter names the office's holder, whom the directory does not know. */
  HOLDER_NAMED_UNKNOWN(true),
  /** The office takes e-mail, but the directory has no address for it. */
  NO_EMAIL(true),
  /** The directory does not name the office's holder: the letter addresses the office. */
  HOLDER_UNKNOWN(false),
  /** The campaign has no letter at all yet: the advocates write each one. */
  NO_TEMPLATE(false),
  /**
   * The template was saved with {{date}} or {{signatory}}, which the layout prints: the text's
   * copies are left out.
   */
  LAYOUT_PLACEHOLDER(false);

  private final boolean error;

  LetterWarning(boolean error) {
    this.error = error;
  }

  /** Whether it stops a launch. */
  public boolean error() {
    return error;
  }
}
