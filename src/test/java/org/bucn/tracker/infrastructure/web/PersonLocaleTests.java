package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.user.UserService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tracker speaks each person's language and shows their time: chosen on the profile or through
 * {@code PUT /api/me}, else picked on an anonymous page, else the browser's.
 */
@TrackerTest
class PersonLocaleTests {

  @Autowired MockMvc mvc;
  @Autowired UserService users;
  @Autowired Formats fmt;
  @Autowired CampaignDrill drill;

  @AfterEach
  void backToDefaults() {
    users.updateSettings("manager", null, null);
    users.updateSettings("coordinator", null, null);
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void theLoginPageSpeaksTheBrowsersLanguageOrTheOnePicked() throws Exception {
    mvc.perform(get("/login").header("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("<html lang=\"uk\"")))
        .andExpect(content().string(Matchers.containsString(">Увійти</button>")))
        .andExpect(content().string(Matchers.not(Matchers.containsString(">Log in</button>"))));
    mvc.perform(get("/login").header("Accept-Language", "sr-Cyrl-RS"))
        .andExpect(content().string(Matchers.containsString(">Пријави се</button>")));
    mvc.perform(get("/login").header("Accept-Language", "de-DE"))
        .andExpect(content().string(Matchers.containsString(">Log in</button>")));

    mvc.perform(get("/login?lang=sr-Latn").header("Accept-Language", "uk"))
        .andExpect(cookie().value(PersonLocales.COOKIE, "sr-Latn"))
        .andExpect(content().string(Matchers.containsString(">Prijavi se</button>")));
    mvc.perform(
            get("/login")
                .cookie(new Cookie(PersonLocales.COOKIE, "sq"))
                .header("Accept-Language", "uk"))
        .andExpect(content().string(Matchers.containsString("<html lang=\"sq\"")))
        .andExpect(content().string(Matchers.containsString(">Hyr</button>")));
  }

  @Test
  void aPersonsOwnLanguageAndZoneHoldOnEveryPageAndTheApiSaysThem() throws Exception {
    mvc.perform(
            put("/api/me")
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\": \"uk\", \"timeZone\": \"Europe/Kyiv\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("uk"))
        .andExpect(jsonPath("$.timeZone").value("Europe/Kyiv"));
    mvc.perform(
            get("/campaigns")
                .with(user("manager").roles("MANAGER"))
                .header("Accept-Language", "en"))
        .andExpect(content().string(Matchers.containsString("<html lang=\"uk\"")))
        .andExpect(content().string(Matchers.containsString(">Кампанії</a>")));

    mvc.perform(
            post("/profile/settings")
                .with(user("manager").roles("MANAGER"))
                .with(csrf())
                .param("language", "sr-Latn")
                .param("timeZone", "Europe/Belgrade"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/me").with(httpBasic("manager", "demo")))
        .andExpect(jsonPath("$.language").value("sr-Latn"))
        .andExpect(jsonPath("$.timeZone").value("Europe/Belgrade"));
  }

  @Test
  void pagesNameACountryInTheReadersLanguageNotAsTheDirectoryWritesIt() throws Exception {
    users.updateSettings("coordinator", "uk", null);
    Campaign campaign = drill.draft(Set.of(Demand.CONDEMNATION), "P14D", 2, "P30D", null, "RS");
    long office = campaign.targetIds().get(0);
    for (String page :
        List.of(
            "/targets",
            "/targets/" + office,
            "/countries/RS",
            "/campaigns/" + campaign.id() + "/letters/preview",
            "/campaigns/new")) {
      String html =
          mvc.perform(get(page).with(user("coordinator").roles("COORDINATOR")))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(html)
          .as(page)
          .contains("Сербія")
          .doesNotContain(">Serbia<", ", Serbia<", ">Serbia: ", "Serbia)");
    }
  }

  @Test
  void aLanguageOrZoneTheTrackerLacksIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
    users.updateSettings("manager", "hr", "Europe/Zagreb");
    mvc.perform(
            put("/api/me")
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\": \"klingon\", \"timeZone\": \"Europe/Kyiv\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("language")));
    mvc.perform(
            put("/api/me")
                .with(httpBasic("manager", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\": \"uk\", \"timeZone\": \"Mars/Olympus\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("timeZone")));
    assertThat(users.find("manager").orElseThrow().language()).isEqualTo("hr");
    assertThat(users.find("manager").orElseThrow().timeZone()).isEqualTo("Europe/Zagreb");
  }

  @Test
  void anApiClientReadsWhatIsWrongWithItsInputInItsLanguage() throws Exception {
    String campaign =
        "{\"title\": \"\", \"summary\": \"x\", \"demands\": [\"SANCTIONS\"],"
            + " \"followUpInterval\": \"P14D\", \"maxFollowUps\": 3,"
            + " \"sanctionCheckInterval\": \"P30D\", \"targetIds\": [1],"
            + " \"replyTo\": \"not an address\"}";
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "uk")
                .content(campaign))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'title')].message")
                .value(Matchers.hasItem("не може бути порожнім")))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'replyTo')].message")
                .value(Matchers.hasItem("не є адресою е-пошти")));
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "sr-Latn-RS")
                .content(campaign))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'replyTo')].message")
                .value(Matchers.hasItem("nije adresa e-pošte")));
    mvc.perform(
            post("/api/campaigns")
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(campaign))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'title')].message")
                .value(Matchers.hasItem("must not be blank")));
  }

  /**
   * What the tracker refuses, and why, reads in the reader's language: a 404 detail, a service's
   * field message, a role's refusal, a page's problem; English without a header, as before.
   */
  @Test
  void whatTheTrackerRefusesIsSaidInTheReadersLanguage() throws Exception {
    mvc.perform(
            get("/api/campaigns/987654321")
                .with(httpBasic("coordinator", "demo"))
                .header("Accept-Language", "uk"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Немає кампанії з ідентифікатором 987654321"));
    mvc.perform(get("/api/campaigns/987654321").with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.detail").value("No campaign with id 987654321"));
    mvc.perform(
            get("/api/search")
                .param("q", "⁂ !")
                .with(httpBasic("coordinator", "demo"))
                .header("Accept-Language", "sr-Latn"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'q')].message")
                .value(Matchers.hasItem("je prazno: unesite reč za pretragu")));
    mvc.perform(
            get("/api/tasks")
                .param("scope", "all")
                .with(httpBasic("advocate", "demo"))
                .header("Accept-Language", "sq"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("Të gjitha detyrat i shohin vetëm koordinatorët"));
    users.updateSettings("manager", "hr", "Europe/Zagreb");
    mvc.perform(get("/search").param("q", "⁂ !").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("je prazno: unesite riječ za pretraživanje")));
  }

  /** Time zones are chosen by their city and name in the reader's language, one per city. */
  @Test
  void timeZonesAreChosenByTheirNames() throws Exception {
    users.updateSettings("manager", "uk", "Europe/Kyiv");
    mvc.perform(get("/profile").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.matchesRegex(
                        "(?s).*<option value=\"Europe/Kyiv\" selected=\"selected\">Київ — [^<]+</option>.*")))
        .andExpect(content().string(Matchers.containsString("value=\"Europe/Zagreb\">Загреб")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Europe/Kiev"))));
    users.updateSettings("manager", "en", "Europe/Belgrade");
    mvc.perform(get("/profile").with(user("manager").roles("MANAGER")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "value=\"Europe/Belgrade\" selected=\"selected\">Belgrade — Central European Time")));
  }

  @Test
  void timesReadInThePersonsLanguageAndZone() {
    OffsetDateTime noonUtc = OffsetDateTime.parse("2026-12-04T12:05:00Z");
    read("uk", "Europe/Kyiv");
    assertThat(fmt.dateTime(noonUtc)).isEqualTo("4 груд. 2026, 14:05");
    read("sr-Latn", "Europe/Belgrade");
    assertThat(fmt.dateTime(noonUtc)).isEqualTo("4. decembar 2026. u 13:05");
    read("en", "Europe/London");
    assertThat(fmt.dateTime(noonUtc)).isEqualTo("4 Dec 2026, 12:05");
  }

  private static void read(String language, String zone) {
    LocaleContextHolder.setLocaleContext(
        new SimpleTimeZoneAwareLocaleContext(
            Locale.forLanguageTag(language), TimeZone.getTimeZone(ZoneId.of(zone))));
  }
}
