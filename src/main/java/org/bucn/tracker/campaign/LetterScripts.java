package org.bucn.tracker.campaign;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which script a letter is written in: the one its language tag names ({@code sr-Cyrl}), or the
 * only one its language is written in ({@code mk}, {@code sq}); Serbian without a script subtag is
 * written in both, so its letter's text decides. A form of address in another script than its
 * letter's is a mistake a reader sees at once.
 */
public final class LetterScripts {

  private static final Set<String> CYRILLIC = Set.of("mk", "bg", "uk", "ru", "be");
  private static final Set<String> GREEK = Set.of("el");
  private static final Set<String> LATIN =
      Set.of(
          "en", "sq", "hr", "bs", "sl", "ro", "cnr", "de", "fr", "it", "tr", "hu", "pl", "cs",
          "sk");
  private static final Map<String, UnicodeScript> SUBTAGS =
      Map.of(
          "Latn", UnicodeScript.LATIN, "Cyrl", UnicodeScript.CYRILLIC, "Grek", UnicodeScript.GREEK);

  private LetterScripts() {}

  /** The script the language tag says its text is written in, if it says one. */
  static Optional<UnicodeScript> of(String languageTag) {
    Locale locale = Locale.forLanguageTag(languageTag);
    if (!locale.getScript().isEmpty()) {
      return Optional.ofNullable(SUBTAGS.get(locale.getScript()));
    }
    String language = locale.getLanguage();
    return CYRILLIC.contains(language)
        ? Optional.of(UnicodeScript.CYRILLIC)
        : GREEK.contains(language)
            ? Optional.of(UnicodeScript.GREEK)
            : LATIN.contains(language) ? Optional.of(UnicodeScript.LATIN) : Optional.empty();
  }

  /**
   * Whether the text is written in the script its language names (or is only written in): a
   * Cyrillic text marked sr-Latn does not fit; a language written in two scripts fits either.
   */
  public static boolean textFits(String languageTag, String text) {
    return of(languageTag)
        .map(script -> dominant(text).map(script::equals).orElse(true))
        .orElse(true);
  }

  /** The script most of the text's letters are in, if it has letters. */
  static Optional<UnicodeScript> dominant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    text.codePoints()
        .filter(Character::isLetter)
        .forEach(c -> counts.merge(UnicodeScript.of(c), 1, Integer::sum));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }
}
