package org.bucn.tracker.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Notes on an appeal: anyone who reads it may add one; it is in the timeline and the
 * search; @username tells that person.
 */
@TrackerTest
class NoteTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired AppealService appeals;
  @Autowired JdbcClient jdbc;

  /** An @name that is nobody's is kept in the note and said back to its author on the page. */
  @Test
  void aMentionOfNobodyIsSaidBackToItsAuthor() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "RO");
    long appeal = drill.appeal(campaign, "RO");
    mvc.perform(
            post("/appeals/" + appeal + "/notes")
                .param("text", "@dana and @advocate2: the embassy called back")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("coordinator")
                        .roles("COORDINATOR")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute(
                    "flashError",
                    "@dana matches nobody here, so nobody was told: check the user name (the note"
                        + " is kept as written)."))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("flash", org.hamcrest.Matchers.containsString("advocate2")));
  }

  @Test
  void aManagersNoteIsInTheTimelineTheSearchAndTellsWhomItMentions() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "RO");
    long appeal = drill.appeal(campaign, "RO");
    String word = "travelling" + System.nanoTime();
    mvc.perform(
            post("/api/appeals/" + appeal + "/notes")
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"text\": \"The embassy says the president is "
                        + word
                        + " until Monday. @advocate2 please wait; @nobody-here too\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.author").value("manager"))
        .andExpect(jsonPath("$.mentioned").value(org.hamcrest.Matchers.contains("advocate2")))
        .andExpect(
            jsonPath("$.unknownMentions").value(org.hamcrest.Matchers.contains("nobody-here")));
    assertThat(appeals.detail(appeal).timeline())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("NOTE");
              assertThat(e.actor()).isEqualTo("manager");
              assertThat(e.detail()).contains(word);
            });
    org.awaitility.Awaitility.await()
        .untilAsserted(
            () ->
                mvc.perform(get("/api/search").param("q", word).with(httpBasic("advocate", "demo")))
                    .andExpect(jsonPath("$.items[0].url").value("/appeals/" + appeal)));
    long told =
        jdbc.sql(
                """
            SELECT (SELECT count(*) FROM mail_outbox WHERE recipient = 'advocate2@example.org' AND body LIKE ?)
                 + (SELECT count(*) FROM pending_notification WHERE username = 'advocate2' AND line LIKE ?)
            """)
            .params("%" + word + "%", "%" + word + "%")
            .query(Long.class)
            .single();
    assertThat(told).as("advocate2 is told, by mail or in the digest as they chose").isEqualTo(1);

    mvc.perform(
            post("/api/appeals/" + appeal + "/notes")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"   \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
    mvc.perform(
            post("/api/appeals/99999999/notes")
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"x\"}"))
        .andExpect(status().isNotFound());
  }
}
