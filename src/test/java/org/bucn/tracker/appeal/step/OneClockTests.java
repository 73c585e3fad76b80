package org.bucn.tracker.appeal.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.TimelineEntry;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.shared.TrackerClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One clock: moved, everything the tracker records and checks moves with it — the campaign's
 * launch, the appeal's rows and timeline, the engine's task times and due dates, and "not in the
 * future" — none of it taken from the database's clock or a static now().
 */
@TrackerTest
class OneClockTests {

  @Autowired CampaignDrill drill;
  @Autowired TrackerClock clock;
  @Autowired AppealService appeals;

  @AfterEach
  void backToToday() {
    clock.reset();
  }

  @Test
  void aStepTakenFortyDaysAgoIsRecordedFortyDaysAgoEverywhere() {
    Instant then = Instant.now().minus(Duration.ofDays(40));
    clock.moveTo(then);
    Campaign campaign = drill.launch(Set.of(Demand.CONDEMNATION), "P14D", 3, "P30D", "AL");
    long appeal = drill.appeal(campaign, "AL");
    TaskItem draft = drill.awaitTask(appeal, TaskKey.DRAFT_APPEAL);
    assertThat(draft.created().toInstant())
        .as("the engine's task, created by the moved clock")
        .isBetween(then, then.plusSeconds(60));
    assertThat(draft.due().toInstant())
        .as("due as long after as the campaign gives")
        .isBefore(Instant.now().minus(Duration.ofDays(20)));
    drill.complete(
        appeal,
        TaskKey.DRAFT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("text", "Your Excellency, …", "language", "en"));
    drill.complete(
        appeal, TaskKey.REVIEW_APPEAL, CampaignDrill.COORDINATOR, Map.of("decision", "APPROVE"));

    String today = LocalDate.now().toString();
    assertThatThrownBy(
            () ->
                drill.complete(
                    appeal,
                    TaskKey.SUBMIT_APPEAL,
                    CampaignDrill.ADVOCATE,
                    Map.of("submittedAt", today, "channel", "LETTER")))
        .as("today is in the future of a clock forty days back")
        .isInstanceOf(ConstraintViolationException.class)
        .hasMessageContaining("submittedAt");
    String thatDay = LocalDate.ofInstant(then, clock.getZone()).toString();
    drill.complete(
        appeal,
        TaskKey.SUBMIT_APPEAL,
        CampaignDrill.ADVOCATE,
        Map.of("submittedAt", thatDay, "channel", "LETTER"));

    AppealDetail detail = appeals.detail(appeal);
    assertThat(detail.createdAt().toInstant()).isBetween(then, then.plusSeconds(60));
    assertThat(detail.drafts().get(0).createdAt().toInstant())
        .isBetween(then, then.plusSeconds(60));
    assertThat(detail.submission().recordedAt().toInstant()).isBetween(then, then.plusSeconds(60));
    assertThat(detail.timeline())
        .extracting(TimelineEntry::at)
        .extracting(OffsetDateTime::toInstant)
        .allSatisfy(at -> assertThat(at).isBetween(then, then.plusSeconds(60)));
    assertThat(drill.awaitTask(appeal, TaskKey.RECORD_RESPONSE).created().toInstant())
        .isBetween(then, then.plusSeconds(60));
  }
}
