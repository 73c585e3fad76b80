package org.bucn.tracker.demo;

import java.util.List;
import java.util.Map;
import org.bucn.tracker.target.TargetFormRequest;

/**
 * How protocol addresses each demo office, in English and in the office's own language(s): the
 * formal title, the honorific before the holder's name (only where the demo directory names the
 * holder: it depends on them), and the salutation. Keyed "country code|office".
 */
final class DemoForms {

  private DemoForms() {}

  record Form(String language, TargetFormRequest form) {}

  private static Form form(
      String language, String formalTitle, String honorific, String salutation) {
    return new Form(language, new TargetFormRequest(formalTitle, honorific, salutation));
  }

  private static final String EXCELLENCY = "Your Excellency,";
  private static final String HE = "His Excellency Mr";
  private static final String SHE = "Her Excellency Ms";

  static final Map<String, List<Form>> FORMS =
      Map.ofEntries(
          Map.entry(
              "AL|President of the Republic",
              List.of(
                  form("en", "President of the Republic of Albania", HE, EXCELLENCY),
                  form(
                      "sq",
                      "Presidenti i Republikës së Shqipërisë",
                      "Shkëlqesia e Tij Z.",
                      "Shkëlqesi,"))),
          Map.entry(
              "AL|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of Albania", HE, EXCELLENCY),
                  form(
                      "sq",
                      "Kryeministri i Republikës së Shqipërisë",
                      "Shkëlqesia e Tij Z.",
                      "Shkëlqesi,"))),
          Map.entry(
              "BA|Presidency of Bosnia and Herzegovina",
              List.of(
                  form("en", "Presidency of Bosnia and Herzegovina", null, "Your Excellencies,"),
                  form("bs", "Predsjedništvo Bosne i Hercegovine", null, "Vaše ekselencije,"),
                  form("hr", "Predsjedništvo Bosne i Hercegovine", null, "Vaše ekselencije,"),
                  form("sr", "Предсједништво Босне и Херцеговине", null, "Ваше екселенције,"))),
          Map.entry(
              "BA|Chair of the Council of Ministers",
              List.of(
                  form(
                      "en",
                      "Chair of the Council of Ministers of Bosnia and Herzegovina",
                      null,
                      EXCELLENCY),
                  form(
                      "bs",
                      "Predsjedavajući Vijeća ministara Bosne i Hercegovine",
                      null,
                      "Vaša ekselencijo,"),
                  form(
                      "hr",
                      "Predsjedatelj Vijeća ministara Bosne i Hercegovine",
                      null,
                      "Vaša ekselencijo,"),
                  form(
                      "sr",
                      "Предсједавајући Савјета министара Босне и Херцеговине",
                      null,
                      "Ваша екселенцијо,"))),
          Map.entry(
              "BG|President of the Republic",
              List.of(
                  form("en", "President of the Republic of Bulgaria", null, EXCELLENCY),
                  form("bg", "Президент на Република България", null, "Ваше превъзходителство,"))),
          Map.entry(
              "BG|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of Bulgaria", null, EXCELLENCY),
                  form(
                      "bg",
                      "Министър-председател на Република България",
                      null,
                      "Ваше превъзходителство,"))),
          Map.entry(
              "HR|President of the Republic",
              List.of(
                  form("en", "President of the Republic of Croatia", HE, EXCELLENCY),
                  form(
                      "hr",
                      "Predsjednik Republike Hrvatske",
                      "Njegova Ekselencija gospodin",
                      "Vaša Ekselencijo,"))),
          Map.entry(
              "HR|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of Croatia", HE, EXCELLENCY),
                  form(
                      "hr",
                      "Predsjednik Vlade Republike Hrvatske",
                      "Njegova Ekselencija gospodin",
                      "Vaša Ekselencijo,"))),
          Map.entry(
              "GR|President of the Hellenic Republic",
              List.of(
                  form("en", "President of the Hellenic Republic", HE, EXCELLENCY),
                  form(
                      "el",
                      "Πρόεδρος της Ελληνικής Δημοκρατίας",
                      "Τον Εξοχότατο κύριο",
                      "Εξοχότατε κύριε Πρόεδρε,"))),
          Map.entry(
              "GR|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Hellenic Republic", HE, EXCELLENCY),
                  form(
                      "el",
                      "Πρωθυπουργός της Ελληνικής Δημοκρατίας",
                      "Τον Εξοχότατο κύριο",
                      "Εξοχότατε κύριε Πρωθυπουργέ,"))),
          Map.entry(
              "XK|President",
              List.of(
                  form("en", "President of the Republic of Kosovo", null, EXCELLENCY),
                  form("sq", "Presidenti i Republikës së Kosovës", null, "Shkëlqesi,"))),
          Map.entry(
              "XK|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of Kosovo", null, EXCELLENCY),
                  form("sq", "Kryeministri i Republikës së Kosovës", null, "Shkëlqesi,"))),
          Map.entry(
              "ME|President",
              List.of(
                  form("en", "President of Montenegro", HE, EXCELLENCY),
                  form(
                      "cnr",
                      "Predsjednik Crne Gore",
                      "Njegova Ekselencija gospodin",
                      "Vaša Ekselencijo,"),
                  form(
                      "sr-Latn",
                      "Predsjednik Crne Gore",
                      "Njegova Ekselencija gospodin",
                      "Vaša Ekselencijo,"))),
          Map.entry(
              "ME|Prime Minister",
              List.of(
                  form("en", "Prime Minister of Montenegro", null, EXCELLENCY),
                  form("cnr", "Predsjednik Vlade Crne Gore", null, "Vaša Ekselencijo,"),
                  form("sr-Latn", "Predsjednik Vlade Crne Gore", null, "Vaša Ekselencijo,"))),
          Map.entry(
              "MK|President",
              List.of(
                  form("en", "President of the Republic of North Macedonia", SHE, EXCELLENCY),
                  form(
                      "mk",
                      "Претседател на Република Северна Македонија",
                      "Нејзина Екселенција г-ѓа",
                      "Ваша Екселенцијо,"))),
          Map.entry(
              "MK|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of North Macedonia", HE, EXCELLENCY),
                  form(
                      "mk",
                      "Претседател на Владата на Република Северна Македонија",
                      "Негова Екселенција г-дин",
                      "Ваша Екселенцијо,"))),
          Map.entry(
              "RO|President",
              List.of(
                  form("en", "President of Romania", HE, EXCELLENCY),
                  form(
                      "ro",
                      "Președintele României",
                      "Excelenței Sale Domnului",
                      "Excelența Voastră,"))),
          Map.entry(
              "RO|Prime Minister",
              List.of(
                  form("en", "Prime Minister of Romania", null, EXCELLENCY),
                  form("ro", "Prim-ministrul României", null, "Excelența Voastră,"))),
          Map.entry(
              "RS|President of the Republic",
              List.of(
                  form("en", "President of the Republic of Serbia", HE, EXCELLENCY),
                  form(
                      "sr-Cyrl",
                      "Председник Републике Србије",
                      "Његова Екселенција господин",
                      "Ваша Екселенцијо,"),
                  form(
                      "sr-Latn",
                      "Predsednik Republike Srbije",
                      "Njegova Ekselencija gospodin",
                      "Vaša Ekselencijo,"))),
          Map.entry(
              "RS|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of Serbia", null, EXCELLENCY),
                  form("sr-Cyrl", "Председник Владе Републике Србије", null, "Ваша Екселенцијо,"),
                  form("sr-Latn", "Predsednik Vlade Republike Srbije", null, "Vaša Ekselencijo,"))),
          Map.entry(
              "SI|President of the Republic",
              List.of(
                  form("en", "President of the Republic of Slovenia", SHE, EXCELLENCY),
                  form(
                      "sl",
                      "Predsednica Republike Slovenije",
                      "Njena ekscelenca gospa",
                      "Vaša ekscelenca,"))),
          Map.entry(
              "SI|Prime Minister",
              List.of(
                  form("en", "Prime Minister of the Republic of Slovenia", null, EXCELLENCY),
                  form("sl", "Predsednik Vlade Republike Slovenije", null, "Vaša ekscelenca,"))));
}
