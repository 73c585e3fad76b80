package org.bucn.tracker.appeal;

import java.util.Collection;
import java.util.Optional;
import org.bucn.tracker.appeal.AppealViews.DeliveryStatus;
import org.bucn.tracker.appeal.AppealViews.Submission;
import org.bucn.tracker.audit.Timeline;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The letters the tracker mailed for appeals: failures reported back, re-sending, and which appeal a reply answers. */
@Service
public class AppealDeliveries {

  private final AppealRepository appeals;
  private final AppealService service;
  private final AppealMailer mailer;
  private final Timeline timeline;

  AppealDeliveries(AppealRepository appeals, AppealService service, AppealMailer mailer, Timeline timeline) {
    this.appeals = appeals;
    this.service = service;
    this.mailer = mailer;
    this.timeline = timeline;
  }

  /**
   * The mail server refused a letter for good: noted on the appeal's timeline. Returns who
   * submitted the appeal, to be told, when the refused mail is the submission's current one.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<String> deliveryFailed(long appealId, String messageId, String recipient, String error) {
    timeline.record(appealId, Actor.SYSTEM.username(), "DELIVERY_FAILED", "Mail to " + recipient + " refused: " + error);
    return appeals.submission(appealId).map(Submission::recordedBy);
  }

  /**
   * Mails the approved letter again, as a new message to the office's address as the directory
   * has it now; only a letter whose delivery failed, so an office never gets it twice.
   */
  @Transactional
  public void resend(long appealId, Actor actor) {
    service.lock(appealId);
    Submission submission = appeals.submission(appealId).orElseThrow(() -> new ConflictException("This appeal has not been submitted"));
    if (submission.delivery() == null) {
      throw new ConflictException("This appeal was not sent by the tracker: there is nothing to re-send");
    }
    if (submission.delivery().status() != DeliveryStatus.FAILED) {
      throw new ConflictException("The letter is " + submission.delivery().status() + ": only a failed delivery can be re-sent");
    }
    String messageId = mailer.letter(appealId, "send");
    appeals.resubmitted(appealId, messageId);
    timeline.record(appealId, actor.username(), "RESENT", "Letter sent again by e-mail (Message-ID " + messageId + ")");
  }

  /** The appeal one of these Message-IDs (a reply's In-Reply-To and References) went out for. */
  @Transactional(readOnly = true)
  public Optional<Long> appealAnswered(Collection<String> messageIds) {
    return appeals.appealOfMessage(messageIds);
  }
}
