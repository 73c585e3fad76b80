package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** One letter per campaign, filled in per target in its language; hostile text stays text. */
@TrackerTest
class LetterTests {

  static final String HOSTILE =
      "${7*7} #{7*7} {{#x}}boom{{/x}} <b>Office</b> <script>alert(1)</script>";

  @Autowired MockMvc mvc;
  @Autowired CampaignService campaigns;
  @Autowired Letters letters;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired CampaignDrill drill;
  @Autowired TaskAssignments assignments;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void launchingGivesEveryAppealAFirstDraftInItsLeadersLanguageOrTheDefault() throws Exception {
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Letters " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION, Demand.SANCTIONS),
                "P14D",
                3,
                "P30D",
                List.of(headOfState("RS"), headOfState("AL"))),
            CampaignDrill.COORDINATOR);
    mvc.perform(
            put("/api/campaigns/{id}/letters/en", campaign.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                {"subject":"{{campaignTitle}}","body":"Dear {{holderName}}, {{office}} of {{country}}: we ask for {{demands}}.","isDefault":true}
                """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.isDefault").value(true));
    mvc.perform(
            put("/api/campaigns/{id}/letters/sr", campaign.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                {"subject":"Apel","body":"Poštovani {{holderName}}, tražimo {{demands}}."}
                """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.isDefault").value(false));
    mvc.perform(
            put("/api/campaigns/{id}/letters/sr", campaign.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"x\",\"body\":\"{{#items}}never closed\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    for (String tag :
        java.util.List.of(
            "{{office.toUpperCase}}",
            "{{entrySet}}",
            "{{#entrySet}}{{key}}{{/entrySet}}",
            "{{office.class}}",
            "{{this}}")) {
      mvc.perform(
              put("/api/campaigns/{id}/letters/sr", campaign.id())
                  .with(httpBasic("coordinator", "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      new com.fasterxml.jackson.databind.ObjectMapper()
                          .writeValueAsString(
                              java.util.Map.of("subject", "x", "body", "Dear " + tag))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("body"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value(org.hamcrest.Matchers.containsString("which is not a placeholder")));
    }
    mvc.perform(
            put("/api/campaigns/{id}/letters/serbian", campaign.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"x\",\"body\":\"y\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"));
    mvc.perform(
            put("/api/campaigns/{id}/letters/en", campaign.id())
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"x\",\"body\":\"y\"}"))
        .andExpect(status().isForbidden());

    drill.launch(campaign);
    var serbia = appeals.detail(drill.appeal(campaign, "RS"));
    assertThat(serbia.draft().language())
        .as("sr-Cyrl, the office's first language, is served by the sr letter")
        .isEqualTo("sr");
    assertThat(serbia.draft().subject()).isEqualTo("Apel");
    assertThat(serbia.draft().text())
        .isEqualTo("Poštovani Aleksandar Vučić, tražimo osuda i sankcije.");
    var albania = appeals.detail(drill.appeal(campaign, "AL"));
    assertThat(albania.draft().language())
        .as("no Albanian translation: the default")
        .isEqualTo("en");
    assertThat(albania.draft().text())
        .contains(
            "Dear Bajram Begaj, President of the Republic of Albania: we ask for condemnation and sanctions.");
    assertThat(albania.timeline())
        .extracting("detail")
        .contains("Draft 1 prepared from the campaign letter (English) — Dana Coordinator");
  }

  @Test
  void hostileTextInAnOfficeStaysPlainTextInTheDraftTheMailAndThePdf() throws Exception {
    Target hostile =
        targets.create(
            new TargetRequest(
                "SI",
                "Slovenia",
                HOSTILE + " " + System.nanoTime(),
                null,
                null,
                Channel.LETTER,
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
                "Hostile " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(hostile.id())),
            CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(),
        "en",
        new LetterRequest("To {{office}}", "Dear {{holderName}},\n{{office}}\n{{demands}}", true),
        CampaignDrill.COORDINATOR);
    drill.launch(campaign);
    long appeal = appeals.summariesOfCampaign(campaign.id()).get(0).id();

    String draft = appeals.detail(appeal).draft().text();
    assertThat(draft).contains(hostile.office()).doesNotContain("49 49").doesNotContain("\nboom");

    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    assignments.assign(task, "advocate2", CampaignDrill.COORDINATOR);
    String mail =
        jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox WHERE body LIKE ?")
            .param("%" + task + "%")
            .query(String.class)
            .single();
    assertThat(mail).contains(hostile.office()).doesNotContain("49 49");

    mvc.perform(get("/appeals/{id}", appeal).with(user("manager").roles("MANAGER")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("<script>alert(1)"))));
    // Before it is approved, the draft as it would be printed, and said to be not yet sent.
    mvc.perform(get("/appeals/{id}/letter.pdf", appeal).with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Letter-Status", "not yet sent"));

    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE2,
        Map.of("text", draft, "language", "en"));
    drill.complete(
        appeal, TaskKey.REVIEW_APPEAL, CampaignDrill.COORDINATOR, Map.of("decision", "APPROVE"));
    byte[] pdf =
        mvc.perform(
                get("/appeals/{id}/letter.pdf", appeal).with(user("advocate").roles("ADVOCATE")))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("${7*7} #{7*7} {{#x}}boom{{/x}} <b>Office</b> <script>alert(1)</script>")
          .contains("Slovenia");
    }
  }

  private long headOfState(String country) {
    return targets.findAll().stream()
        .filter(t -> t.countryCode().equals(country) && !t.office().equals("Prime Minister"))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
