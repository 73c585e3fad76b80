package org.bucn.tracker.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.Forbidden;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects a recorded step typed wrong: the submission, a follow-up, the response or the sanction
 * outcome standing now. Coordinators may, and whoever recorded the step within {@link
 * #RECORDER_WINDOW}; a reason is required. The step's row takes the new values, so every page,
 * dashboard, record, export and the public page follow; the timeline keeps the old values beside
 * the new ("kind DECLINED → ACKNOWLEDGED, because …"). A correction never moves the process: a
 * response corrected to NO_RESPONSE does not reopen follow-ups, a DECLINED corrected to CONDEMNED
 * does not start sanction tracking.
 */
@Service
public class AppealCorrections {

  static final Duration RECORDER_WINDOW = Duration.ofHours(24);

  private final AppealRepository appeals;
  private final Timeline timeline;
  private final Clock clock;

  AppealCorrections(AppealRepository appeals, Timeline timeline, Clock clock) {
    this.appeals = appeals;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** One field that changes: its name as the API speaks it, and its old and new values. */
  private record Change(String field, Object before, Object after) {
    boolean real() {
      return after != null && !Objects.equals(before, after);
    }
  }

  @Transactional
  public void correct(long appealId, Correction correction, Actor actor) {
    appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    List<Change> changes =
        switch (correction.step()) {
          case SUBMISSION -> submission(appealId, correction, actor);
          case FOLLOW_UP -> followUp(appealId, correction, actor);
          case RESPONSE -> response(appealId, correction, actor);
          case SANCTION_OUTCOME -> sanction(appealId, correction, actor);
        };
    if (changes.isEmpty()) {
      throw new InvalidFieldException("step", "refusal.correction.nothingDiffers");
    }
    StringBuilder changed = new StringBuilder();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      changed
          .append(i == 0 ? "" : "; ")
          .append(c.field())
          .append(' ')
          .append(shown(c.before()))
          .append(" → ")
          .append(shown(c.after()));
    }
    timeline.record(
        appealId,
        actor.username(),
        "CORRECTED",
        Sentence.of(
            correction.step() == Correction.Step.FOLLOW_UP ? "correctedFollowUp" : "corrected",
            correction.step() == Correction.Step.FOLLOW_UP
                ? Sentence.number(correction.number())
                : Sentence.label(correction.step()),
            Sentence.text(changed),
            Sentence.text(correction.reason())));
  }

  private List<Change> submission(long appealId, Correction c, Actor actor) {
    AppealViews.Submission s =
        appeals
            .submission(appealId)
            .orElseThrow(() -> new ConflictException("step", "refusal.correction.notSubmitted"));
    allowed(s.recordedBy(), s.recordedAt(), actor);
    // A submission the tracker itself mailed is its mail (its reference the Message-ID); one that
    // went another way first stays the person's.
    boolean trackerMailed =
        s.delivery() != null && Objects.equals(s.reference(), s.delivery().messageId());
    if (trackerMailed
        && (c.submittedAt() != null || c.channel() != null || c.reference() != null)) {
      throw new ConflictException("step", "refusal.correction.letterMailed");
    }
    sizes(c.reference(), 200, "reference");
    List<Change> changes =
        real(
            List.of(
                new Change("submittedAt", s.submittedAt(), c.submittedAt()),
                new Change("channel", s.channel(), c.channel()),
                new Change("reference", s.reference(), c.reference())));
    notAfter(c.submittedAt(), firstAfterSubmission(appealId), "submittedAt");
    appeals.correctSubmission(appealId, c.submittedAt(), c.channel(), c.reference());
    return changes;
  }

  private List<Change> followUp(long appealId, Correction c, Actor actor) {
    if (c.number() == null) {
      throw new InvalidFieldException("number", "refusal.correction.followUpNumberRequired");
    }
    List<AppealViews.FollowUp> followUps = appeals.followUps(appealId);
    if (c.number() > followUps.size()) {
      throw new InvalidFieldException(
          "number", "refusal.correction.followUpNumberTooHigh", c.number(), followUps.size());
    }
    AppealViews.FollowUp f = followUps.get(c.number() - 1);
    allowed(f.recordedBy(), f.recordedAt(), actor);
    if (f.delivery() != null && (c.doneAt() != null || c.channel() != null)) {
      throw new ConflictException("step", "refusal.correction.reminderMailed");
    }
    appeals
        .submission(appealId)
        .map(AppealViews.Submission::submittedAt)
        .filter(submitted -> c.doneAt() != null && c.doneAt().isBefore(submitted))
        .ifPresent(
            submitted -> {
              throw new InvalidFieldException(
                  "doneAt", "refusal.date.beforeSubmission", String.valueOf(submitted));
            });
    List<Change> changes =
        real(
            List.of(
                new Change("doneAt", f.doneAt(), c.doneAt()),
                new Change("channel", f.channel(), c.channel()),
                new Change("note", f.note(), c.note())));
    appeals.correctFollowUp(appealId, c.number(), c.doneAt(), c.channel(), c.note());
    return changes;
  }

  private List<Change> response(long appealId, Correction c, Actor actor) {
    AppealViews.Response r =
        appeals
            .response(appealId)
            .orElseThrow(() -> new ConflictException("step", "refusal.correction.noResponse"));
    allowed(r.recordedBy(), r.recordedAt(), actor);
    appeals
        .submission(appealId)
        .map(AppealViews.Submission::submittedAt)
        .filter(submitted -> c.receivedAt() != null && c.receivedAt().isBefore(submitted))
        .ifPresent(
            submitted -> {
              throw new InvalidFieldException(
                  "receivedAt", "refusal.date.beforeSubmission", String.valueOf(submitted));
            });
    List<Change> changes =
        new ArrayList<>(
            real(
                List.of(
                    new Change("kind", r.kind(), c.kind()),
                    new Change("receivedAt", r.receivedAt(), c.receivedAt()),
                    new Change("summary", r.summary(), c.summary()),
                    new Change("sourceUrl", r.sourceUrl(), c.sourceUrl()),
                    new Change("publicSummary", r.publicSummary(), c.publicSummary()))));
    if (!changes.isEmpty()
        && r.publicApprovedAt() != null
        && r.kind() != ResponseKind.NO_RESPONSE) {
      // The public page showed the answer as it was: the corrected one waits for a coordinator's
      // approval.
      changes.add(new Change("public page", "approved", "pending approval"));
    }
    appeals.correctResponse(
        appealId, c.kind(), c.receivedAt(), c.summary(), c.sourceUrl(), c.publicSummary());
    return changes;
  }

  private List<Change> sanction(long appealId, Correction c, Actor actor) {
    List<AppealViews.SanctionOutcome> checks = appeals.sanctionChecks(appealId);
    if (checks.isEmpty()) {
      throw new ConflictException("step", "refusal.correction.noSanctionOutcome");
    }
    AppealViews.SanctionOutcome s = checks.get(checks.size() - 1);
    allowed(s.recordedBy(), s.recordedAt(), actor);
    SanctionStatus status = c.status() == null ? s.status() : c.status();
    LocalDate decided = c.decidedAt() == null ? s.decidedAt() : c.decidedAt();
    if (status != SanctionStatus.PENDING && decided == null) {
      throw new InvalidFieldException(
          "decidedAt", "refusal.correction.decidedAtRequired", Refusal.label(status));
    }
    sizes(c.reference(), 400, "reference");
    List<Change> changes =
        real(
            List.of(
                new Change("status", s.status(), c.status()),
                new Change("measure", s.measure(), c.measure()),
                new Change("decidedAt", s.decidedAt(), c.decidedAt()),
                new Change("reference", s.reference(), c.reference()),
                new Change("sourceUrl", s.sourceUrl(), c.sourceUrl())));
    appeals.correctLatestSanction(
        appealId, c.status(), c.measure(), c.decidedAt(), c.reference(), c.sourceUrl());
    return changes;
  }

  /** Coordinators correct any step; whoever recorded one, within a day of recording it. */
  private void allowed(String recordedBy, OffsetDateTime recordedAt, Actor actor) {
    if (actor.has(Role.COORDINATOR)) {
      return;
    }
    boolean recorder = actor.username().equals(recordedBy);
    if (!recorder || recordedAt.toInstant().plus(RECORDER_WINDOW).isBefore(clock.instant())) {
      throw new Forbidden(
          recorder ? "refusal.forbidden.correctionTooLate" : "refusal.forbidden.correction");
    }
  }

  /**
   * The earliest day recorded after the submission (a follow-up or the answer): a corrected
   * submission may not come after it.
   */
  private LocalDate firstAfterSubmission(long appealId) {
    List<LocalDate> days = new ArrayList<>();
    appeals.followUps(appealId).forEach(f -> days.add(f.doneAt()));
    appeals.response(appealId).ifPresent(r -> days.add(r.receivedAt()));
    return days.stream().min(LocalDate::compareTo).orElse(null);
  }

  private static void notAfter(LocalDate day, LocalDate limit, String field) {
    if (day != null && limit != null && day.isAfter(limit)) {
      throw new InvalidFieldException(
          field, "refusal.correction.afterNextStep", String.valueOf(limit));
    }
  }

  private static void sizes(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new InvalidFieldException(field, "refusal.text.atMost", max);
    }
  }

  private static List<Change> real(List<Change> changes) {
    return changes.stream().filter(Change::real).toList();
  }

  private static String shown(Object value) {
    if (value == null) {
      return "(none)";
    }
    String text = value instanceof Enum<?> e ? e.name() : value.toString();
    return text.length() > 80
        ? "\"" + text.substring(0, 77) + "…\""
        : value instanceof String ? "\"" + text + "\"" : text;
  }
}
