package org.bucn.tracker.campaign;

import org.bucn.tracker.shared.PageController;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
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

/** Campaign list, the new-campaign form, launching and closing; the page of one campaign is the appeal module's. */
@PageController
class CampaignPageController {

  private final CampaignService campaigns;
  private final Letters letters;
  private final TargetService targets;
  private final Validator validator;

  CampaignPageController(CampaignService campaigns, Letters letters, TargetService targets, Validator validator) {
    this.campaigns = campaigns;
    this.letters = letters;
    this.targets = targets;
    this.validator = validator;
  }

  /** Every letter as launching will draft it, with its warnings, before anything goes out. */
  @GetMapping("/campaigns/{id}/letters/preview")
  String preview(@PathVariable long id, org.springframework.ui.Model model) {
    model.addAttribute("campaign", campaigns.get(id));
    java.util.List<LetterPreview> preview = letters.preview(id);
    model.addAttribute("preview", preview);
    model.addAttribute("warnings", preview.stream().mapToInt(p -> p.warnings().size()).sum());
    return "campaigns/preview";
  }

  @PostMapping("/campaigns/{id}/letters")
  String saveLetter(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam String language,
      @org.springframework.web.bind.annotation.RequestParam String subject, @org.springframework.web.bind.annotation.RequestParam String body,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean isDefault, Actor actor, RedirectAttributes flash) {
    LetterRequest request = new LetterRequest(subject, body, isDefault);
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      var v = violations.iterator().next();
      flash.addFlashAttribute("flashError", "Letter " + v.getPropertyPath() + ": " + v.getMessage() + ". Nothing was saved.");
      return "redirect:/campaigns/" + id;
    }
    try {
      Letter saved = letters.save(id, language.trim(), request, actor);
      flash.addFlashAttribute("flash", "Saved the " + saved.language() + " letter" + (saved.isDefault() ? " (default)" : ""));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute("flashError", "Letter " + e.field() + ": " + e.getMessage() + ". Nothing was saved.");
    }
    return "redirect:/campaigns/" + id;
  }

  @GetMapping("/campaigns")
  String list(Model model) {
    model.addAttribute("campaigns", campaigns.findAll());
    return "campaigns/list";
  }

  @GetMapping("/campaigns/new")
  String newForm(Model model) {
    model.addAttribute("form", CampaignRequest.blank());
    return form(model);
  }

  @PostMapping("/campaigns")
  String create(@Valid @ModelAttribute("form") CampaignRequest form, BindingResult binding, Actor actor, Model model,
      RedirectAttributes flash) {
    if (!binding.hasErrors()) {
      try {
        Campaign created = campaigns.create(form, actor);
        flash.addFlashAttribute("flash", "Campaign created as a draft. Check it, then launch it.");
        return "redirect:/campaigns/" + created.id();
      } catch (InvalidFieldException e) {
        // A target id that is not in the directory: marked on the list of targets.
        binding.rejectValue(e.field().replaceAll("\\[.*", ""), "invalid", e.getMessage());
      }
    }
    model.addAttribute("flashError", "Please correct the marked fields; nothing was saved.");
    return form(model);
  }

  /** Deletes a campaign that is still a draft (its page asks first). */
  @PostMapping("/campaigns/{id}/delete")
  String delete(@PathVariable long id, org.bucn.tracker.user.Actor actor, RedirectAttributes flash) {
    Campaign campaign = campaigns.get(id);
    try {
      campaigns.delete(id, actor);
      flash.addFlashAttribute("flash", "Deleted the draft campaign \"" + campaign.title() + "\".");
      return "redirect:/campaigns";
    } catch (org.bucn.tracker.shared.ConflictException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
      return "redirect:/campaigns/" + id;
    }
  }

  @PostMapping("/campaigns/{id}/launch")
  String launch(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    try {
      Campaign campaign = campaigns.launch(id, actor);
      flash.addFlashAttribute("flash", "Launched to " + campaign.targetIds().size() + (campaign.targetIds().size() == 1 ? " target" : " targets")
          + ": the appeals are opening, and their drafting tasks appear in the advocates' list as each opens.");
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/campaigns/{id}/close")
  String close(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    try {
      campaigns.close(id, actor);
      flash.addFlashAttribute("flash", "Campaign closed. Open appeals were withdrawn; everything recorded stays.");
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/campaigns/{id}/publish")
  String publish(@PathVariable long id, @RequestParam(defaultValue = "true") boolean published, Actor actor, RedirectAttributes flash) {
    try {
      campaigns.publish(id, published, actor);
      flash.addFlashAttribute("flash", published ? "Published: anyone can now read the campaign's outcome at /public/campaigns/" + id + "."
          : "Taken off the public page.");
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/campaigns/" + id;
  }

  private String form(Model model) {
    model.addAttribute("targets", targets.findAll());
    model.addAttribute("allDemands", Demand.values());
    return "campaigns/new";
  }
}
