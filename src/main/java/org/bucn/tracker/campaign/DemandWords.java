package org.bucn.tracker.campaign;

import java.util.List;
import java.util.Map;
import org.bucn.tracker.target.LanguageTags;

/**
 * A campaign's demands as a letter in a given language names them: "condemnation, sanctions and
 * criminal accountability".
 */
final class DemandWords {

  private DemandWords() {}

  /** Per language: the four demands in the order of {@link Demand}, then the word for "and". */
  private static final Map<String, List<String>> WORDS =
      Map.ofEntries(
          Map.entry(
              "en",
              List.of(
                  "condemnation",
                  "non-recognition",
                  "sanctions",
                  "criminal accountability",
                  "and")),
          Map.entry("sq", List.of("dënim", "mosnjohje", "sanksione", "përgjegjësi penale", "dhe")),
          Map.entry(
              "bs", List.of("osuda", "nepriznavanje", "sankcije", "krivična odgovornost", "i")),
          Map.entry(
              "hr", List.of("osuda", "nepriznavanje", "sankcije", "kaznena odgovornost", "i")),
          Map.entry(
              "sr", List.of("osuda", "nepriznavanje", "sankcije", "krivična odgovornost", "i")),
          Map.entry(
              "sr-Latn",
              List.of("osuda", "nepriznavanje", "sankcije", "krivična odgovornost", "i")),
          Map.entry(
              "sr-Cyrl", List.of("осуда", "непризнавање", "санкције", "кривична одговорност", "и")),
          Map.entry(
              "cnr", List.of("osuda", "nepriznavanje", "sankcije", "krivična odgovornost", "i")),
          Map.entry("mk", List.of("осуда", "непризнавање", "санкции", "кривична одговорност", "и")),
          Map.entry(
              "bg", List.of("осъждане", "непризнаване", "санкции", "наказателна отговорност", "и")),
          Map.entry(
              "ro",
              List.of("condamnare", "nerecunoaștere", "sancțiuni", "răspundere penală", "și")),
          Map.entry(
              "el", List.of("καταδίκη", "μη αναγνώριση", "κυρώσεις", "ποινική λογοδοσία", "και")),
          Map.entry(
              "sl", List.of("obsodba", "nepriznavanje", "sankcije", "kazenska odgovornost", "in")),
          Map.entry(
              "uk",
              List.of("засудження", "невизнання", "санкції", "кримінальна відповідальність", "і")));

  /**
   * The campaign's demands in {@code language} (the closest one known, else English), joined as a
   * list is in that language.
   */
  static String of(CampaignTerms campaign, String language) {
    List<String> words =
        WORDS.get(LanguageTags.bestOf(List.of(language, "en"), WORDS.keySet()).orElse("en"));
    List<String> demands =
        campaign.demands().stream().sorted().map(d -> words.get(d.ordinal())).toList();
    if (demands.size() <= 1) {
      return String.join("", demands);
    }
    return String.join(", ", demands.subList(0, demands.size() - 1))
        + " "
        + words.get(4)
        + " "
        + demands.get(demands.size() - 1);
  }
}
