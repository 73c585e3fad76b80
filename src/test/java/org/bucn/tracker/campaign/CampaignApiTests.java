package org.bucn.tracker.campaign;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@TrackerTest
class CampaignApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  static String body(String followUp, String targets) {
    return """
        {"title":"Api campaign","summary":"Test","demands":["CONDEMNATION","SANCTIONS"],
         "followUpInterval":"%s","maxFollowUps":3,"sanctionCheckInterval":"P30D","targetIds":%s}
        """
        .formatted(followUp, targets);
  }

  long firstTargetId() {
    return jdbc.sql("SELECT min(id) FROM target").query(Long.class).single();
  }

  long secondTargetId() {
    return jdbc.sql("SELECT id FROM target ORDER BY id OFFSET 1 LIMIT 1")
        .query(Long.class)
        .single();
  }

  @Test
  void coordinatorCreatesLaunchesAndClosesACampaign() throws Exception {
    long t = firstTargetId();
    String created =
        mvc.perform(
                post("/api/campaigns")
                    .with(httpBasic("coordinator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body("P14D", "[" + t + "," + secondTargetId() + "]")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andExpect(jsonPath("$.targetIds", hasSize(2)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int id = JsonPath.read(created, "$.id");

    mvc.perform(get("/api/campaigns/{id}/appeals", id).with(httpBasic("manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(0)));
    mvc.perform(post("/api/campaigns/{id}/launch", id).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    mvc.perform(get("/api/campaigns/{id}/appeals", id).with(httpBasic("advocate", "demo")))
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[*].stage", hasItem("DRAFTING")));
    mvc.perform(post("/api/campaigns/{id}/launch", id).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    mvc.perform(get("/api/campaigns/{id}/appeals", id).with(httpBasic("advocate", "demo")))
        .andExpect(jsonPath("$", hasSize(2)));

    mvc.perform(post("/api/campaigns/{id}/close", id).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.closedEarly").value(true));
    mvc.perform(get("/api/campaigns/{id}/appeals", id).with(httpBasic("advocate", "demo")))
        .andExpect(jsonPath("$[0].stage").value("WITHDRAWN"))
        .andExpect(jsonPath("$[1].stage").value("WITHDRAWN"));
    mvc.perform(post("/api/campaigns/{id}/close", id).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isConflict());
    mvc.perform(post("/api/campaigns/{id}/launch", id).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void badCampaignsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long before = jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();
    long t = firstTargetId();
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("two weeks", "[" + t + "]")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("followUpInterval"));
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("PT0.5S", "[" + t + "]")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("followUpInterval"));
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("PT1S", "[" + t + ", 987654]")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targetIds[1]"));
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("PT1S", "[]").replace("\"SANCTIONS\"", "\"WAR\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("demands[1]"));
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"maxFollowUps\":0}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("maxFollowUps")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("targetIds")));
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void onlyCoordinatorsCreateLaunchOrCloseAndUnknownCampaignsAre404() throws Exception {
    long t = firstTargetId();
    String draft =
        mvc.perform(
                post("/api/campaigns")
                    .with(httpBasic("coordinator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body("P14D", "[" + t + "]")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    int id = JsonPath.read(draft, "$.id");
    long campaignsBefore = jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();
    for (String user : new String[] {"advocate", "manager", "admin"}) {
      mvc.perform(
              post("/api/campaigns")
                  .with(httpBasic(user, "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body("P14D", "[" + t + "]")))
          .andExpect(status().isForbidden());
      mvc.perform(post("/api/campaigns/{id}/launch", id).with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
      mvc.perform(post("/api/campaigns/{id}/close", id).with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
    }
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single())
        .isEqualTo(campaignsBefore);
    mvc.perform(get("/api/campaigns/{id}", id).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.status").value("DRAFT"));
    mvc.perform(get("/api/campaigns/987654").with(httpBasic("manager", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/campaigns/987654/appeals").with(httpBasic("manager", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/campaigns/987654/launch").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/appeals/987654").with(httpBasic("advocate", "demo")))
        .andExpect(status().isNotFound());
  }
}
