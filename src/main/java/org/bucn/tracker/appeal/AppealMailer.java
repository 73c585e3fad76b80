package org.bucn.tracker.appeal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.appeal.AppealViews.AppealLetter;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.CampaignTerms;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.cosigning.CoSignatures;
import org.bucn.tracker.cosigning.CoSignedWords;
import org.bucn.tracker.evidence.EvidenceKind;
import org.bucn.tracker.evidence.EvidenceService;
import org.bucn.tracker.evidence.NewEvidence;
import org.bucn.tracker.organisation.Organisation;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.Mail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the mails an appeal goes out as: the approved letter, with its PDF, to the office's
 * address, copied to the campaign's mailbox; and reminders in the letter's language that thread to
 * it. Each gets its own Message-ID here, and is written to bytes here, once: those bytes and the
 * PDF they carry are kept as {@code DELIVERY} evidence with their SHA-256 in the step's own
 * transaction, and the outbox sends exactly those bytes after it commits ({@link AppealMail}). A
 * letter that went another way keeps its PDF as it was at that moment ({@link #archive}); a later
 * mail of that letter, and every reminder, attaches that same PDF, never a new rendering.
 */
@Component
class AppealMailer {

  /**
   * "We remind you of our letter of {date}, attached again": per language of the letter; English
   * when there is none.
   */
  private static final Map<String, String> REMINDERS =
      Map.ofEntries(
          Map.entry(
              "en",
              "We respectfully remind you of our letter of %s, attached again, and would be grateful for your reply."),
          Map.entry(
              "sq",
              "Ju kujtojmë me respekt letrën tonë të datës %s, të cilën e bashkëngjisim sërish, dhe do t'ju ishim mirënjohës për përgjigjen tuaj."),
          Map.entry(
              "bs",
              "S poštovanjem Vas podsjećamo na naše pismo od %s, koje ponovo prilažemo, i bili bismo Vam zahvalni na odgovoru."),
          Map.entry(
              "hr",
              "S poštovanjem Vas podsjećamo na naše pismo od %s, koje ponovno prilažemo, i bili bismo Vam zahvalni na odgovoru."),
          Map.entry(
              "sr",
              "S poštovanjem Vas podsećamo na naše pismo od %s, koje ponovo prilažemo, i bili bismo Vam zahvalni na odgovoru."),
          Map.entry(
              "sr-Cyrl",
              "С поштовањем Вас подсећамо на наше писмо од %s, које поново прилажемо, и били бисмо Вам захвални на одговору."),
          Map.entry(
              "cnr",
              "S poštovanjem Vas podsjećamo na naše pismo od %s, koje ponovo prilažemo, i bili bismo Vam zahvalni na odgovoru."),
          Map.entry(
              "mk",
              "Со почит Ве потсетуваме на нашето писмо од %s, кое повторно го приложуваме, и би Ви биле благодарни за Вашиот одговор."),
          Map.entry(
              "bg",
              "С уважение Ви напомняме за нашето писмо от %s, което прилагаме отново, и ще Ви бъдем благодарни за Вашия отговор."),
          Map.entry(
              "ro",
              "Vă reamintim cu respect scrisoarea noastră din %s, pe care o atașăm din nou, și v-am fi recunoscători pentru răspunsul dumneavoastră."),
          Map.entry(
              "el",
              "Με σεβασμό σας υπενθυμίζουμε την επιστολή μας της %s, την οποία επισυνάπτουμε εκ νέου, και θα σας ήμασταν ευγνώμονες για την απάντησή σας."),
          Map.entry(
              "sl",
              "Vljudno vas opominjamo na naše pismo z dne %s, ki ga ponovno prilagamo, in vam bomo hvaležni za odgovor."),
          Map.entry(
              "uk",
              "Шанобливо нагадуємо Вам про наш лист від %s, який додаємо повторно, і будемо вдячні за Вашу відповідь."));

  private static final String SUBJECT_LINE = "Subject:";
  private static final java.util.regex.Pattern MESSAGE_ID =
      java.util.regex.Pattern.compile("<[^<>@\\s]+@[^<>@\\s]+>");

  /**
   * A mail handed to the outbox: its Message-ID and the evidence that keeps it (the PDF only when
   * it was new).
   */
  record Dispatch(String messageId, Long letterEvidenceId, long mailEvidenceId) {}

  private final AppealService appeals;
  private final CampaignService campaigns;
  private final LetterPdf pdf;
  private final OrganisationService organisation;
  private final EvidenceService evidence;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CoSignatures coSignatures;
  private final String from;
  private final String domain;

  AppealMailer(
      AppealService appeals,
      CampaignService campaigns,
      LetterPdf pdf,
      ApplicationEventPublisher events,
      TrackerProperties properties,
      OrganisationService organisation,
      EvidenceService evidence,
      Clock clock,
      CoSignatures coSignatures) {
    this.coSignatures = coSignatures;
    this.organisation = organisation;
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.pdf = pdf;
    this.events = events;
    this.evidence = evidence;
    this.clock = clock;
    this.from = properties.mail().from();
    this.domain = domainOf(from);
  }

  /**
   * Queues the approved letter to the office and keeps it; {@code field} is named when the office
   * has no address. A letter already kept (it went another way, or its mail failed) goes as kept.
   */
  Dispatch letter(long appealId, String field, String by) {
    AppealLetter appeal = appeals.letter(appealId);
    String to = addressOf(appeal, field);
    CampaignTerms campaign = campaigns.terms(appeal.campaignId());
    Letter letter = Letter.of(appeal);
    Long keptLetter = appeal.submission() == null ? null : appeal.submission().letterEvidenceId();
    byte[] attachment =
        keptLetter != null ? evidence.content(keptLetter).bytes() : pdf.render(appeal);
    Long letterEvidence =
        keptLetter != null
            ? null
            : keep(appeal, LetterPdf.fileName(appeal), attachment, "The letter as it went", by);
    String messageId = messageId(appealId, "letter");
    Mail mail =
        new Mail(
            from,
            to,
            campaign.replyTo(),
            campaign.replyTo(),
            letter.subject(),
            letter.body() + signature(appeal),
            messageId,
            null,
            LetterPdf.fileName(appeal),
            attachment);
    return new Dispatch(messageId, letterEvidence, queue(appeal, mail, "letter", by));
  }

  /**
   * Keeps the letter as approved at this moment, for a submission that went another way: the
   * evidence's id.
   */
  long archive(long appealId, String by) {
    AppealLetter appeal = appeals.letter(appealId);
    return keep(
        appeal,
        LetterPdf.fileName(appeal),
        pdf.render(appeal),
        "The letter as approved when it was sent another way",
        by);
  }

  /**
   * Queues a reminder to the office with the letter attached again, in the thread of the letter's
   * mail: the tracker's own, else a Message-ID the submission's reference gives.
   */
  Dispatch reminder(long appealId, String note, String field, String by) {
    AppealLetter appeal = appeals.letter(appealId);
    String to = addressOf(appeal, field);
    if (appeal.submission() == null) {
      throw new InvalidFieldException(field, "refusal.mail.notSubmittedYet");
    }
    CampaignTerms campaign = campaigns.terms(appeal.campaignId());
    Letter letter = Letter.of(appeal);
    String language = appeal.draft().language();
    String date =
        Letters.date(appeal.submission().submittedAt(), language, appeal.target().countryCode());
    String reminder =
        java.util.Optional.ofNullable(REMINDERS.get(language))
            .orElseGet(
                () -> REMINDERS.getOrDefault(language.replaceFirst("-.*", ""), REMINDERS.get("en")))
            .formatted(date);
    String body =
        (note == null || note.isBlank() ? reminder : note.strip())
            + signature(appeal)
            + "\n\n---\n\n"
            + letter.body();
    Long keptLetter = appeal.submission().letterEvidenceId();
    byte[] attachment =
        keptLetter != null ? evidence.content(keptLetter).bytes() : pdf.render(appeal);
    String messageId = messageId(appealId, "reminder");
    Mail mail =
        new Mail(
            from,
            to,
            campaign.replyTo(),
            campaign.replyTo(),
            "Re: " + letter.subject(),
            body,
            messageId,
            thread(appeal.submission()),
            LetterPdf.fileName(appeal),
            attachment);
    return new Dispatch(
        messageId, null, queue(appeal, mail, "reminder-" + (appeal.followUps().size() + 1), by));
  }

  /**
   * The mail a reminder answers: the letter the tracker mailed, else a Message-ID given as the
   * submission's reference.
   */
  private static String thread(AppealViews.Submission submission) {
    if (submission.delivery() != null) {
      return submission.delivery().messageId();
    }
    return submission.reference() != null
            && MESSAGE_ID.matcher(submission.reference().strip()).matches()
        ? submission.reference().strip()
        : null;
  }

  /**
   * Writes the mail to bytes once, keeps them, and hands those same bytes to the outbox: the
   * evidence's id.
   */
  private long queue(AppealLetter appeal, Mail mail, String what, String by) {
    byte[] eml = mail.toBytes(clock.instant());
    long kept =
        keep(
            appeal,
            "appeal-" + appeal.id() + "-" + appeal.target().countryCode() + "-" + what + ".eml",
            eml,
            "The mail as queued for " + mail.to() + " (Message-ID " + mail.messageId() + ")",
            by);
    events.publishEvent(
        new AppealMail(
            appeal.id(),
            mail.messageId(),
            mail.inReplyTo(),
            mail.to(),
            mail.cc(),
            mail.replyTo(),
            mail.subject(),
            mail.body(),
            mail.attachmentName(),
            eml));
    return kept;
  }

  private Long keep(AppealLetter appeal, String name, byte[] bytes, String description, String by) {
    return evidence
        .add(
            appeal.id(), new NewEvidence(EvidenceKind.DELIVERY, description, null), name, bytes, by)
        .id();
  }

  /**
   * The signature block of a mail: who signs in the letter's language, their title, the
   * organisation; then those who co-sign, as the PDF lists them.
   */
  private String signature(AppealLetter appeal) {
    Organisation sender = organisation.get();
    StringBuilder block = new StringBuilder("\n\n");
    sender
        .signatory(appeal.draft().language())
        .ifPresent(
            s -> {
              block.append(s.name()).append('\n');
              if (s.title() != null) {
                block.append(s.title()).append('\n');
              }
            });
    block.append(sender.nameIn(appeal.draft().language()));
    List<String> coSigned =
        CoSignedWords.lines(coSignatures.signers(appeal.campaignId()), appeal.draft().language());
    if (!coSigned.isEmpty()) {
      block.append("\n\n").append(String.join("\n", coSigned));
    }
    return block.toString();
  }

  private static String addressOf(AppealLetter appeal, String field) {
    String to = appeal.target().email();
    if (to == null || to.isBlank()) {
      throw new InvalidFieldException(
          field, "refusal.mail.noAddress", appeal.target().office(), appeal.target().country());
    }
    return to;
  }

  private String messageId(long appealId, String kind) {
    return "<appeal-" + appealId + "-" + kind + "-" + UUID.randomUUID() + "@" + domain + ">";
  }

  /**
   * The approved draft as a letter: its subject and text; a draft written before subjects had a
   * field of their own carries it as a first line "Subject: …".
   */
  record Letter(String subject, String body) {
    static Letter of(AppealLetter appeal) {
      String text = appeal.draft().text().strip();
      if (appeal.draft().subject() != null) {
        return new Letter(appeal.draft().subject(), text);
      }
      if (text.startsWith(SUBJECT_LINE)) {
        int end = text.indexOf('\n');
        String subject =
            (end < 0 ? text : text.substring(0, end)).substring(SUBJECT_LINE.length()).strip();
        return new Letter(subject, end < 0 ? "" : text.substring(end + 1).strip());
      }
      return new Letter(appeal.campaignTitle(), text);
    }
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from).getAddress();
      return address.substring(address.indexOf('@') + 1);
    } catch (AddressException | StringIndexOutOfBoundsException e) {
      return "tracker.invalid";
    }
  }
}
