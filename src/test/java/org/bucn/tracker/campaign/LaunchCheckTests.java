package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetFormRequest;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Wrong letters do not launch with one confirmation: the preview's errors (a language the office
 * does not read, no form of address, a script mismatch, a holder named but unknown, no e-mail) stop
 * the launch with a 409 listing each, unless the coordinator names each with a reason, which the
 * appeal's timeline keeps; notes never stop it.
 */
@TrackerTest
class LaunchCheckTests {

  static final String BODY = LetterQualityTests.BODY;

  @Autowired MockMvc mvc;
  @Autowired CampaignService campaigns;
  @Autowired Letters letters;
  @Autowired TargetService targets;
  @Autowired AppealService appeals;
  @Autowired CampaignDrill drill;

  @Test
  void aLaunchWithErrorsIs409ListingEachAndWithReasonsItLaunchesAndTheTimelineKeepsThem()
      throws Exception {
    Target cyrillicForm = office("ME", "Montenegro", "cnr", "Speaker");
    targets.saveForm(
        cyrillicForm.id(),
        "cnr",
        new TargetFormRequest("Предсједник Скупштине Црне Горе", null, "Ваша Екселенцијо,"),
        "coordinator");
    Target noForms = office("HR", "Croatia", "hr", "Speaker");
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Checks " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(cyrillicForm.id(), noForms.id(), demo("AL", "Prime Minister"))),
            CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "cnr", new LetterRequest("Apel", BODY, true), CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(),
        "hr",
        new LetterRequest(
            "Apel", "Poštovani {{holderName}},\n\n{{formalTitle}}: {{demands}}.", false),
        CampaignDrill.COORDINATOR);

    mvc.perform(
            get("/api/campaigns/{id}/letters/preview", campaign.id())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(
            jsonPath("$[?(@.targetId == " + cyrillicForm.id() + ")].errors[*]")
                .value(Matchers.contains("SCRIPT_MISMATCH")))
        .andExpect(
            jsonPath("$[?(@.targetId == " + noForms.id() + ")].errors[*]")
                .value(Matchers.containsInAnyOrder("HOLDER_NAMED_UNKNOWN", "SALUTATION_MISSING")))
        .andExpect(
            jsonPath("$[?(@.targetId == " + noForms.id() + ")].notes[*]")
                .value(Matchers.contains("HOLDER_UNKNOWN")))
        .andExpect(
            jsonPath("$[?(@.country == 'Albania')].errors[*]")
                .value(
                    Matchers.containsInAnyOrder("NO_TEMPLATE_IN_LANGUAGE", "SALUTATION_MISSING")));

    mvc.perform(launch(campaign, null))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors.length()").value(5))
        .andExpect(
            jsonPath("$.errors[?(@.targetId == " + cyrillicForm.id() + ")].code")
                .value(Matchers.contains("SCRIPT_MISMATCH")))
        .andExpect(
            jsonPath("$.errors[?(@.code == 'NO_TEMPLATE_IN_LANGUAGE')].message")
                .value(
                    Matchers.contains(
                        "The letter to Prime Minister, Albania is in Montenegrin, which the office"
                            + " does not read: add the campaign's letter in one of its languages")));
    mvc.perform(
            post("/api/campaigns/{id}/launch", campaign.id())
                .header("Accept-Language", "uk")
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.errors[?(@.code == 'NO_TEMPLATE_IN_LANGUAGE')].message")
                .value(
                    Matchers.contains(
                        "Лист до Prime Minister, Албанія написано мовою: чорногорська, якою"
                            + " установа не читає: додайте лист кампанії однією з її мов")));
    mvc.perform(
            get("/campaigns/{id}/letters/preview", campaign.id())
                .header("Accept-Language", "uk")
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(Matchers.containsString("змішані латиниця й кирилиця")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("script mismatch"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("which the office"))));
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.DRAFT);

    String three =
        """
        {"overrides": [
          {"targetId": %d, "code": "SCRIPT_MISMATCH", "reason": "The Speaker's office answers in Cyrillic"},
          {"targetId": %d, "code": "HOLDER_NAMED_UNKNOWN", "reason": "Vacant seat: the acting speaker is named by hand"},
          {"targetId": %d, "code": "SALUTATION_MISSING", "reason": "Protocol confirmed no salutation is used"}
        ]}"""
            .formatted(cyrillicForm.id(), noForms.id(), noForms.id());
    mvc.perform(launch(campaign, three))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(
            jsonPath("$.errors[*].country").value(Matchers.everyItem(Matchers.is("Albania"))));
    mvc.perform(
            launch(
                campaign,
                "{\"overrides\": [{\"targetId\": 1, \"code\": \"NO_EMAIL\", \"reason\": \" \"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("overrides[0].reason"));
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.DRAFT);

    long albania = demo("AL", "Prime Minister");
    String all =
        three.replace(
            "]}",
            ", {\"targetId\": "
                + albania
                + ", \"code\": \"NO_TEMPLATE_IN_LANGUAGE\", "
                + "\"reason\": \"The Prime Minister's office reads Montenegrin\"}, {\"targetId\": "
                + albania
                + ", \"code\": \"SALUTATION_MISSING\", \"reason\": \"Addressed by title\"}]}");
    mvc.perform(launch(campaign, all))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    drill.awaitOpened(campaign);
    assertThat(appeals.detail(drill.appeal(campaign, "ME")).timeline())
        .anySatisfy(
            e ->
                assertThat(e.detail())
                    .contains("script mismatch")
                    .contains("The Speaker's office answers in Cyrillic"));
    assertThat(appeals.detail(drill.appeal(campaign, "HR")).timeline())
        .filteredOn(e -> e.action().equals("LAUNCHED_DESPITE"))
        .hasSize(2);
  }

  @Test
  void thePagesLinkEachErrorToItsFixAndLaunchDespiteItWithAReason() throws Exception {
    Target noEmail =
        targets.create(
            new TargetRequest(
                "SI",
                "Slovenia",
                "Speaker " + System.nanoTime(),
                "Urška Klakočar Zupančič",
                null,
                Channel.EMAIL,
                null,
                null,
                null,
                null,
                null,
                null,
                "sl"),
            "coordinator");
    targets.saveForm(
        noEmail.id(),
        "sl",
        new TargetFormRequest("Predsednica Državnega zbora", null, "Spoštovana,"),
        "coordinator");
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Pages " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(noEmail.id())),
            CampaignDrill.COORDINATOR);
    letters.save(
        campaign.id(), "sl", new LetterRequest("Poziv", BODY, true), CampaignDrill.COORDINATOR);

    mvc.perform(
            get("/campaigns/{id}", campaign.id()).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(content().string(Matchers.containsString("1 errors stop the launch")))
        .andExpect(
            content()
                .string(
                    Matchers.not(Matchers.containsString("Launch: open one appeal per target"))));
    mvc.perform(
            post("/campaigns/{id}/launch", campaign.id())
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf()))
        .andExpect(redirectedUrl("/campaigns/" + campaign.id() + "/letters/preview#launch"))
        .andExpect(
            flash().attribute("flashError", Matchers.containsString("1 error stops the launch")));
    mvc.perform(
            get("/campaigns/{id}/letters/preview", campaign.id())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(
            content()
                .string(Matchers.containsString("href=\"/targets/" + noEmail.id() + "/edit\"")))
        .andExpect(
            content()
                .string(Matchers.containsString("name=\"reason." + noEmail.id() + ".NO_EMAIL\"")));
    mvc.perform(
            post("/campaigns/{id}/launch", campaign.id())
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("reason." + noEmail.id() + ".NO_EMAIL", "Delivered by hand at the Assembly"))
        .andExpect(redirectedUrl("/campaigns/" + campaign.id()));
    assertThat(campaigns.get(campaign.id()).status()).isEqualTo(CampaignStatus.ACTIVE);
    drill.awaitOpened(campaign);
    assertThat(appeals.detail(drill.appeal(campaign, "SI")).timeline())
        .anySatisfy(
            e ->
                assertThat(e.detail())
                    .contains("no email")
                    .contains("Delivered by hand at the Assembly"));
  }

  @Test
  void theOfficesFormsOfAddressHaveAPageThatKeepsWhatWasTypedWhenRefused() throws Exception {
    Target office = office("MK", "North Macedonia", "mk", "Speaker");
    mvc.perform(
            get("/targets/{id}/forms", office.id()).with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"form-mk\"")));
    mvc.perform(
            post("/targets/{id}/forms/mk", office.id())
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("formalTitle", "Претседател на Собранието")
                .param("honorific", "Неговата екселенција")
                .param("salutation", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("value=\"Претседател на Собранието\"")))
        .andExpect(content().string(Matchers.containsString("id=\"salutation-mk-error\"")));
    assertThat(targets.forms(office.id())).isEmpty();
    mvc.perform(
            post("/targets/{id}/forms/mk", office.id())
                .with(user("coordinator").roles("COORDINATOR"))
                .with(csrf())
                .param("formalTitle", "Претседател на Собранието")
                .param("salutation", "Ваша екселенцијо,"))
        .andExpect(redirectedUrl("/targets/" + office.id() + "/forms#form-mk"));
    assertThat(targets.forms(office.id()))
        .singleElement()
        .satisfies(f -> assertThat(f.salutation()).isEqualTo("Ваша екселенцијо,"));
  }

  private org.springframework.test.web.servlet.RequestBuilder launch(
      Campaign campaign, String body) {
    var request =
        post("/api/campaigns/{id}/launch", campaign.id())
            .with(user("coordinator").roles("COORDINATOR"));
    return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private Target office(String code, String country, String language, String office) {
    return drill.newOffice(code, country, language, office);
  }

  private long demo(String code, String office) {
    return targets.findAll().stream()
        .filter(t -> t.countryCode().equals(code) && t.office().equals(office))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
