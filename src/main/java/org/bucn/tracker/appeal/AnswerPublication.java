package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which offices' answers a published campaign shows: an answer (its kind, date, public summary and
 * source) goes public only once a coordinator approved it, one by one or every pending one of a
 * campaign at once, and can be withdrawn; each approval and withdrawal is on the timeline. "No
 * response" is the network's own finding and needs no approval. A corrected answer waits for
 * approval again ({@link AppealCorrections}).
 */
@Service
public class AnswerPublication {

  /** An answer waiting for approval, as the campaign page lists it. */
  public record Pending(
      long appealId,
      String countryCode,
      String country,
      String office,
      ResponseKind kind,
      String publicSummary) {}

  private final AppealRepository appeals;
  private final CampaignService campaigns;
  private final Timeline timeline;
  private final java.time.Clock clock;

  AnswerPublication(
      AppealRepository appeals,
      CampaignService campaigns,
      Timeline timeline,
      java.time.Clock clock) {
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.timeline = timeline;
    this.clock = clock;
  }

  @Transactional
  public void approve(long appealId, Actor actor) {
    appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    AppealViews.Response response =
        appeals
            .response(appealId)
            .orElseThrow(() -> new ConflictException(null, "refusal.answer.nothingToPublish"));
    if (response.publicApprovedAt() != null || response.kind() == ResponseKind.NO_RESPONSE) {
      return;
    }
    appeals.approveAnswer(appealId, clock.instant(), actor.username());
    timeline.record(
        appealId,
        actor.username(),
        "ANSWER_PUBLISHED",
        response.publicSummary() == null
            ? Sentence.of("answerPublishedBare")
            : Sentence.of("answerPublished", Sentence.text(response.publicSummary())));
  }

  @Transactional
  public void withdraw(long appealId, Actor actor) {
    appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    if (appeals.withdrawAnswer(appealId)) {
      timeline.record(
          appealId, actor.username(), "ANSWER_WITHDRAWN", Sentence.of("answerWithdrawn"));
    }
  }

  /** The campaign's answers waiting for approval, in the order of the campaign page. */
  @Transactional(readOnly = true)
  public List<Pending> pending(long campaignId) {
    campaigns.terms(campaignId);
    return appeals.pendingAnswers(campaignId);
  }

  /** Approves these pending answers of the campaign (those shown on its page); returns how many. */
  @Transactional
  public int approveAll(long campaignId, List<Long> appealIds, Actor actor) {
    List<Long> pending =
        pending(campaignId).stream().map(Pending::appealId).filter(appealIds::contains).toList();
    pending.forEach(id -> approve(id, actor));
    return pending.size();
  }
}
