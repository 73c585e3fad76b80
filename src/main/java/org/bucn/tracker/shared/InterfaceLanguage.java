package org.bucn.tracker.shared;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the tracker speaks to its people, each named in itself: the network works in
 * Ukrainian, Serbian, Croatian, Bosnian, Montenegrin and Albanian, and English.
 */
public enum InterfaceLanguage {
  EN("en", "English"),
  UK("uk", "Українська"),
  SR_LATN("sr-Latn", "Srpski (latinica)"),
  SR_CYRL("sr-Cyrl", "Српски (ћирилица)"),
  HR("hr", "Hrvatski"),
  BS("bs", "Bosanski"),
  CNR("cnr", "Crnogorski"),
  SQ("sq", "Shqip");

  /** Where a person who has not said otherwise reads their times. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Belgrade");

  private final String tag;
  private final String name;

  InterfaceLanguage(String tag, String name) {
    this.tag = tag;
    this.name = name;
  }

  /** The BCP 47 tag: {@code sr-Latn}. */
  public String tag() {
    return tag;
  }

  /** The language's name in itself: "Српски (ћирилица)". */
  public String nativeName() {
    return name;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /** The interface language a tag names, exactly (case aside): {@code sr-latn} is Serbian Latin. */
  public static Optional<InterfaceLanguage> ofTag(String tag) {
    return tag == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.strip())).findFirst();
  }

  /**
   * The interface language closest to a locale a browser asks for: its own tag, else Serbian by its
   * script (Latin unless Cyrillic is asked for), else the language alone; none, empty.
   */
  public static Optional<InterfaceLanguage> closest(Locale locale) {
    Optional<InterfaceLanguage> exact = ofTag(locale.toLanguageTag());
    if (exact.isPresent()) {
      return exact;
    }
    String language = locale.getLanguage();
    if (language.equals("sr")) {
      return Optional.of("Cyrl".equals(locale.getScript()) ? SR_CYRL : SR_LATN);
    }
    if (language.equals("me")) {
      return Optional.of(CNR);
    }
    return ofTag(language);
  }
}
