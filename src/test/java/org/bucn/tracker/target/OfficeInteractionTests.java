package org.bucn.tracker.target;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.bucn.tracker.TrackerTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The office record is the network's memory: a meeting or a call with an office outside any
 * campaign is logged on it, shown there and found by the search.
 */
@TrackerTest
class OfficeInteractionTests {

  @Autowired MockMvc mvc;
  @Autowired TargetService targets;

  @Test
  void aMeetingLoggedOnAnOfficeIsOnItsRecordAndFoundBySearch() throws Exception {
    Target office =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals("ME"))
            .findFirst()
            .orElseThrow();
    String word = "Cetinje" + System.nanoTime();
    mvc.perform(
            post("/api/targets/{id}/interactions", office.id())
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"date\": \""
                        + LocalDate.now().minusDays(2)
                        + "\", \"kind\": \"MEETING\", \"summary\": \"Met the chief of staff in "
                        + word
                        + ": the president will not recognise the vote\", \"people\": \"Chief of staff\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("MEETING"))
        .andExpect(jsonPath("$.recordedBy").value("advocate"));

    mvc.perform(
            get("/api/targets/{id}/interactions", office.id()).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$[0].summary").value(Matchers.containsString(word)));
    mvc.perform(get("/targets/{id}", office.id()).with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(word)))
        .andExpect(content().string(Matchers.containsString("Conversations with the office")));
    mvc.perform(get("/api/search").param("q", word).with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.items[0].type").value("TARGET"))
        .andExpect(jsonPath("$.items[0].id").value((int) office.id()));
  }

  @Test
  void aConversationInTheFutureOrWithoutWordsIsRefusedNamingTheField() throws Exception {
    Target office = targets.findAll().get(0);
    mvc.perform(
            post("/api/targets/{id}/interactions", office.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"date\": \""
                        + LocalDate.now().plusDays(3)
                        + "\", \"kind\": \"CALL\", \"summary\": \" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("date", "summary")));
    mvc.perform(
            post("/api/targets/{id}/interactions", office.id())
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/targets/{id}/interactions", office.id())
                .param("date", LocalDate.now().toString())
                .param("kind", "CALL")
                .param("summary", "")
                .param("people", "Chief of staff")
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(flash().attribute("flashError", Matchers.startsWith("Not logged: summary")))
        .andExpect(flash().attribute("typed", Matchers.hasEntry("people", "Chief of staff")));
    // The form comes back with what was typed.
    mvc.perform(
            get("/targets/{id}", office.id())
                .flashAttr(
                    "typed",
                    java.util.Map.of(
                        "date",
                        "2026-12-01",
                        "kind",
                        "CALL",
                        "summary",
                        "",
                        "people",
                        "Chief of staff",
                        "evidence",
                        ""))
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(Matchers.containsString("value=\"Chief of staff\"")))
        .andExpect(content().string(Matchers.containsString("value=\"2026-12-01\"")));
  }
}
