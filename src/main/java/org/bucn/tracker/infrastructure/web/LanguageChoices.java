package org.bucn.tracker.infrastructure.web;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.text.Collator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.bucn.tracker.shared.Texts;
import org.springframework.stereotype.Component;

/**
 * What the pages offer: {@code ${@languages.all()}}, {@code ${@languages.zones()}}, and languages
 * of letters and offices by name in the reader's language ({@code ${@languages.name('sr-Cyrl')}} is
 * "српски (ћирилица)" to a Serbian reader, "Serbian (Cyrillic)" to an English one).
 */
@Component("languages")
public class LanguageChoices {

  /**
   * The languages a letter to the Balkan states' leaders is written in, and the network's own:
   * offered beside those an office reads.
   */
  private static final List<String> LETTER_LANGUAGES =
      List.of(
          "sq", "bs", "bg", "hr", "cnr", "el", "en", "fr", "de", "hu", "mk", "ro", "sr-Latn",
          "sr-Cyrl", "sl", "tr", "uk");

  private final Texts texts;

  LanguageChoices(Texts texts) {
    this.texts = texts;
  }

  /** A language to choose: its tag (what is stored and what the API speaks) and its name. */
  public record Named(String tag, String name) {}

  /** A time zone to choose: its IANA id (what is stored and what the API speaks) and its name. */
  public record Zone(String id, String name) {}

  /** A language tag's name in the reader's language; the tag itself when no name is known. */
  public String name(String tag) {
    return name(tag, Texts.reader());
  }

  /** A language tag's name in the given language. */
  public String name(String tag, Locale reader) {
    if (tag == null || tag.isBlank()) {
      return "";
    }
    Locale language = Locale.forLanguageTag(tag);
    if (language.getLanguage().equals("cnr")) {
      return texts.in(reader, "language.cnr");
    }
    String name = language.getDisplayName(reader);
    return name.isBlank() || name.equalsIgnoreCase(tag) ? tag : name;
  }

  /** Several by name, joined: "Serbian (Latin), Serbian (Cyrillic)". */
  public String names(List<String> tags) {
    return tags.stream().map(this::name).collect(Collectors.joining(", "));
  }

  /**
   * The languages a letter may be written in: those the office reads first, then the region's by
   * name, and the one already chosen if it is neither.
   */
  public List<Named> letters(List<String> officeReads, String chosen) {
    Collator byName = Collator.getInstance(Texts.reader());
    List<Named> others =
        LETTER_LANGUAGES.stream()
            .filter(tag -> !officeReads.contains(tag))
            .map(tag -> new Named(tag, name(tag)))
            .sorted(Comparator.comparing(Named::name, byName))
            .toList();
    List<Named> all = new ArrayList<>();
    officeReads.forEach(tag -> all.add(new Named(tag, name(tag))));
    all.addAll(others);
    if (chosen != null
        && !chosen.isBlank()
        && all.stream().noneMatch(l -> l.tag().equalsIgnoreCase(chosen))) {
      all.add(new Named(chosen, name(chosen)));
    }
    return all;
  }

  public List<InterfaceLanguage> all() {
    return List.of(InterfaceLanguage.values());
  }

  /**
   * Europe's zones and UTC, where the network's people are, each by its city and the zone's name in
   * the reader's language ("Київ — за східноєвропейським часом"), by city, one per name (Kyiv, not
   * also its old spelling), and the one already {@code chosen} whatever it is; the id is what is
   * stored.
   */
  public List<Zone> zones(String chosen) {
    Locale reader = Formats.formatting(Texts.reader());
    ULocale language = ULocale.forLocale(reader);
    TimeZoneNames names = TimeZoneNames.getInstance(language);
    Collator byName = Collator.getInstance(reader);
    Map<String, Zone> byItsName = new LinkedHashMap<>();
    ZoneId.getAvailableZoneIds().stream()
        .filter(z -> z.startsWith("Europe/") || (z.equals(chosen) && !z.equals("UTC")))
        // The current spelling first, so that an old one (Europe/Kiev) is the one left out.
        .sorted(Comparator.comparing((String z) -> !z.equals(TimeZone.getIanaID(z))))
        .map(z -> new Zone(z, zoneName(z, names, language)))
        .forEach(
            zone ->
                byItsName.merge(
                    zone.name(), zone, (kept, other) -> other.id().equals(chosen) ? other : kept));
    List<Zone> zones = new ArrayList<>(byItsName.values());
    zones.sort(Comparator.comparing(Zone::name, byName));
    zones.add(new Zone("UTC", "UTC"));
    return zones;
  }

  /** A zone as its city and its name: "Kyiv — Eastern European Time". */
  private static String zoneName(String id, TimeZoneNames names, ULocale language) {
    // CLDR names a zone under its own canonical id (Europe/Kiev for Europe/Kyiv).
    String canonical = TimeZone.getCanonicalID(id);
    String city = names.getExemplarLocationName(canonical == null ? id : canonical);
    if (city == null || city.isBlank()) {
      city = id.substring(id.indexOf('/') + 1).replace('_', ' ');
    }
    String zone = TimeZone.getTimeZone(id).getDisplayName(false, TimeZone.LONG_GENERIC, language);
    return zone == null || zone.isBlank() || zone.startsWith("GMT") ? city : city + " — " + zone;
  }
}
