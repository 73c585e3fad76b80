package org.bucn.tracker.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.evidence.NewEvidence;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetRequest;
import org.bucn.tracker.target.TargetService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An office's record across campaigns: each answer attributed to whoever held the office that day.
 */
@TrackerTest
class ScorecardTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired CampaignService campaigns;
  @Autowired TargetService targets;
  @Autowired OfficeRecords records;
  @Autowired EvidenceService evidence;

  @Test
  void aHolderChangeBetweenCampaignsAttributesEachAnswerToWhoeverHeldTheOffice() throws Exception {
    String office = "Speaker of the National Assembly " + System.nanoTime();
    Target target =
        targets.create(request(office, "Ana First", LocalDate.parse("2026-01-01")), "coordinator");

    long first = appealTo(target);
    long second = appealTo(target);
    drill.draftAndApprove(first);
    drill.submit(first, "2026-09-01");
    drill.draftAndApprove(second);
    drill.submit(second, "2026-09-20");
    drill.respond(first, "CONDEMNED", "2026-09-15");
    targets.update(
        target.id(), request(office, "Bora Second", LocalDate.parse("2026-10-01")), "coordinator");
    drill.respond(second, "DECLINED", "2026-10-20");
    long third = appealTo(target);
    evidence.add(
        first,
        new NewEvidence(EvidenceKind.RESPONSE_LETTER, "The answer", null),
        "answer.txt",
        "We condemn the sham votes.".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "advocate");
    evidence.add(
        second,
        new NewEvidence(EvidenceKind.DELIVERY, "Sent", null),
        "delivery.txt",
        "Delivered.".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "advocate");

    OfficeRecord record = records.record(target.id(), null);
    assertThat(record.appeals().get(0).response().evidence())
        .extracting(OfficeRecord.EvidenceLink::filename)
        .as("the answer's letter, not other files")
        .containsExactly("answer.txt");
    assertThat(record.appeals().get(1).response().evidence()).isEmpty();
    assertThat(record.appeals())
        .extracting(OfficeRecord.Appeal::appealId)
        .containsExactly(first, second, third);
    assertThat(record.appeals())
        .extracting(OfficeRecord.Appeal::addressedTo)
        .containsExactly("Ana First", "Ana First", "Bora Second");
    assertThat(record.stance())
        .extracting(OfficeRecord.Stance::holder, OfficeRecord.Stance::kind)
        .as("the second letter went to Ana, the answer came from Bora")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ana First", "CONDEMNED"),
            org.assertj.core.groups.Tuple.tuple("Bora Second", "DECLINED"));
    assertThat(record.figures()).isEqualTo(new OfficeRecord.Figures(3, 2, 2, 1.0, 22.0, 0.5));

    mvc.perform(
            get("/api/targets/" + target.id() + "/record")
                .param("holder", "Ana First")
                .with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holder").value("Ana First"))
        .andExpect(jsonPath("$.appeals.length()").value(2))
        .andExpect(
            jsonPath("$.holders[*].name").value(Matchers.contains("Ana First", "Bora Second")))
        .andExpect(jsonPath("$.figures.positiveShare").value(0.5));
    mvc.perform(
            get("/api/targets/" + target.id() + "/record")
                .param("holder", "Bora Second")
                .with(user("manager").roles("MANAGER")))
        .andExpect(
            jsonPath("$.appeals[*].appealId").value(Matchers.contains((int) second, (int) third)))
        .andExpect(jsonPath("$.figures.answered").value(1))
        .andExpect(jsonPath("$.figures.positiveShare").value(0.0));

    mvc.perform(get("/targets/" + target.id()).with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Stance over time")))
        .andExpect(content().string(Matchers.containsString("by Bora Second")));
    mvc.perform(get("/api/countries/si").with(user("manager").roles("MANAGER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.countryCode").value("SI"))
        .andExpect(jsonPath("$.offices[*].target.office").value(Matchers.hasItem(office)));
    mvc.perform(get("/countries/SI").with(user("advocate").roles("ADVOCATE")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(office)));
    mvc.perform(get("/api/countries/ZZ").with(user("manager").roles("MANAGER")))
        .andExpect(status().isNotFound());
  }

  private long appealTo(Target target) {
    Campaign campaign =
        campaigns.create(
            new CampaignRequest(
                "Record " + System.nanoTime(),
                "A campaign to one office",
                Set.of(Demand.CONDEMNATION),
                "P14D",
                3,
                "P30D",
                List.of(target.id())),
            CampaignDrill.COORDINATOR);
    drill.launch(campaign);
    return drill.appeal(campaign, "SI");
  }

  private static TargetRequest request(String office, String holder, LocalDate since) {
    return new TargetRequest(
        "SI",
        "Slovenia",
        office,
        holder,
        since,
        Channel.EMAIL,
        null,
        "speaker@example.org",
        null,
        null,
        null,
        null,
        "sl",
        null);
  }
}
