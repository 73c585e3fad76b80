package org.bucn.tracker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.target.TargetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A draft campaign can be corrected or thrown away; once launched, neither (409). */
@TrackerTest
class CampaignDraftTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignService campaigns;
  @Autowired Letters letters;
  @Autowired TargetService targets;
  @Autowired CampaignDrill drill;

  /**
   * A step reads its campaign's terms without the list of its offices (10,000 ids in a large
   * campaign); read alone, they say what the whole campaign says.
   */
  @Test
  void aStepReadsTheCampaignsTermsAsTheWholeCampaignHasThem() {
    Campaign launched =
        drill.launch(Set.of(Demand.CONDEMNATION, Demand.SANCTIONS), "P9D", 2, "P20D", "RS", "AL");
    assertThat(campaigns.terms(launched.id())).isEqualTo(campaigns.get(launched.id()).terms());
    assertThat(campaigns.terms(launched.id()))
        .satisfies(
            terms -> {
              assertThat(terms.followUpInterval()).isEqualTo("P9D");
              assertThat(terms.maxFollowUps()).isEqualTo(2);
              assertThat(terms.sanctionCheckInterval()).isEqualTo("P20D");
              assertThat(terms.demandsSanctions()).isTrue();
              assertThat(terms.status()).isEqualTo(CampaignStatus.ACTIVE);
              assertThat(terms.launchedAt()).isNotNull();
            });
  }

  @Test
  void aDraftIsEditedAndDeletedAndALaunchedCampaignIsNeither() throws Exception {
    long al =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals("AL"))
            .findFirst()
            .orElseThrow()
            .id();
    long rs =
        targets.findAll().stream()
            .filter(t -> t.countryCode().equals("RS"))
            .findFirst()
            .orElseThrow()
            .id();
    Campaign draft =
        campaigns.create(
            new CampaignRequest(
                "Typo in the titel " + System.nanoTime(),
                "Test",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(al)),
            CampaignDrill.COORDINATOR);
    String corrected = "Corrected title " + System.nanoTime();
    String body =
        """
        {"title": "%s", "summary": "Test", "demands": ["CONDEMNATION", "SANCTIONS"], "followUpInterval": "P7D", "maxFollowUps": 2,
         "sanctionCheckInterval": "P30D", "targetIds": [%d, %d], "draftWithin": "P3D"}
        """
            .formatted(corrected, al, rs);
    mvc.perform(
            put("/api/campaigns/" + draft.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value(corrected))
        .andExpect(jsonPath("$.targetIds.length()").value(2))
        .andExpect(jsonPath("$.draftWithin").value("P3D"))
        .andExpect(jsonPath("$.reviewWithin").value("P2D"));
    mvc.perform(
            put("/api/campaigns/" + draft.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"P3D\"", "\"three days\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("draftWithin"));
    mvc.perform(
            put("/api/campaigns/" + draft.id())
                .with(httpBasic("advocate", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());

    letters.save(
        draft.id(),
        "en",
        new LetterRequest("Appeal", "{{salutation}}", true),
        CampaignDrill.COORDINATOR);
    mvc.perform(delete("/api/campaigns/" + draft.id()).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/campaigns/" + draft.id()).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/search")
                .param("q", corrected)
                .param("type", "CAMPAIGN")
                .with(httpBasic("coordinator", "demo")))
        .andExpect(jsonPath("$.total").value(0));

    Campaign launched = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    mvc.perform(
            put("/api/campaigns/" + launched.id())
                .with(httpBasic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isConflict());
    mvc.perform(delete("/api/campaigns/" + launched.id()).with(httpBasic("coordinator", "demo")))
        .andExpect(status().isConflict());
    assertThat(campaigns.get(launched.id()).status()).isEqualTo(CampaignStatus.ACTIVE);
  }
}
