package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.List;
import org.bucn.tracker.infrastructure.web.LanguageChoices;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaign list, the new-campaign form, launching and closing; the page of one campaign is the
 * appeal module's.
 */
@PageController
class CampaignPageController {

  private final LanguageChoices languages;

  private final Texts texts;

  private final CampaignService campaigns;
  private final Letters letters;
  private final TargetService targets;
  private final Validator validator;

  CampaignPageController(
      CampaignService campaigns,
      Letters letters,
      TargetService targets,
      Validator validator,
      Texts texts,
      LanguageChoices languages) {
    this.languages = languages;
    this.texts = texts;
    this.campaigns = campaigns;
    this.letters = letters;
    this.targets = targets;
    this.validator = validator;
  }

  /** One thing wrong with a letter, said in a sentence, with the page that fixes it. */
  record Issue(long targetId, LetterWarning code, String explanation, String fixUrl) {}

  /** A letter of the preview with its errors (which stop the launch) and notes. */
  record PreviewRow(LetterPreview letter, List<Issue> errors, List<Issue> notes) {}

  /**
   * Every letter as launching will draft it, errors apart from notes, each with a link to where it
   * is fixed.
   */
  @GetMapping("/campaigns/{id}/letters/preview")
  String preview(@PathVariable long id, org.springframework.ui.Model model) {
    Campaign campaign = campaigns.get(id);
    List<PreviewRow> rows =
        letters.preview(id).stream()
            .map(
                p ->
                    new PreviewRow(
                        p, issues(campaign, p, p.errors()), issues(campaign, p, p.notes())))
            .toList();
    model.addAttribute("campaign", campaign);
    model.addAttribute("preview", rows);
    model.addAttribute("errorCount", rows.stream().mapToInt(r -> r.errors().size()).sum());
    model.addAttribute("noteCount", rows.stream().mapToInt(r -> r.notes().size()).sum());
    return "campaigns/preview";
  }

  private List<Issue> issues(Campaign campaign, LetterPreview letter, List<LetterWarning> codes) {
    return codes.stream()
        .map(
            code ->
                new Issue(
                    letter.targetId(),
                    code,
                    code.error() ? letters.explain(code, letter) : null,
                    switch (code) {
                      case NO_TEMPLATE_IN_LANGUAGE, NO_TEMPLATE, LAYOUT_PLACEHOLDER ->
                          "/campaigns/" + campaign.id() + "#write-letter";
                      case SALUTATION_MISSING, SCRIPT_MISMATCH ->
                          "/targets/"
                              + letter.targetId()
                              + "/forms"
                              + (letter.language() == null ? "" : "#form-" + letter.language());
                      case HOLDER_NAMED_UNKNOWN, HOLDER_UNKNOWN, NO_EMAIL ->
                          "/targets/" + letter.targetId() + "/edit";
                    }))
        .toList();
  }

  /**
   * Saves a letter from the campaign page. Refused, it comes back with everything typed and the
   * error on its field (kept in the flash across the redirect), and nothing saved.
   */
  @PostMapping("/campaigns/{id}/letters")
  String saveLetter(
      @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String language,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String subject,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String body,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false")
          boolean isDefault,
      Actor actor,
      RedirectAttributes flash) {
    LetterRequest request = new LetterRequest(subject, body, isDefault);
    java.util.Map<String, String> errors =
        org.bucn.tracker.shared.FieldErrors.of(validator.validate(request));
    if (language.isBlank()) {
      errors.put("language", texts.of("flash.letterLanguageRequired"));
    }
    if (errors.isEmpty()) {
      try {
        Letter saved = letters.save(id, language.trim(), request, actor);
        flash.addFlashAttribute(
            "flash",
            texts.of(
                saved.isDefault() ? "flash.letterSavedDefault" : "flash.letterSaved",
                languages.name(saved.language())));
        return "redirect:/campaigns/" + id + "#letter-" + saved.language();
      } catch (InvalidFieldException e) {
        errors.put(e.field(), texts.of(e));
      }
    }
    flash.addFlashAttribute("flashError", texts.of("flash.letterNotSaved"));
    flash.addFlashAttribute(
        "letterTyped",
        java.util.Map.of(
            "language",
            language,
            "subject",
            subject,
            "body",
            body,
            "isDefault",
            Boolean.toString(isDefault)));
    flash.addFlashAttribute("letterErrors", errors);
    return "redirect:/campaigns/" + id + "#write-letter";
  }

  @GetMapping("/campaigns")
  String list(Model model) {
    model.addAttribute("campaigns", campaigns.findAll());
    return "campaigns/list";
  }

  @GetMapping("/campaigns/new")
  String newForm(Model model, java.time.ZoneId zone) {
    model.addAttribute("form", CampaignRequest.blank());
    return form(model, zone);
  }

  /**
   * Creates the campaign; {@code launchAtLocal}, a day and time in the coordinator's own time zone
   * ({@code 2027-09-05T09:00}), makes it launch by itself then.
   */
  @PostMapping("/campaigns")
  String create(
      @Valid @ModelAttribute("form") CampaignRequest form,
      BindingResult binding,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String launchAtLocal,
      Actor actor,
      java.time.ZoneId zone,
      Model model,
      RedirectAttributes flash) {
    model.addAttribute("launchAtLocal", launchAtLocal);
    if (launchAtLocal != null && !launchAtLocal.isBlank()) {
      try {
        form =
            form.withLaunchAt(
                java.time.LocalDateTime.parse(launchAtLocal.strip())
                    .atZone(zone)
                    .toOffsetDateTime());
      } catch (java.time.format.DateTimeParseException e) {
        binding.rejectValue("launchAt", "invalid", texts.of("refusal.campaign.launchAtUnreadable"));
      }
    }
    if (!binding.hasErrors()) {
      try {
        Campaign created = campaigns.create(form, actor);
        flash.addFlashAttribute("flash", texts.of("flash.campaignCreated"));
        return "redirect:/campaigns/" + created.id();
      } catch (InvalidFieldException e) {
        // A target id that is not in the directory: marked on the list of targets.
        binding.rejectValue(e.field().replaceAll("\\[.*", ""), "invalid", texts.of(e));
      }
    }
    model.addAttribute("flashError", texts.of("flash.correctFields"));
    return form(model, zone);
  }

  /** "Copy for a new round": the copy opens as a draft, to edit and launch. */
  @PostMapping("/campaigns/{id}/copy")
  String copy(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    Campaign copy =
        campaigns.copy(
            id, CampaignApiController.copyTitle(campaigns.get(id).title(), texts), actor);
    flash.addFlashAttribute("flash", texts.of("flash.campaignCopied", copy.title()));
    return "redirect:/campaigns/" + copy.id();
  }

  /** Deletes a campaign that is still a draft (its page asks first). */
  @PostMapping("/campaigns/{id}/delete")
  String delete(
      @PathVariable long id, org.bucn.tracker.user.Actor actor, RedirectAttributes flash) {
    Campaign campaign = campaigns.get(id);
    try {
      campaigns.delete(id, actor);
      flash.addFlashAttribute("flash", texts.of("flash.campaignDeleted", campaign.title()));
      return "redirect:/campaigns";
    } catch (org.bucn.tracker.shared.ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
      return "redirect:/campaigns/" + id;
    }
  }

  /**
   * Launches the campaign. Errors of the preview stop it and lead to the preview, which links each
   * to its fix; from there it launches despite the errors that were given a reason ({@code
   * reason.<targetId>.<code>}), and each appeal's timeline keeps its reason.
   */
  @PostMapping("/campaigns/{id}/launch")
  String launch(
      @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam java.util.Map<String, String> form,
      Actor actor,
      RedirectAttributes flash) {
    List<LaunchOverride> overrides = new java.util.ArrayList<>();
    form.forEach(
        (name, reason) -> {
          String[] parts = name.split("\\.");
          if (parts.length == 3
              && parts[0].equals("reason")
              && reason != null
              && !reason.isBlank()) {
            try {
              overrides.add(
                  new LaunchOverride(
                      Long.valueOf(parts[1]), LetterWarning.valueOf(parts[2]), reason.strip()));
            } catch (IllegalArgumentException e) {
              // Not one of ours: a reason for an error the preview does not have is no override.
            }
          }
        });
    try {
      Campaign campaign = campaigns.launch(id, overrides, actor);
      flash.addFlashAttribute("flash", texts.of("flash.launched", campaign.targetIds().size()));
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
      if (!e.errors().isEmpty()) {
        flash.addFlashAttribute("reasons", form);
        return "redirect:/campaigns/" + id + "/letters/preview#launch";
      }
    }
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/campaigns/{id}/close")
  String close(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    try {
      campaigns.close(id, actor);
      flash.addFlashAttribute("flash", texts.of("flash.campaignClosed"));
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
    }
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/campaigns/{id}/publish")
  String publish(
      @PathVariable long id,
      @RequestParam(defaultValue = "true") boolean published,
      Actor actor,
      RedirectAttributes flash) {
    try {
      campaigns.publish(id, published, actor);
      flash.addFlashAttribute(
          "flash",
          published
              ? texts.of("flash.published", "/public/campaigns/" + id)
              : texts.of("flash.unpublished"));
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
    }
    return "redirect:/campaigns/" + id;
  }

  private String form(Model model, java.time.ZoneId zone) {
    model.addAttribute("zone", zone.getId());
    model.addAttribute("targets", targets.findAll());
    model.addAttribute("allDemands", Demand.values());
    return "campaigns/new";
  }
}
