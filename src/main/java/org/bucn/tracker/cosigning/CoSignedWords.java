package org.bucn.tracker.cosigning;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bucn.tracker.target.LanguageTags;

/**
 * The co-signatories as a letter prints them after its signature, in the letter's language:
 * "Co-signed by 3 organisations and 2 individuals:" (plural forms by the language's own rules), the
 * organisations by country (named in that language), then the individuals by name, each in the
 * language's alphabetical order ({@link CoSignedList}).
 */
public final class CoSignedWords {

  /**
   * Per language: the organisations' count, the individuals' count, the heading with both, the
   * heading with one, and the individual who asked not to be named.
   */
  private record Words(
      String organisations, String individuals, String both, String one, String unnamed) {}

  /** Bosnian, Croatian, Serbian in Latin and Montenegrin word this list alike. */
  private static final Words LATIN_SOUTH_SLAVIC =
      new Words(
          "{n, plural, one {# organizacija} few {# organizacije} other {# organizacija}}",
          "{n, plural, one {# pojedinac} few {# pojedinca} other {# pojedinaca}}",
          "Supotpisnici: {0} i {1}:",
          "Supotpisnici: {0}:",
          "pojedinac koji je zatražio da ne bude imenovan");

  private static final Map<String, Words> WORDS =
      Map.ofEntries(
          Map.entry(
              "en",
              new Words(
                  "{n, plural, one {# organisation} other {# organisations}}",
                  "{n, plural, one {# individual} other {# individuals}}",
                  "Co-signed by {0} and {1}:",
                  "Co-signed by {0}:",
                  "an individual who asked not to be named")),
          Map.entry(
              "uk",
              new Words(
                  "{n, plural, one {# організація} few {# організації} many {# організацій} other {# організації}}",
                  "{n, plural, one {# особа} few {# особи} many {# осіб} other {# особи}}",
                  "Співпідписанти: {0} і {1}:",
                  "Співпідписанти: {0}:",
                  "особа, яка попросила не називати її імені")),
          Map.entry(
              "sq",
              new Words(
                  "{n, plural, one {# organizatë} other {# organizata}}",
                  "{n, plural, one {# individ} other {# individë}}",
                  "Bashkënënshkruar nga {0} dhe {1}:",
                  "Bashkënënshkruar nga {0}:",
                  "një individ që kërkoi të mos përmendet me emër")),
          Map.entry("bs", LATIN_SOUTH_SLAVIC),
          Map.entry("hr", LATIN_SOUTH_SLAVIC),
          Map.entry("sr", LATIN_SOUTH_SLAVIC),
          Map.entry(
              "sr-Cyrl",
              new Words(
                  "{n, plural, one {# организација} few {# организације} other {# организација}}",
                  "{n, plural, one {# појединац} few {# појединца} other {# појединаца}}",
                  "Супотписници: {0} и {1}:",
                  "Супотписници: {0}:",
                  "појединац који је затражио да не буде именован")),
          Map.entry("cnr", LATIN_SOUTH_SLAVIC),
          Map.entry(
              "mk",
              new Words(
                  "{n, plural, one {# организација} other {# организации}}",
                  "{n, plural, one {# поединец} other {# поединци}}",
                  "Заеднички потписници: {0} и {1}:",
                  "Заеднички потписници: {0}:",
                  "поединец кој побара да не биде именуван")),
          Map.entry(
              "bg",
              new Words(
                  "{n, plural, one {# организация} other {# организации}}",
                  "{n, plural, one {# физическо лице} other {# физически лица}}",
                  "Съподписали: {0} и {1}:",
                  "Съподписали: {0}:",
                  "лице, което помоли да не бъде назовавано")),
          Map.entry(
              "sl",
              new Words(
                  "{n, plural, one {# organizacija} two {# organizaciji} few {# organizacije} other {# organizacij}}",
                  "{n, plural, one {# posameznik} two {# posameznika} few {# posamezniki} other {# posameznikov}}",
                  "Sopodpisniki: {0} in {1}:",
                  "Sopodpisniki: {0}:",
                  "posameznik, ki je prosil, naj ne bo imenovan")),
          Map.entry(
              "ro",
              new Words(
                  "{n, plural, one {# organizație} few {# organizații} other {# de organizații}}",
                  "{n, plural, one {# persoană} few {# persoane} other {# de persoane}}",
                  "Cosemnatari: {0} și {1}:",
                  "Cosemnatari: {0}:",
                  "o persoană care a cerut să nu fie numită")),
          Map.entry(
              "el",
              new Words(
                  "{n, plural, one {# οργάνωση} other {# οργανώσεις}}",
                  "{n, plural, one {# ιδιώτης} other {# ιδιώτες}}",
                  "Συνυπογράφουν: {0} και {1}:",
                  "Συνυπογράφουν: {0}:",
                  "ένα πρόσωπο που ζήτησε να μην κατονομαστεί")));

  private CoSignedWords() {}

  /**
   * The lines of the mailed text after the signature: the heading, each country's organisations
   * ("Country: Name; Name"), each individual ("Name, Title"); none when nobody co-signs.
   */
  public static List<String> lines(CoSigners signers, String language) {
    return list(signers, language).map(CoSignedList::lines).orElse(List.of());
  }

  /**
   * The list as the letter prints it, in the letter's language and in that language's alphabetical
   * order (Croatian puts "Čakovec" after "Cres", Serbian Cyrillic "Ђ" after "Д"); empty when nobody
   * co-signs.
   */
  public static Optional<CoSignedList> list(CoSigners signers, String language) {
    if (signers.isEmpty()) {
      return Optional.empty();
    }
    Words words = wordsFor(language);
    ULocale plurals = ULocale.forLanguageTag(language.equals("cnr") ? "sr" : language);
    String organisations = count(words.organisations(), signers.organisations().size(), plurals);
    String individuals = count(words.individuals(), signers.individualCount(), plurals);
    String heading;
    if (signers.organisations().isEmpty()) {
      heading = MessageFormat.format(words.one(), individuals);
    } else if (signers.individualCount() == 0) {
      heading = MessageFormat.format(words.one(), organisations);
    } else {
      heading = MessageFormat.format(words.both(), organisations, individuals);
    }
    Comparator<String> alphabetical = alphabetical(language);
    Map<String, List<String>> byCountry = new TreeMap<>(alphabetical);
    for (CoSigners.Organisation o : signers.organisations()) {
      byCountry
          .computeIfAbsent(country(o.countryCode(), language), c -> new ArrayList<>())
          .add(o.name());
    }
    List<CoSignedList.Country> countries = new ArrayList<>();
    byCountry.forEach(
        (country, names) ->
            countries.add(
                new CoSignedList.Country(country, names.stream().sorted(alphabetical).toList())));
    List<CoSignedList.Person> people = new ArrayList<>();
    signers.individuals().stream()
        .sorted(Comparator.comparing(CoSigners.Person::name, alphabetical))
        .forEach(p -> people.add(new CoSignedList.Person(p.name(), p.title())));
    for (int i = 0; i < signers.unnamed(); i++) {
      people.add(new CoSignedList.Person(words.unnamed(), null));
    }
    return Optional.of(new CoSignedList(heading, countries, people));
  }

  /**
   * The letter's language's alphabetical order, case and accents second, numbers by value (ICU's
   * collation for it; Serbian and Montenegrin as Serbian in Latin, as the tracker writes them),
   * ties broken by the text itself so no two names are "equal".
   */
  private static Comparator<String> alphabetical(String language) {
    Collator collator =
        Collator.getInstance(
            ULocale.forLocale(
                LanguageTags.dateLocale(language.equals("sr") ? "sr-Latn" : language, null)));
    collator.setStrength(Collator.SECONDARY);
    if (collator instanceof RuleBasedCollator rules) {
      rules.setNumericCollation(true); // "Forum 2" before "Forum 10"
    }
    return Comparator.<String, String>comparing(s -> s, collator::compare)
        .thenComparing(Comparator.naturalOrder());
  }

  private static String count(String pattern, int n, ULocale plurals) {
    return new MessageFormat(pattern, plurals).format(Map.of("n", n));
  }

  private static Words wordsFor(String language) {
    Words words = WORDS.get(language);
    if (words == null && language.startsWith("sr") && language.contains("Cyrl")) {
      words = WORDS.get("sr-Cyrl");
    }
    if (words == null) {
      words = WORDS.get(language.replaceFirst("-.*", ""));
    }
    return words == null ? WORDS.get("en") : words;
  }

  /** The country as the letter's language names it; none for a signature without one. */
  private static String country(String code, String language) {
    if (code == null) {
      return "";
    }
    Locale in = LanguageTags.dateLocale(language.equals("sr") ? "sr-Latn" : language, code);
    String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(in);
    if (in.getLanguage().equals("en")) {
      name = name.replace(" & ", " and "); // CLDR's short "Bosnia & Herzegovina", not a letter's
    }
    return name.isBlank() || name.equals(code) ? code : name;
  }
}
