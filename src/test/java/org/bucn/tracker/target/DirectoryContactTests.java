package org.bucn.tracker.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.TrackerClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** How to reach each office, when that was checked, and who held it when. */
@TrackerTest
class DirectoryContactTests {

  @Autowired MockMvc mvc;
  @Autowired TargetService targets;
  @Autowired TrackerClock clock;
  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;

  /**
   * Saving an office's page as it came (nothing touched) keeps every value, the "checked on" date
   * and the holder's start included.
   */
  @Test
  void anOfficeSavedUnchangedFromItsPageKeepsItsCheckedOnDate() throws Exception {
    Target office =
        targets.create(
            new TargetRequest(
                "RO",
                "Romania",
                "Senate " + System.nanoTime(),
                "Mircea Abrudean",
                LocalDate.of(2025, 6, 24),
                org.bucn.tracker.target.Channel.EMAIL,
                null,
                "senat@example.org",
                "Calea 13 Septembrie 1-3\nBucureşti",
                "https://senat.ro",
                LocalDate.of(2026, 11, 2),
                "https://senat.ro/contact",
                "ro"),
            "coordinator");
    String page =
        mvc.perform(
                get("/targets/{id}/edit", office.id())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user("coordinator")
                            .roles("COORDINATOR")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var form =
        post("/targets/{id}", office.id())
            .with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.user("coordinator")
                    .roles("COORDINATOR"))
            .with(
                org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.csrf());
    var inputs =
        java.util.regex.Pattern.compile(
                "<input[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"[^>]*>")
            .matcher(page);
    while (inputs.find()) {
      String value = org.springframework.web.util.HtmlUtils.htmlUnescape(inputs.group(2));
      // As a browser does: a date input whose value is not a date string (yyyy-MM-dd) shows and
      // sends nothing.
      if (inputs.group().contains("type=\"date\"") && !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        value = "";
      }
      if (!inputs.group(1).startsWith("_")) {
        form.param(inputs.group(1), value);
      }
    }
    // A list sends its chosen option, as a browser does.
    var lists =
        java.util.regex.Pattern.compile(
                "<select[^>]*?name=\"([^\"]+)\"[^>]*>(?:(?!</select>).)*?<option value=\"([^\"]*)\" selected=\"selected\"",
                java.util.regex.Pattern.DOTALL)
            .matcher(page);
    while (lists.find()) {
      form.param(lists.group(1), lists.group(2));
    }
    var areas =
        java.util.regex.Pattern.compile("<textarea[^>]*?name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>")
            .matcher(page);
    while (areas.find()) {
      form.param(
          areas.group(1),
          org.springframework.web.util.HtmlUtils.htmlUnescape(areas.group(2))
              .replaceFirst("^\n", ""));
    }
    var selected =
        java.util.regex.Pattern.compile("<option[^>]*?value=\"([^\"]+)\"[^>]*?selected")
            .matcher(page);
    if (selected.find()) {
      form.param("channel", selected.group(1));
    }
    mvc.perform(form).andExpect(status().is3xxRedirection());
    Target saved = targets.get(office.id());
    assertThat(saved.verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(saved.holderSince()).isEqualTo(LocalDate.of(2025, 6, 24));
    assertThat(saved.postalAddress()).isEqualTo("Calea 13 Septembrie 1-3\nBucureşti");
    assertThat(saved.email()).isEqualTo("senat@example.org");
  }

  @Test
  void everyDemoOfficeCanBeReachedAndSaysWhereThatWasChecked() {
    List<Target> demo =
        targets.findAll().stream()
            .filter(t -> t.source() != null && t.source().equals(t.website()))
            .toList();
    assertThat(demo).hasSizeGreaterThanOrEqualTo(22);
    assertThat(demo)
        .allSatisfy(
            t -> {
              assertThat(t.email())
                  .as(t.office() + ", " + t.country())
                  .endsWith("@example.org")
                  .startsWith("example-");
              assertThat(t.postalAddress()).isNotBlank();
              assertThat(t.website()).startsWith("https://");
              assertThat(t.verifiedOn()).isNotNull();
              assertThat(t.contact())
                  .as("contact stays readable for old clients")
                  .isEqualTo(t.website());
            });
    Target serbia =
        demo.stream()
            .filter(t -> t.countryCode().equals("RS") && t.office().startsWith("President"))
            .findFirst()
            .orElseThrow();
    assertThat(serbia.holderName()).isEqualTo("Aleksandar Vučić");
    assertThat(serbia.holderSince()).isEqualTo(LocalDate.of(2017, 5, 31));
  }

  @Test
  void newFieldsRoundTripAndBadAddressesAreRefusedNamingTheField() throws Exception {
    String office = "Speaker of the Parliament " + System.nanoTime();
    String body =
        mvc.perform(
                post("/api/targets")
                    .with(httpBasic("coordinator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json(
                            office,
                            "Ana Brnabić",
                            null,
                            "kabinet@parlament.example",
                            "https://www.parlament.example")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.email").value("kabinet@parlament.example"))
            .andExpect(jsonPath("$.postalAddress").value("Trg Nikole Pašića 13, Beograd"))
            .andExpect(jsonPath("$.website").value("https://www.parlament.example"))
            .andExpect(jsonPath("$.verifiedOn").value("2026-11-01"))
            .andExpect(jsonPath("$.source").value("https://www.parlament.example/contact"))
            .andExpect(jsonPath("$.holderSince").value(LocalDate.now(clock).toString()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    mvc.perform(
            put("/api/targets/{id}", id)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(
                        office,
                        "Ana Brnabić",
                        null,
                        "not an address",
                        "https://www.parlament.example")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
    mvc.perform(
            put("/api/targets/{id}", id)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(
                        office,
                        "Ana Brnabić",
                        null,
                        "kabinet@parlament.example",
                        "javascript:alert(1)")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("website"));
    assertThat(targets.get(id).email()).isEqualTo("kabinet@parlament.example");
  }

  @Test
  void aNewHolderClosesThePreviousHoldersPeriod() throws Exception {
    String office = "Minister of Foreign Affairs " + System.nanoTime();
    String body =
        mvc.perform(
                post("/api/targets")
                    .with(httpBasic("coordinator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json(office, "First Holder", "2024-05-02", null, null)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    mvc.perform(
            put("/api/targets/{id}", id)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(office, "Second Holder", "2024-05-01", null, null)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("holderSince"));
    mvc.perform(
            put("/api/targets/{id}", id)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(office, "Second Holder", "2026-01-15", null, null)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holderName").value("Second Holder"))
        .andExpect(jsonPath("$.holderSince").value("2026-01-15"));
    mvc.perform(get("/api/targets/{id}/holders", id).with(httpBasic("advocate", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].name").value("First Holder"))
        .andExpect(jsonPath("$[0].from").value("2024-05-02"))
        .andExpect(jsonPath("$[0].to").value("2026-01-15"))
        .andExpect(jsonPath("$[1].name").value("Second Holder"))
        .andExpect(jsonPath("$[1].to").value(org.hamcrest.Matchers.nullValue()));

    // The same holder again changes nothing in the history.
    mvc.perform(
            put("/api/targets/{id}", id)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(office, "Second Holder", null, "minister@mfa.example", null)))
        .andExpect(status().isOk());
    assertThat(targets.holders(id)).hasSize(2);
  }

  @Test
  void anAppealRemembersTheHolderItWasAddressedTo() {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "ME");
    long appeal = drill.appeal(campaign, "ME");
    Target office = targets.get(appeals.detail(appeal).target().id());
    drill.draftAndApprove(appeal);
    drill.submit(appeal, LocalDate.now(clock).toString());
    String addressed = office.holderName();
    targets.update(
        office.id(),
        new TargetRequest(
            office.countryCode(),
            office.country(),
            office.office(),
            "A Successor",
            null,
            office.channel(),
            office.contact(),
            office.email(),
            office.postalAddress(),
            office.website(),
            office.verifiedOn(),
            office.source(),
            office.language(),
            office.languages()),
        "coordinator");
    try {
      assertThat(appeals.detail(appeal).target().holderName()).isEqualTo(addressed);
      assertThat(appeals.detail(appeal).submission().addressedTo()).isEqualTo(addressed);
      assertThat(targets.get(office.id()).holderName()).isEqualTo("A Successor");
    } finally {
      targets.update(
          office.id(),
          new TargetRequest(
              office.countryCode(),
              office.country(),
              office.office(),
              addressed,
              null,
              office.channel(),
              office.contact(),
              office.email(),
              office.postalAddress(),
              office.website(),
              office.verifiedOn(),
              office.source(),
              office.language(),
              office.languages()),
          "coordinator");
    }
  }

  @Test
  void officesHaveFormsOfAddressPerLanguageAndLanguagesAreBcp47Tags() throws Exception {
    Target serbia =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals("RS") && t.office().startsWith("President"))
            .findFirst()
            .orElseThrow();
    assertThat(serbia.languages()).containsExactly("sr-Cyrl", "sr-Latn");
    assertThat(
            targets.findAll().stream()
                .filter(t -> t.countryCode().equals("ME"))
                .map(Target::language))
        .containsOnly("cnr");
    assertThat(
            targets.findAll().stream()
                .filter(t -> t.countryCode().equals("BA"))
                .map(Target::languages))
        .allSatisfy(l -> assertThat(l).containsExactly("bs", "hr", "sr"));
    assertThat(targets.findAll().stream().filter(t -> DemoOffices.isDemo(t)).toList())
        .as("every demo office has its forms in English and in its own languages")
        .allSatisfy(
            t ->
                assertThat(targets.forms(t.id()).stream().map(TargetForm::language).toList())
                    .contains("en")
                    .containsAll(t.languages()));

    mvc.perform(
            get("/api/targets/{id}/forms/sr-cyrl", serbia.id()).with(httpBasic("manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("sr-Cyrl"))
        .andExpect(jsonPath("$.formalTitle").value("Председник Републике Србије"))
        .andExpect(jsonPath("$.salutation").value("Ваша Екселенцијо,"));
    mvc.perform(
            put("/api/targets/{id}/forms/de", serbia.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"formalTitle\": \"Präsident der Republik Serbien\", \"honorific\": \"Seine Exzellenz Herr\", \"salutation\": \"Exzellenz,\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.updatedBy").value("coordinator"));
    mvc.perform(
            put("/api/targets/{id}/forms/de", serbia.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formalTitle\": \"Präsident\", \"salutation\": \" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("salutation"));
    mvc.perform(
            put("/api/targets/{id}/forms/{language}", serbia.id(), "not a tag")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formalTitle\": \"x\", \"salutation\": \"y\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"));
    mvc.perform(
            put("/api/targets/{id}/forms/de", serbia.id())
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formalTitle\": \"x\", \"salutation\": \"y\"}"))
        .andExpect(status().isForbidden());
    assertThat(targets.form(serbia.id(), "de").formalTitle())
        .isEqualTo("Präsident der Republik Serbien");

    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json("Office " + System.nanoTime(), "X", null, null, null)
                        .replace("\"language\":\"sr\"", "\"language\":\"montenegrin\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"));
    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json("Office " + System.nanoTime(), "X", null, null, null)
                        .replace("\"language\":\"sr\"", "\"language\":\"sr-latn\"")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.language").value("sr-Latn"))
        .andExpect(jsonPath("$.languages[0]").value("sr-Latn"));
  }

  /** The offices the demo directory seeds: their source is their website. */
  static final class DemoOffices {
    static boolean isDemo(Target t) {
      return t.source() != null
          && t.source().equals(t.website())
          && t.email() != null
          && t.email().startsWith("example-");
    }
  }

  private static String json(
      String office, String holder, String since, String email, String website) {
    return """
        {"countryCode":"RS","country":"Serbia","office":"%s","holderName":"%s","holderSince":%s,"channel":"EMAIL",
         "email":%s,"postalAddress":"Trg Nikole Pašića 13, Beograd","website":%s,"verifiedOn":"2026-11-01",
         "source":"https://www.parlament.example/contact","language":"sr"}
        """
        .formatted(office, holder, quoted(since), quoted(email), quoted(website));
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
