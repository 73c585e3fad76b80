package org.bucn.tracker.appeal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.shared.WebLink;
import org.bucn.tracker.target.Channel;
import org.bucn.tracker.target.LanguageCode;
import org.bucn.tracker.target.LanguageTags;
import org.springframework.util.StringUtils;

/**
 * What completing a task of the appeal process records: one record per task key, field names as the
 * task API speaks them. Field rules are Bean Validation constraints, rules that tie one field to
 * another are {@link FieldsAgree}; rules that need the database (a date not before the submission)
 * are checked where the input is recorded, in {@link AppealWork}.
 */
public sealed interface AppealInput {

  /** The task this input completes. */
  TaskKey taskKey();

  /**
   * draftAppeal: the appeal text in the language it is written in (a BCP 47 tag, spelled the
   * canonical way), and its subject line; without one, the previous draft's subject stays.
   */
  @io.swagger.v3.oas.annotations.media.Schema(name = "DraftInput")
  record Draft(
      @NotBlank @Size(max = 50_000) String text,
      @NotBlank @LanguageCode String language,
      @Size(max = 300) String subject)
      implements AppealInput {

    public Draft {
      language =
          language == null ? null : LanguageTags.canonical(language.strip()).orElse(language);
      subject = subject == null || subject.isBlank() ? null : subject.strip();
    }

    public Draft(String text, String language) {
      this(text, language, null);
    }

    public TaskKey taskKey() {
      return TaskKey.DRAFT_APPEAL;
    }
  }

  /** reviewAppeal: approve, or send back with a comment saying what to change. */
  @FieldsAgree
  @io.swagger.v3.oas.annotations.media.Schema(name = "ReviewInput")
  record Review(@NotNull ReviewDecision decision, @Size(max = 5_000) String comment)
      implements AppealInput, FieldsAgree.Rules {
    public TaskKey taskKey() {
      return TaskKey.REVIEW_APPEAL;
    }

    public Map<String, String> broken() {
      return decision == ReviewDecision.REQUEST_CHANGES && !StringUtils.hasText(comment)
          ? Map.of("comment", "{validation.commentRequired}")
          : Map.of();
    }
  }

  /**
   * submitAppeal: the tracker mails the approved letter to the office itself, today ({@code send}),
   * and the reference is the mail's Message-ID; or the letter went another way, recorded with its
   * day, channel and reference. An e-mail the tracker did not send went from another mailbox, and
   * says so ({@code sentElsewhere}, with the reference that finds it there): an e-mail submission
   * is never recorded as sent when nothing went.
   */
  @FieldsAgree
  @io.swagger.v3.oas.annotations.media.Schema(name = "SubmissionInput")
  record Submission(
      @PastOrPresent LocalDate submittedAt,
      @NotNull Channel channel,
      @Size(max = 200) String reference,
      Boolean send,
      Boolean sentElsewhere)
      implements AppealInput, FieldsAgree.Rules {

    public Submission(LocalDate submittedAt, Channel channel, String reference, Boolean send) {
      this(submittedAt, channel, reference, send, null);
    }

    public TaskKey taskKey() {
      return TaskKey.SUBMIT_APPEAL;
    }

    public boolean sends() {
      return Boolean.TRUE.equals(send);
    }

    public boolean wentElsewhere() {
      return Boolean.TRUE.equals(sentElsewhere);
    }

    public Map<String, String> broken() {
      Map<String, String> broken = mailRules(sends(), channel, submittedAt, "submittedAt");
      if (sends() && wentElsewhere()) {
        broken.put(
            "sentElsewhere",
            "cannot go with send: either the tracker sends the letter now, or it went from another mailbox");
      } else if (!sends() && channel == Channel.EMAIL && !wentElsewhere()) {
        broken.put(
            "send",
            "is required for an e-mail: let the tracker send the letter now (send: true), or say that it went from "
                + "another mailbox (sentElsewhere: true, with its reference)");
      } else if (wentElsewhere() && channel == Channel.EMAIL && !StringUtils.hasText(reference)) {
        broken.put(
            "reference",
            "is required for an e-mail sent from another mailbox: its Message-ID or subject and sender");
      }
      return broken;
    }
  }

  /**
   * followUp: a reminder sent to a silent target; with {@code send}, the tracker mails it, threaded
   * to the letter.
   */
  @FieldsAgree
  @io.swagger.v3.oas.annotations.media.Schema(name = "FollowUpInput")
  record FollowUp(
      @PastOrPresent LocalDate doneAt,
      @NotNull Channel channel,
      @Size(max = 5_000) String note,
      Boolean send)
      implements AppealInput, FieldsAgree.Rules {
    public TaskKey taskKey() {
      return TaskKey.FOLLOW_UP;
    }

    public boolean sends() {
      return Boolean.TRUE.equals(send);
    }

    public Map<String, String> broken() {
      return mailRules(sends(), channel, doneAt, "doneAt");
    }
  }

  /** Sending is by e-mail and today; a step recorded after the fact needs its day. */
  private static Map<String, String> mailRules(
      boolean sends, Channel channel, LocalDate day, String dayField) {
    Map<String, String> broken = new LinkedHashMap<>();
    if (sends && channel != null && channel != Channel.EMAIL) {
      broken.put(
          "send",
          "is only possible by e-mail: choose the EMAIL channel, or record a letter sent another way");
    }
    if (!sends && day == null) {
      broken.put(dayField, "is required: the day it was done (or let the tracker send it: send)");
    }
    return broken;
  }

  /** recordResponse: the target's answer. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "ResponseInput")
  record Response(
      @NotNull @PastOrPresent LocalDate receivedAt,
      @NotNull ResponseKind kind,
      @Size(max = 20_000) String summary,
      @WebLink String sourceUrl,
      @Size(max = 2_000) String publicSummary)
      implements AppealInput {
    public TaskKey taskKey() {
      return TaskKey.RECORD_RESPONSE;
    }
  }

  /** escalateNoResponse: close as unanswered, or another round of follow-ups. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "EscalationInput")
  record Escalation(@NotNull EscalationDecision decision, @Size(max = 5_000) String note)
      implements AppealInput {
    public TaskKey taskKey() {
      return TaskKey.ESCALATE_NO_RESPONSE;
    }
  }

  /**
   * trackSanction: where the target stands on sanctions now; once decided, when and by which
   * measure.
   */
  @FieldsAgree
  @io.swagger.v3.oas.annotations.media.Schema(name = "SanctionInput")
  record Sanction(
      @NotNull SanctionStatus status,
      @Size(max = 2_000) String measure,
      @PastOrPresent LocalDate decidedAt,
      @Size(max = 400) String reference,
      @WebLink String sourceUrl,
      @Size(max = 50) List<@jakarta.validation.Valid SanctionedEntity> entities)
      implements AppealInput, FieldsAgree.Rules {
    public TaskKey taskKey() {
      return TaskKey.TRACK_SANCTION;
    }

    public Sanction {
      entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public Map<String, String> broken() {
      Map<String, String> broken = new LinkedHashMap<>();
      if (status != null && status != SanctionStatus.PENDING && decidedAt == null) {
        broken.put("decidedAt", "is required once the sanction status is " + status);
      }
      if (!entities.isEmpty()
          && status != SanctionStatus.ADOPTED
          && status != SanctionStatus.ALIGNED) {
        broken.put(
            "entities", "name what was sanctioned only once the sanction is ADOPTED or ALIGNED");
      }
      if ((status == SanctionStatus.ADOPTED || status == SanctionStatus.ALIGNED)
          && !StringUtils.hasText(measure)) {
        broken.put("measure", "is required for an " + status + " sanction: name the measure");
      }
      return broken;
    }
  }
}
