package org.bucn.tracker.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The public transparency page: what a published campaign shows anyone, and what it never shows.
 */
@TrackerTest
class PublicationTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired JdbcClient jdbc;

  @Test
  void aPublishedCampaignShowsItsOutcomesToAnyoneAndNothingOfTheTeam() throws Exception {
    Campaign campaign =
        drill.launch(Set.of(Demand.CONDEMNATION, Demand.SANCTIONS), "P14D", 3, "P30D", "AL", "HR");
    long albania = drill.appeal(campaign, "AL");
    drill.draftAndApprove(albania);
    drill.submit(albania, LocalDate.now().minusDays(3).toString());
    drill.complete(
        albania,
        TaskKey.RECORD_RESPONSE,
        CampaignDrill.ADVOCATE,
        Map.of(
            "receivedAt",
            LocalDate.now().toString(),
            "kind",
            "CONDEMNED",
            "summary",
            "INTERNAL: the chief of staff told Ana off the record",
            "publicSummary",
            "The President condemned the vote."));
    String page = "/public/campaigns/" + campaign.id();
    mvc.perform(get(page)).andExpect(status().isNotFound());
    mvc.perform(get(page + ".json")).andExpect(status().isNotFound());

    mvc.perform(
            post("/api/campaigns/" + campaign.id() + "/publish")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.publishedAt").isNotEmpty());

    // An answer is public only once a coordinator approved it: until then, only that it came.
    mvc.perform(get(page + ".json"))
        .andExpect(
            jsonPath("$.countries[?(@.countryCode == 'AL')].offices[0].response.pending")
                .value(Matchers.contains(true)))
        .andExpect(
            jsonPath("$.countries[?(@.countryCode == 'AL')].offices[0].response.kind")
                .value(Matchers.contains((Object) null)))
        .andExpect(
            jsonPath("$.countries[?(@.countryCode == 'AL')].offices[0].response.summary")
                .value(Matchers.contains((Object) null)));
    mvc.perform(get(page))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    Matchers.allOf(
                        Matchers.containsString("answer received, summary pending"),
                        Matchers.not(
                            Matchers.containsString("The President condemned the vote.")))));
    mvc.perform(
            post("/api/appeals/" + albania + "/public-answer/approve")
                .with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/appeals/" + albania + "/public-answer/approve")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.response.publicApprovedBy").value("coordinator"));

    MvcResult json =
        mvc.perform(get(page + ".json"))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Cache-Control",
                        Matchers.allOf(
                            Matchers.containsString("public"),
                            Matchers.containsString("max-age=300"))))
            .andExpect(header().exists("ETag"))
            .andExpect(header().doesNotExist("Set-Cookie"))
            .andExpect(jsonPath("$.title").value(campaign.title()))
            .andExpect(jsonPath("$.demands").value(Matchers.contains("CONDEMNATION", "SANCTIONS")))
            .andExpect(
                jsonPath("$.countries[?(@.countryCode == 'AL')].offices[0].response.kind")
                    .value(Matchers.contains("CONDEMNED")))
            .andExpect(
                jsonPath("$.countries[?(@.countryCode == 'AL')].offices[0].response.summary")
                    .value(Matchers.contains("The President condemned the vote.")))
            .andExpect(
                jsonPath("$.countries[?(@.countryCode == 'HR')].offices[0].addressedTo")
                    .value(Matchers.contains((Object) null)))
            .andReturn();
    MvcResult html =
        mvc.perform(get(page))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=300")))
            .andExpect(header().doesNotExist("Set-Cookie"))
            .andReturn();
    String etag = html.getResponse().getHeader("ETag");
    mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isNotModified());

    List<String> usernames = jdbc.sql("SELECT username FROM app_user").query(String.class).list();
    List<String> names =
        jdbc.sql("SELECT display_name FROM app_user WHERE display_name IS NOT NULL")
            .query(String.class)
            .list();
    for (MvcResult shown : List.of(json, html)) {
      String body = shown.getResponse().getContentAsString();
      assertThat(body).doesNotContain("INTERNAL", "off the record");
      for (String username : usernames) {
        assertThat(Pattern.compile("\\b" + Pattern.quote(username) + "\\b").matcher(body).find())
            .as("username " + username)
            .isFalse();
      }
      assertThat(names).allSatisfy(name -> assertThat(body).doesNotContain(name));
    }
    mvc.perform(get("/public"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString(campaign.title())));
    // In the visitor's language, with its alternates and what a share on social media shows.
    mvc.perform(get(page + "?lang=uk"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("Content-Language", "uk"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .stringValues("Vary", Matchers.hasItem(Matchers.containsString("Accept-Language"))))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    Matchers.allOf(
                        Matchers.containsString("<html lang=\"uk\""),
                        Matchers.containsString(">Відповідь</th>"),
                        Matchers.containsString("hreflang=\"sr-Latn\""),
                        Matchers.containsString(
                            "<meta property=\"og:title\" content=\""
                                + org.springframework.web.util.HtmlUtils.htmlEscape(
                                    campaign.title())))));
    mvc.perform(get("/public").header("Accept-Language", "sq"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("Apelet tona dhe rezultatet e tyre")));

    // A corrected answer waits for approval again; approval and withdrawal are on the timeline.
    mvc.perform(
            post("/api/appeals/" + albania + "/corrections")
                .with(httpBasic("coordinator", "demo"))
                .contentType("application/json")
                .content(
                    "{\"step\": \"RESPONSE\", \"publicSummary\": \"The President condemned the sham vote.\", \"reason\": \"Exact wording\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.response.publicApprovedAt").value((Object) null))
        .andExpect(jsonPath("$.timeline[?(@.action == 'ANSWER_PUBLISHED')]").isNotEmpty());
    mvc.perform(get(page + ".json"))
        .andExpect(
            jsonPath("$.countries[?(@.countryCode == 'AL')].offices[0].response.pending")
                .value(Matchers.contains(true)));

    mvc.perform(
            post("/api/campaigns/" + campaign.id() + "/unpublish")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk());
    mvc.perform(get(page)).andExpect(status().isNotFound());
    mvc.perform(get("/public/campaigns/987654.json")).andExpect(status().isNotFound());
  }

  @Test
  void aDraftCampaignCannotBePublished() throws Exception {
    Campaign draft =
        campaigns.create(
            new CampaignRequest(
                "Unlaunched " + System.nanoTime(),
                "Nothing yet",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(jdbc.sql("SELECT min(id) FROM target").query(Long.class).single())),
            CampaignDrill.COORDINATOR);
    mvc.perform(
            post("/api/campaigns/" + draft.id() + "/publish")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("status"));
    mvc.perform(
            post("/api/campaigns/" + draft.id() + "/publish").with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
  }
}
