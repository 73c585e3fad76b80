package org.bucn.tracker.target;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
class TargetApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private static final String TEST_TARGET =
      """
      {"countryCode":"RS","country":"Serbia","office":"Minister of Foreign Affairs (target test)",
       "holderName":null,"channel":"LETTER","contact":"Kneza Miloša 24, Belgrade","language":"sr"}
      """;

  @Test
  void everyRoleReadsTheDemoDirectoryOfElevenStates() throws Exception {
    for (String user : new String[] {"coordinator", "advocate", "manager", "admin"}) {
      mvc.perform(get("/api/targets").with(httpBasic(user, "demo")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[*].countryCode", hasItem("XK")))
          .andExpect(
              jsonPath(
                  "$[?(@.countryCode == 'HR' && @.office == 'President of the Republic')].holderName",
                  hasItem("Zoran Milanović")));
    }
    long states =
        jdbc.sql("SELECT count(DISTINCT country_code) FROM target WHERE office NOT LIKE '%test)'")
            .query(Long.class)
            .single();
    org.assertj.core.api.Assertions.assertThat(states).isEqualTo(11);
  }

  @Test
  void coordinatorCreatesReadsAndEditsATarget() throws Exception {
    String body =
        mvc.perform(
                post("/api/targets")
                    .with(httpBasic("coordinator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(TEST_TARGET))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/targets/")))
            .andExpect(jsonPath("$.channel").value("LETTER"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(body, "$.id")).longValue();

    mvc.perform(get("/api/targets/{id}", id).with(httpBasic("advocate", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.office").value("Minister of Foreign Affairs (target test)"));

    mvc.perform(
            put("/api/targets/{id}", id)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    TEST_TARGET.replace("\"holderName\":null", "\"holderName\":\"New Holder\"")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holderName").value("New Holder"))
        .andExpect(jsonPath("$.version").value(1));

    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(TEST_TARGET))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("office"));
  }

  @Test
  void badFieldsAreRefusedByNameAndNothingIsStored() throws Exception {
    long before = jdbc.sql("SELECT count(*) FROM target").query(Long.class).single();
    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                {"countryCode":"YU","country":"","office":"Somewhere","channel":"EMAIL","language":"serbian"}
                """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem("countryCode")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("country")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("language")));

    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(TEST_TARGET.replace("LETTER", "PIGEON")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("channel"))
        .andExpect(jsonPath("$.errors[0].message", containsString("EMAIL")));

    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"countryCode\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));

    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT count(*) FROM target").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void unknownTargetIs404AndAWrongIdIs400() throws Exception {
    mvc.perform(get("/api/targets/{id}", 999_999).with(httpBasic("advocate", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            put("/api/targets/{id}", 999_999)
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(TEST_TARGET))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/targets/abc").with(httpBasic("advocate", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void bodiesOverOneMegabyteAreRefused() throws Exception {
    String huge = TEST_TARGET.replace("Kneza Miloša 24, Belgrade", "x".repeat(1_100_000));
    mvc.perform(
            post("/api/targets")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(huge))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void advocatesAndManagersMayNotEditTheDirectory() throws Exception {
    for (String user : new String[] {"advocate", "manager", "admin"}) {
      mvc.perform(
              post("/api/targets")
                  .with(httpBasic(user, "demo"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(TEST_TARGET))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }
}
