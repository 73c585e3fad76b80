package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Writing and reviewing drafts: work saved in passing, what changed shown to the reviewer, a
 * language that does not fit flagged.
 */
@TrackerTest
class DraftingTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;
  @Autowired TaskAssignments assignments;

  @Test
  void workOnADraftIsSavedWithoutANewVersionAndComesBackInTheForm() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "HR");
    long appeal = drill.appeal(campaign, "HR");
    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    int versions = appeals.detail(appeal).drafts().size();
    mvc.perform(
            put("/api/tasks/" + task + "/draft")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Poštovani, napola napisano\", \"language\": \"hr\"}"))
        .andExpect(status().isForbidden());
    assignments.claim(task, CampaignDrill.ADVOCATE);
    mvc.perform(
            put("/api/tasks/" + task + "/draft")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Poštovani, napola napisano\", \"language\": \"klingon-x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"));
    mvc.perform(
            put("/api/tasks/" + task + "/draft")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"text\": \"Poštovani, napola napisano\", \"language\": \"hr\", \"subject\": \"Apel\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.savedBy").value("advocate"));
    assertThat(appeals.detail(appeal).drafts()).as("not a version").hasSize(versions);

    // Another session, later: the form starts from the saved work.
    mvc.perform(get("/tasks/" + task).with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("Poštovani, napola napisano</textarea>")))
        .andExpect(content().string(Matchers.containsString("id=\"saved-draft\"")));
    // Saved from the form's "Save and continue later".
    mvc.perform(
            post("/tasks/" + task + "/draft")
                .with(user("advocate").roles("ADVOCATE"))
                .with(csrf())
                .param("text", "Poštovani, sada više teksta")
                .param("language", "hr")
                .param("subject", "Apel"))
        .andExpect(status().is3xxRedirection());
    assertThat(appeals.detail(appeal).draftInProgress().text())
        .isEqualTo("Poštovani, sada više teksta");

    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Poštovani, gotovo.", "language", "hr"));
    assertThat(appeals.detail(appeal).draftInProgress())
        .as("gone once the draft is recorded")
        .isNull();
    assertThat(appeals.detail(appeal).draft().subject())
        .as("the subject stays when none is given")
        .isNotNull();
  }

  @Test
  void whoeverWasSlowerGets409AndTheTextTheyTypedToCopy() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "GR");
    long appeal = drill.appeal(campaign, "GR");
    String task = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    assignments.claim(task, CampaignDrill.ADVOCATE);
    mvc.perform(get("/tasks/" + task).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(Matchers.containsString("Held by Ana Advocate")));
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.COORDINATOR,
        Map.of("text", "Εξοχότατε, …", "language", "el"));
    assertThat(appeals.detail(appeal).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("ON_BEHALF");
              assertThat(e.detail())
                  .isEqualTo(
                      "Dana Coordinator completed \"Draft the appeal\" on behalf of Ana Advocate");
            });
    mvc.perform(
            post("/tasks/" + task + "/complete")
                .with(user("advocate").roles("ADVOCATE"))
                .with(csrf())
                .param("text", "Three paragraphs I would hate to lose")
                .param("language", "el"))
        .andExpect(status().isConflict())
        .andExpect(
            content().string(Matchers.containsString("Three paragraphs I would hate to lose")));
  }

  @Test
  void theReviewerSeesTheInsertedSentenceAndALanguageThatDoesNotFit() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "MK");
    long appeal = drill.appeal(campaign, "MK");
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Your Excellency, we write to you. Respectfully,", "language", "en"));
    drill.complete(
        appeal,
        TaskKey.REVIEW_APPEAL,
        CampaignDrill.COORDINATOR,
        Map.of("decision", "REQUEST_CHANGES", "comment", "Cite the UN Charter"));
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of(
            "text",
            "Your Excellency, we write to you. The vote violates the UN Charter. Respectfully,",
            "language",
            "sr-Latn"));
    String review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL).id();
    mvc.perform(get("/tasks/" + review).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(Matchers.containsString("<ins>The vote violates the UN Charter. </ins>")))
        .andExpect(content().string(Matchers.containsString("id=\"language-warning\"")));
  }

  /**
   * The advocate writing the draft sees the checks the launch makes: a language the office does not
   * read, a text in another script.
   */
  @Test
  void theAdvocateSeesALanguageTheOfficeDoesNotReadAndATextInAnotherScript() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "RS");
    long appeal = drill.appeal(campaign, "RS");
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Ваша Екселенцијо, пишемо Вам.", "language", "sr-Latn"));
    String review = drill.awaitTask(appeal, TaskKey.REVIEW_APPEAL).id();
    mvc.perform(get("/tasks/" + review).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(Matchers.containsString("id=\"script-warning\"")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("id=\"language-warning\""))));
    drill.complete(
        appeal,
        TaskKey.REVIEW_APPEAL,
        CampaignDrill.COORDINATOR,
        Map.of("decision", "REQUEST_CHANGES", "comment", "Latin, please"));
    String draft = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL).id();
    mvc.perform(get("/tasks/" + draft).with(user("advocate").roles("ADVOCATE")))
        .andExpect(content().string(Matchers.containsString("id=\"draft-checks\"")))
        .andExpect(
            content().string(Matchers.containsString("is not in the script of Serbian (Latin)")));

    // As the advocate types, the checks follow the text: Latin now, then a language Serbia's
    // president does not read.
    mvc.perform(
            post("/tasks/{id}/draft/checks", draft)
                .with(user("advocate").roles("ADVOCATE"))
                .with(csrf())
                .param("language", "sr-Latn")
                .param("text", "Vaša Ekselencijo, pišemo Vam."))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"draft-checks\"")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("id=\"draft-script-check\""))))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("id=\"draft-language-check\""))));
    mvc.perform(
            post("/tasks/{id}/draft/checks", draft)
                .with(user("advocate").roles("ADVOCATE"))
                .with(csrf())
                .param("language", "sq")
                .param("text", "Shkëlqesi, ju shkruajmë."))
        .andExpect(
            content()
                .string(
                    Matchers.matchesPattern(
                        "(?s).*The draft is in Albanian, which [^<]*, Serbia does not read.*")));
    mvc.perform(
            post("/tasks/{id}/draft/checks", draft)
                .with(user("advocate").roles("ADVOCATE"))
                .with(csrf())
                .param("language", "not a tag!")
                .param("text", "x"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/tasks/{id}/draft/checks", draft)
                .with(user("advocate2").roles("ADVOCATE"))
                .with(csrf())
                .param("language", "sr-Latn")
                .param("text", "x"))
        .andExpect(status().isForbidden());
  }
}
