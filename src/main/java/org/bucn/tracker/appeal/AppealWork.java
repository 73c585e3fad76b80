package org.bucn.tracker.appeal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignTerms;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what completing a task of the appeal process says, with its timeline entry, and returns
 * the routing flags the process needs next: one recording per kind of {@link AppealInput}. Runs in
 * the caller's transaction, the same one that completes the task in the engine, and under the
 * appeal's lock, which the caller took first (docs/architecture.md).
 */
@Service
public class AppealWork {

  private final AppealRepository appeals;
  private final CampaignService campaigns;
  private final Timeline timeline;
  private final Clock clock;
  private final AppealMailer mailer;
  private final jakarta.validation.Validator validator;

  private final Map<Class<?>, Step<?>> steps;

  AppealWork(
      AppealRepository appeals,
      CampaignService campaigns,
      Timeline timeline,
      Clock clock,
      AppealMailer mailer,
      jakarta.validation.Validator validator) {
    this.validator = validator;
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.timeline = timeline;
    this.clock = clock;
    this.mailer = mailer;
    this.steps =
        Stream.of(
                new Step<>(AppealInput.Draft.class, this::draft),
                new Step<>(AppealInput.Review.class, this::review),
                new Step<>(AppealInput.Submission.class, this::submission),
                new Step<>(AppealInput.FollowUp.class, this::followUp),
                new Step<>(AppealInput.Escalation.class, this::escalation),
                new Step<>(AppealInput.Response.class, this::response),
                new Step<>(AppealInput.Sanction.class, this::sanction))
            .collect(Collectors.toUnmodifiableMap(Step::type, step -> step));
    List<String> unhandled =
        Arrays.stream(AppealInput.class.getPermittedSubclasses())
            .filter(type -> !steps.containsKey(type))
            .map(Class::getSimpleName)
            .toList();
    if (!unhandled.isEmpty()) {
      throw new IllegalStateException("No recording for " + unhandled);
    }
  }

  /** What one kind of input records; the type makes the cast safe. */
  private record Step<T extends AppealInput>(Class<T> type, Recording<T> recording) {
    Map<String, Object> record(AppealRepository.AppealRow appeal, AppealInput input, String by) {
      return recording.record(appeal, type.cast(input), by);
    }
  }

  @FunctionalInterface
  private interface Recording<T extends AppealInput> {
    Map<String, Object> record(AppealRepository.AppealRow appeal, T input, String by);
  }

  /**
   * Validates the input (400 naming each field, nothing recorded) and records it on the appeal,
   * which the caller has locked ({@link AppealService#lock}, the first step of every completion);
   * returns the routing flags its task's outgoing gateway reads.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Object> record(long appealId, AppealInput input, Actor actor) {
    var violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    AppealRepository.AppealRow appeal =
        appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    return steps.get(input.getClass()).record(appeal, input, actor.username());
  }

  private Map<String, Object> draft(
      AppealRepository.AppealRow appeal, AppealInput.Draft draft, String by) {
    // Without a subject of its own, the draft keeps the one saved in passing, else the previous
    // draft's.
    List<AppealViews.Draft> earlier = appeals.drafts(appeal.id());
    String subject =
        java.util.Optional.ofNullable(draft.subject())
            .or(() -> appeals.draftInProgress(appeal.id()).map(AppealViews.SavedDraft::subject))
            .or(
                () ->
                    earlier.isEmpty()
                        ? java.util.Optional.empty()
                        : java.util.Optional.ofNullable(earlier.get(earlier.size() - 1).subject()))
            .orElse(null);
    int version = appeals.insertDraft(appeal.id(), subject, draft.text(), draft.language(), by);
    appeals.dropDraftInProgress(appeal.id());
    timeline.record(
        appeal.id(),
        by,
        "DRAFTED",
        Sentence.of("drafted", Sentence.number(version), Sentence.language(draft.language())));
    return Map.of();
  }

  private Map<String, Object> review(
      AppealRepository.AppealRow appeal, AppealInput.Review review, String by) {
    boolean approved = review.decision() == ReviewDecision.APPROVE;
    int version = appeals.latestDraft(appeal.id()).map(AppealViews.Draft::version).orElse(0);
    appeals.insertReview(appeal.id(), version, review.decision(), review.comment(), by);
    timeline.record(
        appeal.id(),
        by,
        approved ? "APPROVED" : "CHANGES_REQUESTED",
        Sentence.of(
            approved ? "approved" : "changesRequested",
            Sentence.number(version),
            Sentence.note(review.comment())));
    return Map.of(AppealProcess.APPROVED, approved);
  }

  private Map<String, Object> submission(
      AppealRepository.AppealRow appeal, AppealInput.Submission submission, String by) {
    if (submission.sends()) {
      AppealMailer.Dispatch sent = mailer.letter(appeal.id(), "send", by);
      LocalDate today = LocalDate.now(clock);
      appeals.insertSubmission(
          appeal.id(),
          today,
          Channel.EMAIL,
          sent.messageId(),
          sent.messageId(),
          false,
          sent.letterEvidenceId(),
          sent.mailEvidenceId(),
          by);
      timeline.record(
          appeal.id(),
          by,
          "SUBMITTED",
          Sentence.of("sentByMail", Sentence.date(today), Sentence.text(sent.messageId())));
      return Map.of();
    }
    long letter = mailer.archive(appeal.id(), by);
    appeals.insertSubmission(
        appeal.id(),
        submission.submittedAt(),
        submission.channel(),
        submission.reference(),
        null,
        submission.wentElsewhere() && submission.channel() == Channel.EMAIL,
        letter,
        null,
        by);
    timeline.record(
        appeal.id(),
        by,
        "SUBMITTED",
        submission.channel() == Channel.EMAIL
            ? Sentence.of(
                "submissionOtherMailbox",
                Sentence.date(submission.submittedAt()),
                Sentence.also(submission.reference()))
            : Sentence.of(
                "submissionRecorded",
                Sentence.label(submission.channel()),
                Sentence.date(submission.submittedAt()),
                Sentence.also(submission.reference())));
    return Map.of();
  }

  private Map<String, Object> followUp(
      AppealRepository.AppealRow appeal, AppealInput.FollowUp followUp, String by) {
    AppealMailer.Dispatch sent = null;
    if (followUp.sends()) {
      sent = mailer.reminder(appeal.id(), followUp.note(), "send", by);
      followUp =
          new AppealInput.FollowUp(LocalDate.now(clock), Channel.EMAIL, followUp.note(), true);
    }
    notBeforeSubmission(appeal.id(), followUp.doneAt(), "doneAt");
    appeals.insertFollowUp(
        appeal.id(),
        appeal.followUpRound(),
        followUp,
        sent == null ? null : sent.messageId(),
        sent == null ? null : sent.mailEvidenceId(),
        by);
    int done = appeals.followUpsInRound(appeal.id(), appeal.followUpRound());
    int max = campaign(appeal).maxFollowUps();
    timeline.record(
        appeal.id(),
        by,
        "FOLLOWED_UP",
        sent != null
            ? Sentence.of(
                "followedUpByMail",
                Sentence.number(done),
                Sentence.number(max),
                Sentence.date(followUp.doneAt()),
                Sentence.note(followUp.note()))
            : Sentence.of(
                "followedUp",
                Sentence.number(done),
                Sentence.number(max),
                Sentence.label(followUp.channel()),
                Sentence.date(followUp.doneAt()),
                Sentence.note(followUp.note())));
    return Map.of(AppealProcess.FOLLOW_UPS_EXHAUSTED, done >= max);
  }

  private Map<String, Object> escalation(
      AppealRepository.AppealRow appeal, AppealInput.Escalation escalation, String by) {
    appeals.insertEscalation(appeal.id(), escalation, by);
    if (escalation.decision() == EscalationDecision.EXTEND) {
      appeals.nextFollowUpRound(appeal.id());
      appeals.setStage(appeal.id(), AppealStage.AWAITING_RESPONSE);
      timeline.record(
          appeal.id(), by, "EXTENDED", Sentence.of("extended", Sentence.note(escalation.note())));
      return Map.of(AppealProcess.EXTEND, true);
    }
    appeals.insertResponse(
        appeal.id(),
        LocalDate.now(clock),
        ResponseKind.NO_RESPONSE,
        escalation.note(),
        null,
        null,
        by);
    timeline.record(
        appeal.id(),
        by,
        "CLOSED_NO_RESPONSE",
        Sentence.of("closedNoResponse", Sentence.note(escalation.note())));
    return Map.of(AppealProcess.EXTEND, false, AppealProcess.TRACK_SANCTIONS, false);
  }

  private Map<String, Object> response(
      AppealRepository.AppealRow appeal, AppealInput.Response response, String by) {
    notBeforeSubmission(appeal.id(), response.receivedAt(), "receivedAt");
    appeals.insertResponse(
        appeal.id(),
        response.receivedAt(),
        response.kind(),
        response.summary(),
        response.sourceUrl(),
        response.publicSummary(),
        by);
    timeline.record(
        appeal.id(),
        by,
        "RESPONSE_RECORDED",
        Sentence.of(
            "responseRecorded",
            Sentence.label(response.kind()),
            Sentence.date(response.receivedAt())));
    return Map.of(
        AppealProcess.TRACK_SANCTIONS, tracksSanctions(campaign(appeal), response.kind()));
  }

  private Map<String, Object> sanction(
      AppealRepository.AppealRow appeal, AppealInput.Sanction sanction, String by) {
    appeals.insertSanction(appeal.id(), sanction, by);
    timeline.record(
        appeal.id(),
        by,
        "SANCTION_" + sanction.status(),
        sanction.decidedAt() != null
            ? Sentence.of(
                "sanctionDecided",
                Sentence.label(sanction.status()),
                Sentence.also(sanction.measure()),
                Sentence.date(sanction.decidedAt()))
            : Sentence.of(
                "sanctionRecorded",
                Sentence.label(sanction.status()),
                Sentence.also(sanction.measure())));
    return Map.of(AppealProcess.SANCTION_PENDING, sanction.status() == SanctionStatus.PENDING);
  }

  static boolean tracksSanctions(CampaignTerms campaign, ResponseKind kind) {
    return campaign.demandsSanctions()
        && kind != ResponseKind.DECLINED
        && kind != ResponseKind.NO_RESPONSE;
  }

  private void notBeforeSubmission(long appealId, LocalDate date, String field) {
    appeals
        .submission(appealId)
        .filter(s -> date.isBefore(s.submittedAt()))
        .ifPresent(
            s -> {
              throw new InvalidFieldException(
                  field, "refusal.date.beforeSubmission", String.valueOf(s.submittedAt()));
            });
  }

  private CampaignTerms campaign(AppealRepository.AppealRow appeal) {
    return campaigns.terms(appeal.campaignId());
  }
}
