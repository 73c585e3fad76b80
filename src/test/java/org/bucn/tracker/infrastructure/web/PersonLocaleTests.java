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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.bucn.tracker.TrackerTest;
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

  @AfterEach
  void backToDefaults() {
    users.updateSettings("manager", null, null);
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
