package org.bucn.tracker.appeal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.bucn.tracker.audit.Timeline;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Records what completing a task of the appeal process says, with its timeline entry, and
 * returns the routing flags the process needs next. Runs in the caller's transaction, the same
 * one that completes the task in the engine.
 */
@Service
public class AppealWork {

  private final AppealRepository appeals;
  private final CampaignService campaigns;
  private final Timeline timeline;
  private final Clock clock;

  AppealWork(AppealRepository appeals, CampaignService campaigns, Timeline timeline, Clock clock) {
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.timeline = timeline;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Object> record(TaskKey key, long appealId, Record input, Actor actor) {
    AppealRepository.AppealRow appeal = appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    String by = actor.username();
    Map<String, Object> flags = new HashMap<>();
    switch (key) {
      case DRAFT_APPEAL -> {
        AppealInputs.Draft draft = (AppealInputs.Draft) input;
        int version = appeals.insertDraft(appealId, draft.text(), draft.language(), by);
        timeline.record(appealId, by, "DRAFTED", "Draft " + version + " written (" + draft.language() + ")");
      }
      case REVIEW_APPEAL -> {
        AppealInputs.Review review = (AppealInputs.Review) input;
        boolean approved = review.decision() == ReviewDecision.APPROVE;
        if (!approved && !StringUtils.hasText(review.comment())) {
          throw new InvalidFieldException("comment", "is required when requesting changes: say what to change");
        }
        int version = appeals.drafts(appealId).size();
        appeals.insertReview(appealId, version, review.decision(), review.comment(), by);
        timeline.record(
            appealId,
            by,
            approved ? "APPROVED" : "CHANGES_REQUESTED",
            (approved ? "Draft " + version + " approved" : "Changes requested on draft " + version)
                + (StringUtils.hasText(review.comment()) ? ": " + review.comment() : ""));
        flags.put(AppealProcess.APPROVED, approved);
      }
      case SUBMIT_APPEAL -> {
        AppealInputs.Submission submission = (AppealInputs.Submission) input;
        appeals.insertSubmission(appealId, submission, by);
        timeline.record(
            appealId,
            by,
            "SUBMITTED",
            "Submitted on " + submission.submittedAt() + " by " + submission.channel()
                + (StringUtils.hasText(submission.reference()) ? ", reference " + submission.reference() : ""));
      }
      case FOLLOW_UP -> {
        AppealInputs.FollowUp followUp = (AppealInputs.FollowUp) input;
        notBeforeSubmission(appealId, followUp.doneAt(), "doneAt");
        appeals.insertFollowUp(appealId, appeal.followUpRound(), followUp, by);
        int done = appeals.followUpsInRound(appealId, appeal.followUpRound());
        int max = campaign(appeal).maxFollowUps();
        timeline.record(
            appealId, by, "FOLLOWED_UP", "Follow-up " + done + " of " + max + " on " + followUp.doneAt() + " by " + followUp.channel()
                + (StringUtils.hasText(followUp.note()) ? ": " + followUp.note() : ""));
        flags.put(AppealProcess.FOLLOW_UPS_EXHAUSTED, done >= max);
      }
      case ESCALATE_NO_RESPONSE -> {
        AppealInputs.Escalation escalation = (AppealInputs.Escalation) input;
        appeals.insertEscalation(appealId, escalation, by);
        boolean extend = escalation.decision() == EscalationDecision.EXTEND;
        if (extend) {
          appeals.nextFollowUpRound(appealId);
          appeals.setStage(appealId, AppealStage.AWAITING_RESPONSE);
          timeline.record(appealId, by, "EXTENDED", "Another round of follow-ups" + note(escalation.note()));
        } else {
          appeals.insertResponse(appealId, LocalDate.now(clock), ResponseKind.NO_RESPONSE, escalation.note(), null, by);
          timeline.record(appealId, by, "CLOSED_NO_RESPONSE", "Closed without a response" + note(escalation.note()));
          flags.put(AppealProcess.TRACK_SANCTIONS, false);
        }
        flags.put(AppealProcess.EXTEND, extend);
      }
      case RECORD_RESPONSE -> {
        AppealInputs.Response response = (AppealInputs.Response) input;
        notBeforeSubmission(appealId, response.receivedAt(), "receivedAt");
        appeals.insertResponse(appealId, response.receivedAt(), response.kind(), response.summary(), response.sourceUrl(), by);
        timeline.record(appealId, by, "RESPONSE_RECORDED", "Response " + response.kind() + " received on " + response.receivedAt());
        flags.put(AppealProcess.TRACK_SANCTIONS, tracksSanctions(campaign(appeal), response.kind()));
      }
      case TRACK_SANCTION -> {
        AppealInputs.Sanction sanction = (AppealInputs.Sanction) input;
        boolean pending = sanction.status() == SanctionStatus.PENDING;
        if (!pending && sanction.decidedAt() == null) {
          throw new InvalidFieldException("decidedAt", "is required once the sanction status is " + sanction.status());
        }
        if ((sanction.status() == SanctionStatus.ADOPTED || sanction.status() == SanctionStatus.ALIGNED)
            && !StringUtils.hasText(sanction.measure())) {
          throw new InvalidFieldException("measure", "is required for an " + sanction.status() + " sanction: name the measure");
        }
        appeals.insertSanction(appealId, sanction, by);
        timeline.record(
            appealId,
            by,
            "SANCTION_" + sanction.status(),
            "Sanction status " + sanction.status()
                + (StringUtils.hasText(sanction.measure()) ? ": " + sanction.measure() : "")
                + (sanction.decidedAt() != null ? " (decided " + sanction.decidedAt() + ")" : ""));
        flags.put(AppealProcess.SANCTION_PENDING, pending);
      }
      default -> throw new IllegalArgumentException("No recording for " + key);
    }
    return flags;
  }

  static boolean tracksSanctions(Campaign campaign, ResponseKind kind) {
    return campaign.demandsSanctions() && kind != ResponseKind.DECLINED && kind != ResponseKind.NO_RESPONSE;
  }

  private void notBeforeSubmission(long appealId, LocalDate date, String field) {
    appeals.submission(appealId)
        .filter(s -> date.isBefore(s.submittedAt()))
        .ifPresent(
            s -> {
              throw new InvalidFieldException(field, "must not be before the submission on " + s.submittedAt());
            });
  }

  private Campaign campaign(AppealRepository.AppealRow appeal) {
    return campaigns.get(appeal.campaignId());
  }

  private static String note(String note) {
    return StringUtils.hasText(note) ? ": " + note : "";
  }
}
