package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.organisation.Organisation;
import org.bucn.tracker.organisation.OrganisationRequest;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.organisation.Signatory;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Letters a diplomat would sign: addressed as protocol says, in the right language, previewed
 * before launch, printed properly.
 */
@TrackerTest
class LetterQualityTests {

  static final String BODY =
      "{{salutation}}\n\n{{#holderName}}{{honorific}} {{holderName}}, {{/holderName}}{{formalTitle}}: {{demands}}.";

  @Autowired MockMvc mvc;
  @Autowired CampaignService campaigns;
  @Autowired Letters letters;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired CampaignDrill drill;
  @Autowired OrganisationService organisation;

  @Test
  void thePreviewShowsEveryLetterWithExactlyItsWarnings() throws Exception {
    Target noForms =
        targets.create(
            new TargetRequest(
                "SI",
                "Slovenia",
                "Speaker of the National Assembly " + System.nanoTime(),
                "Urška Klakočar Zupančič",
                null,
                Channel.EMAIL,
                null,
                null,
                null,
                null,
                null,
                null,
                "sl"),
            "coordinator");
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Preview " + System.nanoTime(),
                "Test",
                Set.of(Demand.NON_RECOGNITION),
                "P14D",
                3,
                "P30D",
                List.of(
                    office("RS", "President of the Republic"),
                    office("BG", "President of the Republic"),
                    office("AL", "Prime Minister"),
                    noForms.id())),
            CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "en", new LetterRequest("Appeal", BODY, true), CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(),
        "sr-Latn",
        new LetterRequest("Apel", BODY, false),
        CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "bg", new LetterRequest("Апел", BODY, false), CampaignDrill.COORDINATOR);

    mvc.perform(
            get("/api/campaigns/{id}/letters/preview", campaign.id())
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(4))
        .andExpect(jsonPath("$[?(@.country == 'Serbia')].warnings[*]").isEmpty())
        .andExpect(jsonPath("$[?(@.country == 'Serbia')].language").value("sr-Latn"))
        .andExpect(
            jsonPath("$[?(@.country == 'Serbia')].body")
                .value(
                    Matchers.hasItem(
                        Matchers.startsWith(
                            "Vaša Ekselencijo,\n\nNjegova Ekselencija gospodin Aleksandar Vučić, Predsednik Republike Srbije: nepriznavanje."))))
        .andExpect(
            jsonPath("$[?(@.country == 'Bulgaria')].warnings[*]")
                .value(Matchers.contains("HOLDER_UNKNOWN")))
        .andExpect(
            jsonPath("$[?(@.country == 'Bulgaria')].body")
                .value(
                    Matchers.hasItem(
                        Matchers.startsWith(
                            "Ваше превъзходителство,\n\nПрезидент на Република България: непризнаване."))))
        .andExpect(
            jsonPath("$[?(@.country == 'Albania')].warnings[*]")
                .value(Matchers.contains("NO_TEMPLATE_IN_LANGUAGE")))
        .andExpect(jsonPath("$[?(@.country == 'Albania')].language").value("en"))
        .andExpect(
            jsonPath("$[?(@.country == 'Slovenia')].warnings[*]")
                .value(
                    Matchers.contains(
                        "NO_TEMPLATE_IN_LANGUAGE", "NO_EMAIL", "SALUTATION_MISSING")));

    mvc.perform(
            get("/campaigns/{id}/letters/preview", campaign.id())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(Matchers.containsString("salutation missing")))
        .andExpect(content().string(Matchers.containsString("Vaša Ekselencijo,")));
    mvc.perform(
            get("/campaigns/{id}", campaign.id()).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "4 errors stop the launch: fix them, or launch despite them with a reason")));

    // What the preview shows is what launching drafts, in the language of the letter actually used.
    drill.launch(campaign);
    var albania = appeals.detail(drill.appeal(campaign, "AL")).draft();
    assertThat(albania.language()).isEqualTo("en");
    assertThat(albania.subject()).isEqualTo("Appeal");
    assertThat(albania.text())
        .startsWith(
            "Your Excellency,\n\nHis Excellency Mr Edi Rama, Prime Minister of the Republic of Albania: non-recognition.");
  }

  /**
   * "Molimo da Albanija", not "Molimo da Albania": the country in the letter's language, English
   * letters as the directory names it.
   */
  @Test
  void theCountryIsNamedInTheLettersLanguage() {
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Countries " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(
                    office("AL", "Prime Minister"),
                    office("ME", "President"),
                    office("BA", "Presidency of Bosnia and Herzegovina"),
                    office("MK", "President"))),
            CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(),
        "sr-Latn",
        new LetterRequest("Apel", "Molimo da {{country}}:", true),
        CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(),
        "mk",
        new LetterRequest("Апел", "Ве молиме, {{country}}:", false),
        CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(),
        "en",
        new LetterRequest("Appeal", "We ask {{country}}:", false),
        CampaignDrill.COORDINATOR);
    Map<String, LetterPreview> preview =
        letters.preview(campaign.id()).stream()
            .collect(java.util.stream.Collectors.toMap(LetterPreview::country, p -> p));
    assertThat(preview.get("Albania").body()).isEqualTo("Molimo da Albanija:");
    assertThat(preview.get("Montenegro").body()).isEqualTo("Molimo da Crna Gora:");
    assertThat(preview.get("North Macedonia").body()).isEqualTo("Ве молиме, Северна Македонија:");
    assertThat(
            Letters.countryName(
                targets.get(office("BA", "Presidency of Bosnia and Herzegovina")), "en"))
        .isEqualTo("Bosnia and Herzegovina");
  }

  /**
   * "u ime Balkansko-ukrajinska mreža saradnje", not the English name inside a Serbian sentence; a
   * language without one takes the letterhead's.
   */
  @Test
  void theOrganisationIsNamedInTheLettersLanguage() {
    Organisation original = organisation.get();
    try {
      organisation.save(
          new OrganisationRequest(
              "Balkan-Ukrainian cooperation network",
              original.postalAddress(),
              original.email(),
              original.website(),
              Map.of(
                  "en",
                  new Signatory("Dana Coordinator", "Coordinator"),
                  "sr-Latn",
                  new Signatory(
                      "Dana Coordinator", "Koordinatorka", "Balkansko-ukrajinska mreža saradnje"),
                  "mk",
                  new Signatory("Dana Coordinator", "Координаторка"))),
          "admin");
      Campaign campaign =
          campaigns.create(
              new CampaignRequest(
                  "Organisation " + System.nanoTime(),
                  "Test",
                  Set.of(Demand.CONDEMNATION),
                  "P14D",
                  3,
                  "P30D",
                  List.of(
                      office("ME", "President"),
                      office("MK", "President"),
                      office("AL", "Prime Minister"))),
              CampaignDrill.COORDINATOR);
      letters.save(
          campaign.id(),
          "sr-Latn",
          new LetterRequest("Apel", "U ime {{organisation}}:", true),
          CampaignDrill.COORDINATOR);
      letters.save(
          campaign.id(),
          "mk",
          new LetterRequest("Апел", "Во име на {{organisation}}:", false),
          CampaignDrill.COORDINATOR);
      letters.save(
          campaign.id(),
          "en",
          new LetterRequest("Appeal", "On behalf of {{organisation}}:", false),
          CampaignDrill.COORDINATOR);
      Map<String, LetterPreview> preview =
          letters.preview(campaign.id()).stream()
              .collect(java.util.stream.Collectors.toMap(LetterPreview::country, p -> p));
      assertThat(preview.get("Montenegro").body())
          .isEqualTo("U ime Balkansko-ukrajinska mreža saradnje:");
      assertThat(preview.get("North Macedonia").body())
          .as("no name given in Macedonian: the letterhead's")
          .isEqualTo("Во име на Balkan-Ukrainian cooperation network:");
    } finally {
      organisation.save(
          new OrganisationRequest(
              original.name(),
              original.postalAddress(),
              original.email(),
              original.website(),
              original.signatories()),
          "admin");
    }
  }

  @Test
  void bosniaKosovoAndGreeceAreAddressedAsTheirProtocolSaysAndNoOfficeIsDearedByItsName() {
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Protocol " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION, Demand.SANCTIONS),
                "P14D",
                3,
                "P30D",
                List.of(
                    office("BA", "Presidency of Bosnia and Herzegovina"),
                    office("XK", "President"),
                    office("GR", "Prime Minister"))),
            CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "en", new LetterRequest("Appeal", BODY, true), CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "bs", new LetterRequest("Apel", BODY, false), CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "sq", new LetterRequest("Apel", BODY, false), CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "el", new LetterRequest("Έκκληση", BODY, false), CampaignDrill.COORDINATOR);
    Map<String, LetterPreview> preview =
        letters.preview(campaign.id()).stream()
            .collect(java.util.stream.Collectors.toMap(LetterPreview::country, p -> p));

    assertThat(preview.get("Bosnia and Herzegovina").body())
        .startsWith("Vaše ekselencije,\n\nPredsjedništvo Bosne i Hercegovine: osuda i sankcije.")
        .doesNotContain("Dear");
    assertThat(preview.get("Kosovo").body())
        .startsWith("Shkëlqesi,\n\nPresidenti i Republikës së Kosovës: dënim dhe sanksione.");
    assertThat(preview.get("Greece").body())
        .startsWith(
            "Εξοχότατε κύριε Πρωθυπουργέ,\n\nΤον Εξοχότατο κύριο Kyriakos Mitsotakis, Πρωθυπουργός της Ελληνικής Δημοκρατίας: καταδίκη και κυρώσεις.");
  }

  @Test
  void datesAreWrittenAsEachLanguageWritesThem() {
    LocalDate day = LocalDate.of(2026, 11, 28);
    assertThat(Letters.date(day, "hr", "HR")).isEqualTo("28. studenoga 2026.");
    assertThat(Letters.date(day, "sq", "AL")).isEqualTo("28 nëntor 2026");
    assertThat(Letters.date(day, "en", "RS")).isEqualTo("28 November 2026");
    assertThat(Letters.date(day, "sr-Cyrl", "RS")).isEqualTo("28. новембар 2026.");
    assertThat(Letters.date(day, "cnr", "ME")).isEqualTo("28. novembar 2026.");
    assertThat(Letters.date(day, "el", "GR")).isEqualTo("28 Νοεμβρίου 2026");
  }

  @Test
  void anUnknownPlaceholderIsRefusedWhenTheLetterIsSavedNamingIt() throws Exception {
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Typo " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(office("RO", "President"))),
            CampaignDrill.COORDINATOR);
    mvc.perform(
            put("/api/campaigns/{id}/letters/ro", campaign.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"Apel\",\"body\":\"{{salutaton}} ...\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("{{salutaton}}")));
    assertThat(letters.of(campaign.id())).isEmpty();
  }

  @Test
  void thePdfLetterCarriesCyrillicAndGreekExactlyAndNothingInternal() throws Exception {
    for (String[] c :
        List.of(
            new String[] {
              "RS",
              "President of the Republic",
              "sr-Cyrl",
              "Позивамо Вас да не признате лажне „изборе“ на окупираним територијама Украјине."
            },
            new String[] {
              "MK",
              "President",
              "mk",
              "Ве повикуваме да не ги признаете лажните „избори“ на окупираните територии на Украина."
            },
            new String[] {
              "BG",
              "Prime Minister",
              "bg",
              "Призоваваме Ви да не признавате фалшивите „избори“ в окупираните територии на Украйна."
            },
            new String[] {
              "GR",
              "President of the Hellenic Republic",
              "el",
              "Σας καλούμε να μην αναγνωρίσετε τις εικονικές «εκλογές» στα κατεχόμενα εδάφη της Ουκρανίας."
            })) {
      Campaign campaign =
          drill.launch(
              campaigns.create(
                  new CampaignRequest(
                      "PDF " + System.nanoTime(),
                      "Test",
                      Set.of(Demand.CONDEMNATION),
                      "P14D",
                      3,
                      "P30D",
                      List.of(office(c[0], c[1]))),
                  CampaignDrill.COORDINATOR));
      long appeal = drill.appeal(campaign, c[0]);
      drill.complete(
          appeal,
          TaskKey.DRAFT_APPEAL,
          CampaignDrill.ADVOCATE,
          Map.of("text", c[3], "language", c[2], "subject", "Апел / Έκκληση"));
      drill.complete(
          appeal, TaskKey.REVIEW_APPEAL, CampaignDrill.COORDINATOR, Map.of("decision", "APPROVE"));
      byte[] pdf =
          mvc.perform(
                  get("/appeals/{id}/letter.pdf", appeal).with(user("advocate").roles("ADVOCATE")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      try (PDDocument document = Loader.loadPDF(pdf)) {
        String text = new PDFTextStripper().getText(document);
        assertThat(text.replaceAll("\\s+", " "))
            .as(c[2])
            .contains(c[3])
            .contains("Апел / Έκκληση")
            .doesNotContain("Appeal " + appeal)
            .doesNotContain(campaign.title())
            .doesNotContain("draft");
        assertThat(document.getDocumentCatalog().getMetadata()).as("PDF/A metadata").isNotNull();
        String xmp =
            new String(
                document.getDocumentCatalog().getMetadata().toByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xmp).contains("pdfaid:part").contains("3");
      }
    }
  }

  private long office(String country, String name) {
    return targets.findAll().stream()
        .filter(t -> t.countryCode().equals(country) && t.office().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
