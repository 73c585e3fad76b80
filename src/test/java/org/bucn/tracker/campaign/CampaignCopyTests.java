package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every sham vote needs a similar round: a campaign copies into a new draft with the same demands,
 * schedule, offices and letters, and nothing of the first round's appeals.
 */
@TrackerTest
class CampaignCopyTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired Letters letters;

  @Test
  void aLaunchedCampaignCopiesIntoAnIdenticalDraft() throws Exception {
    Campaign first = drill.launch(Set.of(Demand.values()), "P10D", 4, "P45D", "RS", "HR", "AL");
    letters.save(
        first.id(),
        "sq",
        new LetterRequest("Apel: {{campaignTitle}}", "{{salutation}}\n\nJu lutemi…", false),
        CampaignDrill.COORDINATOR);

    String body =
        mvc.perform(
                post("/api/campaigns/{id}/copy", first.id())
                    .with(httpBasic("coordinator", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\": \"Referendum round 2\"}"))
            .andExpect(status().isCreated())
            .andExpect(
                header().string("Location", org.hamcrest.Matchers.startsWith("/api/campaigns/")))
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Campaign copy = campaigns.get(((Number) JsonPath.read(body, "$.id")).longValue());

    assertThat(copy.title()).isEqualTo("Referendum round 2");
    assertThat(copy.id()).isNotEqualTo(first.id());
    assertThat(copy)
        .usingRecursiveComparison()
        .comparingOnlyFields(
            "summary",
            "demands",
            "followUpInterval",
            "maxFollowUps",
            "sanctionCheckInterval",
            "replyTo",
            "draftWithin",
            "reviewWithin",
            "submitWithin",
            "responseWithin",
            "sanctionWithin")
        .isEqualTo(first);
    assertThat(copy.targetIds()).containsExactlyInAnyOrderElementsOf(first.targetIds());
    assertThat(letters.of(copy.id()))
        .extracting(Letter::language, Letter::subject, Letter::body, Letter::isDefault)
        .containsExactlyElementsOf(
            letters.of(first.id()).stream()
                .map(
                    l ->
                        org.assertj.core.groups.Tuple.tuple(
                            l.language(), l.subject(), l.body(), l.isDefault()))
                .toList());
    assertThat(letters.of(copy.id())).extracting(Letter::language).contains("sq");
    assertThat(copy.launchedAt()).isNull();
  }

  @Test
  void theCopyButtonOpensTheDraftNamedAsACopyAndOnlyCoordinatorsCopy() throws Exception {
    Campaign first = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "ME");
    List<Long> before = campaigns.findAll().stream().map(Campaign::id).toList();

    mvc.perform(
            post("/campaigns/{id}/copy", first.id())
                .with(csrf())
                .with(user("coordinator").roles("COORDINATOR")))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash().attribute("flash", org.hamcrest.Matchers.startsWith("Copied as the draft")));
    Campaign copy =
        campaigns.findAll().stream()
            .filter(c -> !before.contains(c.id()))
            .findFirst()
            .orElseThrow();
    assertThat(copy.title()).isEqualTo("Copy of " + first.title());
    assertThat(copy.status()).isEqualTo(CampaignStatus.DRAFT);

    int count = campaigns.findAll().size();
    mvc.perform(post("/api/campaigns/{id}/copy", first.id()).with(httpBasic("advocate", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/campaigns/{id}/copy", 987654321L).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/campaigns/{id}/copy", first.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"" + "x".repeat(201) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    assertThat(campaigns.findAll()).as("nothing copied by a refused request").hasSize(count);
  }
}
