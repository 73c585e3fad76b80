package org.bucn.tracker.appeal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.organisation.Organisation;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.shared.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the mails an appeal goes out as: the approved letter, with its PDF, to the office's
 * address, copied to the campaign's mailbox; and reminders in the letter's language that thread
 * to it. Each gets its own Message-ID here, so the step records it in the same transaction that
 * queues the mail ({@link AppealMail}).
 */
@Component
class AppealMailer {

  /** "We remind you of our letter of {date}, attached again": per language of the letter; English when there is none. */
  private static final Map<String, String> REMINDERS = Map.ofEntries(
      Map.entry("en", "We respectfully remind you of our letter of %s, attached again, and would be grateful for your reply."),
      Map.entry("sq", "Ju kujtojmë me respekt letrën tonë të datës %s, të cilën e bashkëngjisim sërish, dhe do t'ju ishim mirënjohës për përgjigjen tuaj."),
      Map.entry("bs", "S poštovanjem Vas podsjećamo na naše pismo od %s, koje ponovo prilažemo, i bili bismo Vam zahvalni na odgovoru."),
      Map.entry("hr", "S poštovanjem Vas podsjećamo na naše pismo od %s, koje ponovno prilažemo, i bili bismo Vam zahvalni na odgovoru."),
      Map.entry("sr", "S poštovanjem Vas podsećamo na naše pismo od %s, koje ponovo prilažemo, i bili bismo Vam zahvalni na odgovoru."),
      Map.entry("cnr", "S poštovanjem Vas podsjećamo na naše pismo od %s, koje ponovo prilažemo, i bili bismo Vam zahvalni na odgovoru."),
      Map.entry("mk", "Со почит Ве потсетуваме на нашето писмо од %s, кое повторно го приложуваме, и би Ви биле благодарни за Вашиот одговор."),
      Map.entry("bg", "С уважение Ви напомняме за нашето писмо от %s, което прилагаме отново, и ще Ви бъдем благодарни за Вашия отговор."),
      Map.entry("ro", "Vă reamintim cu respect scrisoarea noastră din %s, pe care o atașăm din nou, și v-am fi recunoscători pentru răspunsul dumneavoastră."),
      Map.entry("el", "Με σεβασμό σας υπενθυμίζουμε την επιστολή μας της %s, την οποία επισυνάπτουμε εκ νέου, και θα σας ήμασταν ευγνώμονες για την απάντησή σας."),
      Map.entry("sl", "Vljudno vas opominjamo na naše pismo z dne %s, ki ga ponovno prilagamo, in vam bomo hvaležni za odgovor."),
      Map.entry("uk", "Шанобливо нагадуємо Вам про наш лист від %s, який додаємо повторно, і будемо вдячні за Вашу відповідь."));

  private static final String SUBJECT_LINE = "Subject:";

  private final AppealService appeals;
  private final CampaignService campaigns;
  private final LetterPdf pdf;
  private final OrganisationService organisation;
  private final ApplicationEventPublisher events;
  private final String domain;

  AppealMailer(AppealService appeals, CampaignService campaigns, LetterPdf pdf, ApplicationEventPublisher events,
      TrackerProperties properties, OrganisationService organisation) {
    this.organisation = organisation;
    this.appeals = appeals;
    this.campaigns = campaigns;
    this.pdf = pdf;
    this.events = events;
    this.domain = domainOf(properties.mail().from());
  }

  /** Queues the approved letter to the office; the new mail's Message-ID. {@code field} is named when the office has no address. */
  String letter(long appealId, String field) {
    AppealDetail appeal = appeals.detail(appealId);
    String to = addressOf(appeal, field);
    Campaign campaign = campaigns.get(appeal.campaignId());
    Letter letter = Letter.of(appeal);
    String messageId = messageId(appealId, "letter");
    events.publishEvent(new AppealMail(
        appealId, messageId, null, to, campaign.replyTo(), campaign.replyTo(), letter.subject(), letter.body() + signature(appeal),
        fileName(appeal),
        pdf.render(appeal)));
    return messageId;
  }

  /** Queues a reminder threaded to the letter the tracker sent; the new mail's Message-ID. */
  String reminder(long appealId, String note, String field) {
    AppealDetail appeal = appeals.detail(appealId);
    String to = addressOf(appeal, field);
    if (appeal.submission() == null || appeal.submission().delivery() == null) {
      throw new InvalidFieldException(field, "is only possible when the tracker mailed the appeal itself: record the reminder you sent");
    }
    Campaign campaign = campaigns.get(appeal.campaignId());
    Letter letter = Letter.of(appeal);
    String language = appeal.draft().language();
    String date = appeal.submission().submittedAt()
        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    String reminder = REMINDERS.getOrDefault(language, REMINDERS.get("en")).formatted(date);
    String body = (note == null || note.isBlank() ? reminder : note.strip()) + signature(appeal) + "\n\n---\n\n" + letter.body();
    String messageId = messageId(appealId, "reminder");
    events.publishEvent(new AppealMail(
        appealId, messageId, appeal.submission().reference(), to, campaign.replyTo(), campaign.replyTo(), "Re: " + letter.subject(),
        body, fileName(appeal), pdf.render(appeal)));
    return messageId;
  }

  /** The signature block of a mail: who signs in the letter's language, their title, the organisation. */
  private String signature(AppealDetail appeal) {
    Organisation sender = organisation.get();
    StringBuilder block = new StringBuilder("\n\n");
    sender.signatory(appeal.draft().language()).ifPresent(s -> {
      block.append(s.name()).append('\n');
      if (s.title() != null) {
        block.append(s.title()).append('\n');
      }
    });
    return block.append(sender.name()).toString();
  }

  private static String addressOf(AppealDetail appeal, String field) {
    String to = appeal.target().email();
    if (to == null || to.isBlank()) {
      throw new InvalidFieldException(
          field, "is not possible: the directory has no e-mail address for " + appeal.target().office() + ", " + appeal.target().country());
    }
    return to;
  }

  private static String fileName(AppealDetail appeal) {
    return LetterPdf.fileName(appeal);
  }

  private String messageId(long appealId, String kind) {
    return "<appeal-" + appealId + "-" + kind + "-" + UUID.randomUUID() + "@" + domain + ">";
  }

  /**
   * The approved draft as a letter: its subject and text; a draft written before subjects had a
   * field of their own carries it as a first line "Subject: …".
   */
  record Letter(String subject, String body) {
    static Letter of(AppealDetail appeal) {
      String text = appeal.draft().text().strip();
      if (appeal.draft().subject() != null) {
        return new Letter(appeal.draft().subject(), text);
      }
      if (text.startsWith(SUBJECT_LINE)) {
        int end = text.indexOf('\n');
        String subject = (end < 0 ? text : text.substring(0, end)).substring(SUBJECT_LINE.length()).strip();
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
