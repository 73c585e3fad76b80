package org.bucn.tracker.target;

/**
 * How a letter in one language addresses an office: from the office's form in that language ({@code
 * formLanguage}), or, when it has none, by its office and country alone ({@code formLanguage} null,
 * no honorific, no salutation). {@code holderName} is null while the holder is unknown: the letter
 * then addresses the office, never "Dear" followed by the office's name.
 */
public record Addressing(
    String formLanguage,
    String formalTitle,
    String honorific,
    String salutation,
    String holderName,
    String postalAddress) {

  public boolean hasForm() {
    return formLanguage != null;
  }

  /** "His Excellency Mr Aleksandar Vučić", or empty while the holder is unknown. */
  public String addressee() {
    if (holderName == null) {
      return "";
    }
    return honorific == null ? holderName : honorific + " " + holderName;
  }
}
