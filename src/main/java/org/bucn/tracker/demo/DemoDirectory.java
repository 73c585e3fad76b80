package org.bucn.tracker.demo;

import java.util.List;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.TargetRequest;

/**
 * The demo target directory: head of state and head of government of each of the eleven
 * states. Holders are filled in only where their term clearly runs past late 2026; the rest are
 * left blank for a coordinator to complete, since office holders change.
 */
final class DemoDirectory {

  private DemoDirectory() {}

  static final List<TargetRequest> TARGETS =
      List.of(
          office("AL", "Albania", "President of the Republic", "Bajram Begaj", "https://president.al", "sq"),
          office("AL", "Albania", "Prime Minister", "Edi Rama", "https://kryeministria.al", "sq"),
          office("BA", "Bosnia and Herzegovina", "Presidency of Bosnia and Herzegovina", null, "https://www.predsjednistvobih.ba", "bs"),
          office("BA", "Bosnia and Herzegovina", "Chair of the Council of Ministers", null, "https://www.vijeceministara.gov.ba", "bs"),
          office("BG", "Bulgaria", "President of the Republic", null, "https://www.president.bg", "bg"),
          office("BG", "Bulgaria", "Prime Minister", null, "https://www.gov.bg", "bg"),
          office("HR", "Croatia", "President of the Republic", "Zoran Milanović", "https://www.predsjednik.hr", "hr"),
          office("HR", "Croatia", "Prime Minister", "Andrej Plenković", "https://vlada.gov.hr", "hr"),
          office("GR", "Greece", "President of the Hellenic Republic", "Konstantinos Tasoulas", "https://www.presidency.gr", "el"),
          office("GR", "Greece", "Prime Minister", "Kyriakos Mitsotakis", "https://www.primeminister.gr", "el"),
          office("XK", "Kosovo", "President", null, "https://president-ksgov.net", "sq"),
          office("XK", "Kosovo", "Prime Minister", null, "https://kryeministri.rks-gov.net", "sq"),
          office("ME", "Montenegro", "President", "Jakov Milatović", "https://www.predsjednik.me", "sr"),
          office("ME", "Montenegro", "Prime Minister", null, "https://www.gov.me", "sr"),
          office("MK", "North Macedonia", "President", "Gordana Siljanovska-Davkova", "https://pretsedatel.mk", "mk"),
          office("MK", "North Macedonia", "Prime Minister", "Hristijan Mickoski", "https://vlada.mk", "mk"),
          office("RO", "Romania", "President", "Nicușor Dan", "https://www.presidency.ro", "ro"),
          office("RO", "Romania", "Prime Minister", null, "https://gov.ro", "ro"),
          office("RS", "Serbia", "President of the Republic", "Aleksandar Vučić", "https://www.predsednik.rs", "sr"),
          office("RS", "Serbia", "Prime Minister", null, "https://www.srbija.gov.rs", "sr"),
          office("SI", "Slovenia", "President of the Republic", "Nataša Pirc Musar", null, "sl"),
          office("SI", "Slovenia", "Prime Minister", null, "https://www.gov.si", "sl"));

  private static TargetRequest office(
      String code, String country, String office, String holder, String contact, String language) {
    return new TargetRequest(code, country, office, holder, Channel.EMAIL, contact, language);
  }
}
