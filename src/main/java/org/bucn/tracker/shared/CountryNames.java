package org.bucn.tracker.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every country's name in the network's languages and its neighbours' ("Srbija", "Србија",
 * "Сербія", "Shqipëria", "Северна Македонија"), from the JDK's CLDR data and the names the region
 * writes that CLDR lacks: the search index holds them, and the board's filter finds a country by
 * any of them.
 */
public final class CountryNames {

  /** The interface's languages, those of the Balkan offices and of their neighbours. */
  public static final List<String> LANGUAGES =
      List.of(
          "en", "uk", "sr-Latn", "sr-Cyrl", "hr", "bs", "sq", "mk", "bg", "ro", "el", "sl", "hu",
          "tr", "ru", "de", "fr", "it");

  /** Names CLDR does not give but the region writes: "Kosova", and Albania as Albanians say it. */
  private static final List<List<String>> MORE =
      List.of(List.of("XK", "Kosova"), List.of("AL", "Shqipëria"));

  /** Each name and its country code, in the order of the languages; the names compared folded. */
  private static final Map<String, Set<String>> CODES_BY_FOLDED_NAME = index();

  private CountryNames() {}

  /** Every (country code, name) pair, for the search index. */
  public static List<List<String>> all() {
    List<List<String>> pairs = new ArrayList<>();
    List<String> countries = new ArrayList<>(List.of(Locale.getISOCountries()));
    countries.add("XK");
    for (String code : countries) {
      for (String language : LANGUAGES) {
        String name = new Locale("", code).getDisplayCountry(Locale.forLanguageTag(language));
        if (!name.isBlank() && !name.equals(code)) {
          pairs.add(List.of(code, name));
        }
      }
    }
    pairs.addAll(MORE);
    return pairs;
  }

  /**
   * The codes of the countries one of whose names contains {@code text}, regardless of case and
   * accents ("srb" finds RS by "Srbija", "сербія" by "Сербія").
   */
  public static Set<String> codesNaming(String text) {
    String wanted = fold(text);
    Set<String> codes = new TreeSet<>();
    if (wanted.isEmpty()) {
      return codes;
    }
    CODES_BY_FOLDED_NAME.forEach(
        (name, named) -> {
          if (name.contains(wanted)) {
            codes.addAll(named);
          }
        });
    return codes;
  }

  private static Map<String, Set<String>> index() {
    Map<String, Set<String>> index = new LinkedHashMap<>();
    for (List<String> pair : all()) {
      index.computeIfAbsent(fold(pair.get(1)), name -> new TreeSet<>()).add(pair.get(0));
    }
    return index;
  }

  private static String fold(String text) {
    return text == null
        ? ""
        : Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
  }
}
