package org.bucn.tracker.appeal;

import org.bucn.tracker.appeal.AppealViews.AppealDetail;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page of one campaign with its appeals, and the page of one appeal with its whole story. */
@PageController
class AppealPageController {

  private final Texts texts;

  private final CampaignService campaigns;
  private final Letters letters;
  private final AppealService appeals;
  private final AppealTasks tasks;
  private final AppealDeliveries deliveries;
  private final AnswerPublication publication;
  private final AppealCorrections corrections;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final jakarta.validation.Validator validator;

  AppealPageController(
      CampaignService campaigns,
      Letters letters,
      AppealService appeals,
      AppealTasks tasks,
      AppealDeliveries deliveries,
      AnswerPublication publication,
      AppealCorrections corrections,
      com.fasterxml.jackson.databind.ObjectMapper json,
      jakarta.validation.Validator validator,
      Texts texts) {
    this.texts = texts;
    this.publication = publication;
    this.corrections = corrections;
    this.json = json;
    this.validator = validator;
    this.deliveries = deliveries;
    this.campaigns = campaigns;
    this.letters = letters;
    this.appeals = appeals;
    this.tasks = tasks;
  }

  @GetMapping("/campaigns/{id}")
  String campaign(@PathVariable long id, Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    model.addAttribute("appeals", appeals.summariesOfCampaign(id));
    model.addAttribute("opening", appeals.opening(id));
    model.addAttribute("letters", letters.of(id));
    model.addAttribute("placeholders", Letters.PLACEHOLDERS);
    model.addAttribute("stages", AppealStage.values());
    model.addAttribute("pendingAnswers", publication.pending(id));
    model.addAttribute(
        "openAppeals",
        appeals.summariesOfCampaign(id).stream()
            .filter(a -> a.stage() != AppealStage.CLOSED && a.stage() != AppealStage.WITHDRAWN)
            .count());
    if (campaigns.get(id).status() == org.bucn.tracker.campaign.CampaignStatus.DRAFT) {
      var preview = letters.preview(id);
      model.addAttribute("previewLetters", preview.size());
      model.addAttribute(
          "previewWarnings", preview.stream().mapToInt(p -> p.warnings().size()).sum());
      model.addAttribute("previewErrors", preview.stream().mapToInt(p -> p.errors().size()).sum());
    }
    return "campaigns/show";
  }

  @GetMapping("/appeals/{id}")
  String appeal(@PathVariable long id, Model model) {
    AppealDetail appeal = appeals.detail(id);
    model.addAttribute("appeal", appeal);
    model.addAttribute("approved", approved(appeal));
    model.addAttribute("openTasks", tasks.openTasks(id));
    model.addAttribute("channels", org.bucn.tracker.target.Channel.values());
    model.addAttribute("responseKinds", ResponseKind.values());
    model.addAttribute("sanctionStatuses", SanctionStatus.values());
    model.addAttribute("sanctionStatuses", SanctionStatus.values());
    return "appeals/show";
  }

  /**
   * The letter as a PDF: as it went, once submitted (the kept bytes); before, the latest draft as
   * it would be printed today, to print and post, or to read in review.
   */
  @GetMapping("/appeals/{id}/letter.pdf")
  ResponseEntity<byte[]> letter(@PathVariable long id) {
    return LetterDownloads.pdf(deliveries.letter(id));
  }

  /** The letter's pages as one image, shown beside the text where it is reviewed and submitted. */
  @GetMapping("/appeals/{id}/letter.png")
  ResponseEntity<byte[]> letterImage(@PathVariable long id) {
    return LetterDownloads.png(deliveries.letter(id));
  }

  /** Mails a letter that went another way to the office's address. */
  @PostMapping("/appeals/{id}/send")
  String send(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    return act(id, () -> deliveries.sendLater(id, actor), "flash.letterQueued", flash);
  }

  /** Mails the letter again after its delivery failed, to the address the directory has now. */
  @PostMapping("/appeals/{id}/resend")
  String resend(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    return act(id, () -> deliveries.resend(id, actor), "flash.letterQueuedAgain", flash);
  }

  /**
   * Corrects a recorded step from the appeal page: the fields of the step's form, blank ones left
   * as they are. Refused, the page says why and nothing changed.
   */
  @PostMapping("/appeals/{id}/corrections")
  String correct(
      @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> form,
      Actor actor,
      RedirectAttributes flash) {
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (!name.startsWith("_") && value != null && !value.isBlank()) {
            fields.put(name, value.strip());
          }
        });
    return act(
        id, () -> corrections.correct(id, correction(fields), actor), "flash.corrected", flash);
  }

  /** The page's fields as a correction, checked as the API checks it. */
  private Correction correction(java.util.Map<String, Object> fields) {
    Correction correction;
    try {
      correction = json.convertValue(fields, Correction.class);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("form", "refusal.form.wrongKind");
    }
    var violations = validator.validate(correction);
    if (!violations.isEmpty()) {
      var v = violations.iterator().next();
      throw new InvalidFieldException(
          v.getPropertyPath().toString(), "refusal.checked", v.getMessage());
    }
    return correction;
  }

  @PostMapping("/appeals/{id}/public-answer/approve")
  String approveAnswer(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    return act(id, () -> publication.approve(id, actor), "flash.answerApproved", flash);
  }

  @PostMapping("/appeals/{id}/public-answer/withdraw")
  String withdrawAnswer(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    return act(id, () -> publication.withdraw(id, actor), "flash.answerOff", flash);
  }

  /** "Approve all shown": the pending answers the campaign page listed, no others. */
  @PostMapping("/campaigns/{id}/public-answers/approve")
  String approveAnswers(
      @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam(name = "appealId", required = false)
          java.util.List<Long> appealIds,
      Actor actor,
      RedirectAttributes flash) {
    int approved =
        publication.approveAll(id, appealIds == null ? java.util.List.of() : appealIds, actor);
    flash.addFlashAttribute("flash", texts.of("flash.answersApproved", approved));
    return "redirect:/campaigns/" + id + "#public-answers";
  }

  /**
   * Does one thing on the appeal from its page and comes back to it, saying what happened or why
   * nothing did.
   */
  private String act(long id, Runnable action, String done, RedirectAttributes flash) {
    try {
      action.run();
      flash.addFlashAttribute("flash", texts.of(done));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.nothingChanged", e.field() + " " + texts.of(e)));
    } catch (ConflictException | org.springframework.security.access.AccessDeniedException e) {
      flash.addFlashAttribute("flashError", texts.of("flash.nothingChanged", texts.why(e)));
    }
    return "redirect:/appeals/" + id;
  }

  /** Approved: the latest review approved the latest draft. */
  static boolean approved(AppealDetail appeal) {
    if (appeal.draft() == null || appeal.reviews().isEmpty()) {
      return false;
    }
    var last = appeal.reviews().get(appeal.reviews().size() - 1);
    return last.decision() == ReviewDecision.APPROVE
        && last.draftVersion() == appeal.draft().version();
  }
}
