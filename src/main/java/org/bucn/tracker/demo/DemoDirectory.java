package org.bucn.tracker.demo;

import java.time.LocalDate;
import java.util.List;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.TargetRequest;

/**
 * The demo target directory: head of state and head of government of each of the eleven states.
 * Holders are filled in only where their term clearly runs past late 2026; the rest are left blank
 * for a coordinator to complete, since office holders change; each with the day they took office.
 *
 * <p>Contacts: websites are the offices' own; postal addresses are given where the office publishes
 * one we know, else marked "(example)". No office's real e-mail address is guessed: every {@code
 * email} is a clearly marked example on example.org, to be replaced from the office's website
 * before a real campaign (so is the one website we are unsure of). {@code verifiedOn} is the day
 * these entries were compiled and {@code source} the office's website, where a coordinator checks
 * them again.
 */
final class DemoDirectory {

  private DemoDirectory() {}

  /** The day the entries below were compiled from the offices' websites. */
  static final LocalDate COMPILED_ON = LocalDate.of(2026, 11, 1);

  static final List<TargetRequest> TARGETS =
      List.of(
          office(
              "AL",
              "Albania",
              "President of the Republic",
              "Bajram Begaj",
              LocalDate.of(2022, 7, 24),
              "https://president.al",
              "sq",
              "president-al",
              "Bulevardi Dëshmorët e Kombit, Tiranë, Albania"),
          office(
              "AL",
              "Albania",
              "Prime Minister",
              "Edi Rama",
              LocalDate.of(2013, 9, 15),
              "https://kryeministria.al",
              "sq",
              "prime-minister-al",
              "Bulevardi Dëshmorët e Kombit, Tiranë, Albania"),
          office(
              "BA",
              "Bosnia and Herzegovina",
              "Presidency of Bosnia and Herzegovina",
              null,
              null,
              "https://www.predsjednistvobih.ba",
              "bs,hr,sr",
              "presidency-ba",
              null),
          office(
              "BA",
              "Bosnia and Herzegovina",
              "Chair of the Council of Ministers",
              null,
              null,
              "https://www.vijeceministara.gov.ba",
              "bs,hr,sr",
              "council-of-ministers-ba",
              null),
          office(
              "BG",
              "Bulgaria",
              "President of the Republic",
              null,
              null,
              "https://www.president.bg",
              "bg",
              "president-bg",
              "2 Dondukov Blvd, 1123 Sofia, Bulgaria"),
          office(
              "BG",
              "Bulgaria",
              "Prime Minister",
              null,
              null,
              "https://www.gov.bg",
              "bg",
              "prime-minister-bg",
              "1 Dondukov Blvd, 1194 Sofia, Bulgaria"),
          office(
              "HR",
              "Croatia",
              "President of the Republic",
              "Zoran Milanović",
              LocalDate.of(2020, 2, 19),
              "https://www.predsjednik.hr",
              "hr",
              "president-hr",
              "Pantovčak 241, 10000 Zagreb, Croatia"),
          office(
              "HR",
              "Croatia",
              "Prime Minister",
              "Andrej Plenković",
              LocalDate.of(2016, 10, 19),
              "https://vlada.gov.hr",
              "hr",
              "prime-minister-hr",
              "Trg sv. Marka 2, 10000 Zagreb, Croatia"),
          office(
              "GR",
              "Greece",
              "President of the Hellenic Republic",
              "Konstantinos Tasoulas",
              LocalDate.of(2025, 3, 13),
              "https://www.presidency.gr",
              "el",
              "president-gr",
              "Vasileos Georgiou B' 2, 10028 Athens, Greece"),
          office(
              "GR",
              "Greece",
              "Prime Minister",
              "Kyriakos Mitsotakis",
              LocalDate.of(2019, 7, 8),
              "https://www.primeminister.gr",
              "el",
              "prime-minister-gr",
              "Maximos Mansion, Irodou Attikou 19, 10674 Athens, Greece"),
          office(
              "XK",
              "Kosovo",
              "President",
              null,
              null,
              "https://president-ksgov.net",
              "sq",
              "president-xk",
              null),
          office(
              "XK",
              "Kosovo",
              "Prime Minister",
              null,
              null,
              "https://kryeministri.rks-gov.net",
              "sq",
              "prime-minister-xk",
              null),
          office(
              "ME",
              "Montenegro",
              "President",
              "Jakov Milatović",
              LocalDate.of(2023, 5, 20),
              "https://www.predsjednik.me",
              "cnr,sr-Latn",
              "president-me",
              null),
          office(
              "ME",
              "Montenegro",
              "Prime Minister",
              null,
              null,
              "https://www.gov.me",
              "cnr,sr-Latn",
              "prime-minister-me",
              null),
          office(
              "MK",
              "North Macedonia",
              "President",
              "Gordana Siljanovska-Davkova",
              LocalDate.of(2024, 5, 12),
              "https://pretsedatel.mk",
              "mk",
              "president-mk",
              null),
          office(
              "MK",
              "North Macedonia",
              "Prime Minister",
              "Hristijan Mickoski",
              LocalDate.of(2024, 6, 23),
              "https://vlada.mk",
              "mk",
              "prime-minister-mk",
              null),
          office(
              "RO",
              "Romania",
              "President",
              "Nicușor Dan",
              LocalDate.of(2025, 5, 26),
              "https://www.presidency.ro",
              "ro",
              "president-ro",
              "Palatul Cotroceni, Bulevardul Geniului 1, București, Romania"),
          office(
              "RO",
              "Romania",
              "Prime Minister",
              null,
              null,
              "https://gov.ro",
              "ro",
              "prime-minister-ro",
              "Palatul Victoria, Piața Victoriei 1, București, Romania"),
          office(
              "RS",
              "Serbia",
              "President of the Republic",
              "Aleksandar Vučić",
              LocalDate.of(2017, 5, 31),
              "https://www.predsednik.rs",
              "sr-Cyrl,sr-Latn",
              "president-rs",
              "Andrićev venac 1, 11000 Beograd, Serbia"),
          office(
              "RS",
              "Serbia",
              "Prime Minister",
              null,
              null,
              "https://www.srbija.gov.rs",
              "sr-Cyrl,sr-Latn",
              "prime-minister-rs",
              "Nemanjina 11, 11000 Beograd, Serbia"),
          office(
              "SI",
              "Slovenia",
              "President of the Republic",
              "Nataša Pirc Musar",
              LocalDate.of(2022, 12, 22),
              "https://president-si.example.org",
              "sl",
              "president-si",
              "Erjavčeva cesta 17, 1000 Ljubljana, Slovenia"),
          office(
              "SI",
              "Slovenia",
              "Prime Minister",
              null,
              null,
              "https://www.gov.si",
              "sl",
              "prime-minister-si",
              "Gregorčičeva 20, 1000 Ljubljana, Slovenia"));

  private static TargetRequest office(
      String code,
      String country,
      String office,
      String holder,
      LocalDate since,
      String website,
      String languages,
      String mailbox,
      String postal) {
    return new TargetRequest(
        code,
        country,
        office,
        holder,
        since,
        Channel.EMAIL,
        website,
        "example-" + mailbox + "@example.org",
        postal != null ? postal : "(example) " + office + ", " + country,
        website,
        COMPILED_ON,
        website,
        languages.split(",")[0],
        List.of(languages.split(",")));
  }
}
