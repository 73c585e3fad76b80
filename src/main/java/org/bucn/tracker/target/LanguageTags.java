package org.bucn.tracker.target;

import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Languages as BCP 47 tags ({@code en}, {@code sq}, {@code sr-Latn}, {@code sr-Cyrl}, {@code cnr}):
 * checking and spelling them the canonical way, choosing the best of several (RFC 4647 lookup:
 * {@code sr-Cyrl} falls back to {@code sr}), and the locale a date is written in for a letter.
 */
public final class LanguageTags {

  private LanguageTags() {}

  /**
   * ISO 639-1 languages, their ISO 639-2 three-letter codes, and ISO 639-3 codes the JDK does not
   * list (Montenegrin).
   */
  private static final Set<String> LANGUAGES =
      Stream.concat(
              Stream.of(Locale.getISOLanguages())
                  .flatMap(code -> Stream.of(code, new Locale(code).getISO3Language())),
              Stream.of("cnr"))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Where the JDK has no date names of its own for a language, the closest it has: Montenegrin is
   * written like Serbian in Latin. English letters date as diplomatic English does, "28 November
   * 2026".
   */
  private static final Map<String, String> DATE_LOCALE = Map.of("cnr", "sr-Latn-ME", "en", "en-GB");

  /**
   * The tag spelled the canonical way ({@code sr-latn} → {@code sr-Latn}), or empty when it is not
   * a language tag.
   */
  public static Optional<String> canonical(String tag) {
    if (tag == null || tag.isBlank() || tag.contains("_")) {
      return Optional.empty();
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
      if (!LANGUAGES.contains(locale.getLanguage())
          || !locale.getVariant().isEmpty()
          || locale.hasExtensions()) {
        return Optional.empty();
      }
      return Optional.of(locale.toLanguageTag());
    } catch (IllformedLocaleException e) {
      return Optional.empty();
    }
  }

  public static boolean isValid(String tag) {
    return canonical(tag).isPresent();
  }

  /**
   * Of the {@code available} tags, the one that best serves someone who reads {@code wanted} (in
   * order of preference): exact first, then by truncation ({@code sr-Cyrl} takes {@code sr}).
   */
  public static Optional<String> bestOf(List<String> wanted, Collection<String> available) {
    if (wanted.isEmpty() || available.isEmpty()) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges =
        wanted.stream().map(w -> new Locale.LanguageRange(w.toLowerCase(Locale.ROOT))).toList();
    String found =
        Locale.lookupTag(ranges, available.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
    return Optional.ofNullable(found)
        .flatMap(f -> available.stream().filter(a -> a.equalsIgnoreCase(f)).findFirst());
  }

  /**
   * The locale to write dates in for a letter in {@code tag} to an office in {@code countryCode}.
   */
  public static Locale dateLocale(String tag, String countryCode) {
    String base = DATE_LOCALE.getOrDefault(tag, tag);
    Locale locale = Locale.forLanguageTag(base);
    if (locale.getCountry().isEmpty() && countryCode != null && !"XK".equals(countryCode)) {
      locale = new Locale.Builder().setLocale(locale).setRegion(countryCode).build();
    }
    return locale;
  }
}
