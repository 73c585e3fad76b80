package org.bucn.tracker.campaign;

/** What may be wrong with a letter before it goes out. */
public enum LetterWarning {
  /** The campaign has no letter in any of the office's languages: the default one is used. */
  NO_TEMPLATE_IN_LANGUAGE,
  /** The directory does not name the office's holder: the letter addresses the office. */
  HOLDER_UNKNOWN,
  /** The office takes e-mail, but the directory has no address for it. */
  NO_EMAIL,
  /** The directory has no form of address for the office in the letter's language: no salutation. */
  SALUTATION_MISSING,
  /** The campaign has no letter at all yet. */
  NO_TEMPLATE,
  /** The template was saved with {{date}} or {{signatory}}, which the layout prints: the text's copies are left out. */
  LAYOUT_PLACEHOLDER
}
