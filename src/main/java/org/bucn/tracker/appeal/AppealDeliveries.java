package org.bucn.tracker.appeal;

import java.util.Collection;
import java.util.Optional;
import org.bucn.tracker.appeal.AppealViews.DeliveryStatus;
import org.bucn.tracker.appeal.AppealViews.Submission;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.Forbidden;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.Refusal;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters the tracker mailed for appeals: failures reported back, re-sending, and which appeal
 * a reply answers.
 */
@Service
public class AppealDeliveries {

  private final AppealRepository appeals;
  private final AppealService service;
  private final AppealMailer mailer;
  private final Timeline timeline;
  private final EvidenceService evidence;
  private final LetterPdf pdf;

  AppealDeliveries(
      AppealRepository appeals,
      AppealService service,
      AppealMailer mailer,
      Timeline timeline,
      EvidenceService evidence,
      LetterPdf pdf) {
    this.appeals = appeals;
    this.service = service;
    this.mailer = mailer;
    this.timeline = timeline;
    this.evidence = evidence;
    this.pdf = pdf;
  }

  /**
   * The appeal's letter as a PDF, its file name, and whether it went: once submitted, the bytes
   * kept when it went (never a new rendering: later changes to the letterhead, signatories or the
   * office change nothing of it); before, the latest draft as it would be printed today.
   */
  public record LetterFile(byte[] bytes, String fileName, boolean sent) {}

  @Transactional(readOnly = true)
  public LetterFile letter(long appealId) {
    AppealViews.AppealLetter appeal = service.letter(appealId);
    if (appeal.draft() == null) {
      throw new ConflictException(null, "refusal.delivery.noDraft");
    }
    Submission submission = appeal.submission();
    if (submission != null && submission.letterEvidenceId() != null) {
      return new LetterFile(
          evidence.content(submission.letterEvidenceId()).bytes(),
          LetterPdf.fileName(appeal),
          true);
    }
    return new LetterFile(pdf.render(appeal), LetterPdf.fileName(appeal), submission != null);
  }

  /**
   * The mail server refused a letter for good: noted on the appeal's timeline. Returns who
   * submitted the appeal, to be told, when the refused mail is the submission's current one.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<String> deliveryFailed(
      long appealId, String messageId, String recipient, String error) {
    timeline.record(
        appealId,
        Actor.SYSTEM.username(),
        "DELIVERY_FAILED",
        Sentence.of("deliveryFailed", Sentence.text(recipient), Sentence.text(error)));
    return appeals.submission(appealId).map(Submission::recordedBy);
  }

  /**
   * Mails the approved letter again, as a new message to the office's address as the directory has
   * it now; only a letter whose delivery failed, so an office never gets it twice.
   */
  @Transactional
  public void resend(long appealId, Actor actor) {
    service.lock(appealId);
    Submission submission =
        appeals
            .submission(appealId)
            .orElseThrow(() -> new ConflictException(null, "refusal.delivery.notSubmitted"));
    if (submission.delivery() == null) {
      throw new ConflictException(null, "refusal.delivery.notSentByTracker");
    }
    if (submission.delivery().status() != DeliveryStatus.FAILED) {
      throw new ConflictException(
          null, "refusal.delivery.notFailed", Refusal.label(submission.delivery().status()));
    }
    AppealMailer.Dispatch sent = mailer.letter(appealId, "send", actor.username());
    appeals.mailed(appealId, sent.messageId(), sent.letterEvidenceId(), sent.mailEvidenceId());
    timeline.record(
        appealId,
        actor.username(),
        "RESENT",
        Sentence.of("resent", Sentence.text(sent.messageId())));
  }

  /**
   * Mails a letter that was submitted another way (by post, at a meeting, from another mailbox) to
   * the office's address: the PDF as it was kept at the submission, in a mail whose Message-ID
   * later replies and reminders thread to. Coordinators, and the advocate carrying the appeal.
   */
  @Transactional
  public void sendLater(long appealId, Actor actor) {
    AppealRepository.AppealRow appeal =
        appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    if (!actor.has(Role.COORDINATOR)
        && !(actor.has(Role.ADVOCATE) && actor.username().equals(appeal.assignee()))) {
      throw new Forbidden("refusal.forbidden.send");
    }
    Submission submission =
        appeals
            .submission(appealId)
            .orElseThrow(() -> new ConflictException(null, "refusal.delivery.sendFromSubmission"));
    if (submission.delivery() != null) {
      throw new ConflictException(
          null, "refusal.delivery.mailedAlready", Refusal.label(submission.delivery().status()));
    }
    AppealMailer.Dispatch sent = mailer.letter(appealId, "send", actor.username());
    appeals.mailed(appealId, sent.messageId(), sent.letterEvidenceId(), sent.mailEvidenceId());
    timeline.record(
        appealId,
        actor.username(),
        "SENT",
        Sentence.of(
            "sentAfter",
            Sentence.text(sent.messageId()),
            Sentence.label(submission.channel()),
            Sentence.date(submission.submittedAt())));
  }

  /** The appeal one of these Message-IDs (a reply's In-Reply-To and References) went out for. */
  @Transactional(readOnly = true)
  public Optional<Long> appealAnswered(Collection<String> messageIds) {
    return appeals.appealOfMessage(messageIds);
  }
}
