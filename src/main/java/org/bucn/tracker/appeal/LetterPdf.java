package org.bucn.tracker.appeal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.appeal.AppealViews.AppealLetter;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.cosigning.CoSignatures;
import org.bucn.tracker.cosigning.CoSignedWords;
import org.bucn.tracker.infrastructure.web.PdfRenderer;
import org.bucn.tracker.organisation.Organisation;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.target.Addressing;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.springframework.stereotype.Component;

/**
 * The approved draft as the letter that goes to the leader: A4, PDF/A-3b, the organisation's
 * letterhead, the recipient as protocol addresses them in the letter's language, the date once in
 * that language, the subject, the text, the signature block and those who co-sign. Nothing internal
 * on the page.
 */
@Component
public class LetterPdf {

  private final PdfRenderer pdf;
  private final TargetService targets;
  private final OrganisationService organisation;
  private final Clock clock;
  private final CoSignatures coSignatures;

  LetterPdf(
      PdfRenderer pdf,
      TargetService targets,
      OrganisationService organisation,
      Clock clock,
      CoSignatures coSignatures) {
    this.coSignatures = coSignatures;
    this.pdf = pdf;
    this.targets = targets;
    this.organisation = organisation;
    this.clock = clock;
  }

  public byte[] render(AppealLetter appeal) {
    AppealMailer.Letter letter = AppealMailer.Letter.of(appeal);
    String language = appeal.draft().language();
    Target office = targets.get(appeal.target().id());
    Addressing to = targets.addressing(office, language);
    if (appeal.target().holderName() != null
        && !appeal.target().holderName().equals(to.holderName())) {
      // Submitted to the holder of that day, who may have left office since.
      to =
          new Addressing(
              to.formLanguage(),
              to.formalTitle(),
              null,
              to.salutation(),
              appeal.target().holderName(),
              to.postalAddress());
    }
    Organisation sender = organisation.get();
    LocalDate day =
        appeal.submission() != null ? appeal.submission().submittedAt() : LocalDate.now(clock);
    Map<String, Object> page = new HashMap<>();
    page.put("language", language);
    page.put("sender", sender);
    page.put("senderName", sender.nameIn(language));
    page.put(
        "senderAddressLines",
        sender.postalAddress() == null
            ? List.of()
            : List.of(sender.postalAddress().strip().split("\\s*\\R\\s*")));
    page.put(
        "logo",
        organisation
            .logo()
            .map(
                l ->
                    "data:"
                        + l.contentType()
                        + ";base64,"
                        + Base64.getEncoder().encodeToString(l.bytes()))
            .orElse(null));
    page.put("to", to);
    page.put(
        "addressLines",
        to.postalAddress() == null
            ? List.of()
            : List.of(to.postalAddress().split("\\s*(\\R|,)\\s*")));
    page.put("date", Letters.date(day, language, appeal.target().countryCode()));
    page.put("subject", letter.subject());
    page.put("body", letter.body());
    page.put("signatory", sender.signatory(language).orElse(null));
    page.put(
        "coSigned",
        CoSignedWords.list(coSignatures.signers(appeal.campaignId()), language).orElse(null));
    return pdf.renderArchival("appeals/letter", page);
  }

  /** The file name it goes out as: the country and the appeal's number, no titles. */
  public static String fileName(AppealLetter appeal) {
    return "appeal-" + appeal.id() + "-" + appeal.target().countryCode() + ".pdf";
  }
}
