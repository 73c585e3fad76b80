package org.bucn.tracker.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A country's name in the network's languages and its neighbours' ("Srbija", "Србија", "Сербія",
 * "Serbi") leads to the name the directory writes it with ("Serbia"): a search for either finds the
 * same offices and appeals. Names from the JDK's CLDR data, folded as the index folds them.
 */
@Component
class CountryNames {

  /** The interface's languages and those of the Balkan offices the network writes to. */
  private static final List<String> LANGUAGES =
      List.of(
          "en", "uk", "sr-Latn", "sr-Cyrl", "hr", "bs", "sq", "mk", "bg", "ro", "el", "sl", "ru");

  private final JdbcClient jdbc;
  private volatile Map<String, String> englishOf;

  CountryNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The folded English name of the country a folded word names, when it names one in another way.
   */
  Optional<String> english(String foldedWord) {
    return Optional.ofNullable(names().get(foldedWord));
  }

  private Map<String, String> names() {
    Map<String, String> names = englishOf;
    if (names == null) {
      names = load();
      englishOf = names;
    }
    return names;
  }

  private Map<String, String> load() {
    List<String> written = new ArrayList<>();
    List<String> english = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      String inEnglish = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      for (String language : LANGUAGES) {
        written.add(new Locale("", code).getDisplayCountry(Locale.forLanguageTag(language)));
        english.add(inEnglish);
      }
    }
    written.add("Kosova");
    english.add("Kosovo");
    Map<String, String> names = new HashMap<>();
    jdbc
        .sql(
            "SELECT search_fold(w) AS w, search_fold(e) AS e FROM unnest(?::text[], ?::text[]) AS n (w, e)")
        .params(written.toArray(String[]::new), english.toArray(String[]::new))
        .query((rs, n) -> Map.entry(rs.getString("w"), rs.getString("e")))
        .list()
        .stream()
        .filter(name -> !name.getKey().contains(" ") && !name.getKey().equals(name.getValue()))
        .forEach(name -> names.putIfAbsent(name.getKey(), name.getValue()));
    return Map.copyOf(names);
  }
}
