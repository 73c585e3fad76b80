package org.bucn.tracker.evidence;

import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.shared.TooLargeException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence part of an appeal's page (loaded into it), uploads from it, and an admin's removal.
 */
@PageController
class EvidencePageController {

  private final EvidenceService evidence;
  private final Texts texts;

  EvidencePageController(EvidenceService evidence, Texts texts) {
    this.evidence = evidence;
    this.texts = texts;
  }

  @GetMapping("/appeals/{id}/evidence")
  String list(@PathVariable long id, Model model) {
    model.addAttribute("appealId", id);
    model.addAttribute("items", evidence.of(id));
    model.addAttribute("kinds", EvidenceKind.values());
    return "evidence/list :: evidence";
  }

  @PostMapping("/appeals/{id}/evidence")
  String add(
      @PathVariable long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @Valid @ModelAttribute NewEvidence about,
      BindingResult binding,
      Principal principal,
      RedirectAttributes flash)
      throws IOException {
    if (binding.hasErrors()) {
      var error = binding.getFieldErrors().get(0);
      flash.addFlashAttribute(
          "flashError",
          texts.of("flash.evidenceNotAdded", error.getField(), error.getDefaultMessage()));
    } else {
      try {
        Evidence added =
            evidence.add(
                id,
                about,
                file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(),
                principal.getName());
        flash.addFlashAttribute(
            "flash",
            texts.of("flash.evidenceAdded", added.filename(), added.sha256().substring(0, 12)));
      } catch (InvalidFieldException e) {
        flash.addFlashAttribute(
            "flashError", texts.of("flash.evidenceNotAdded", e.field(), texts.of(e)));
      } catch (TooLargeException e) {
        flash.addFlashAttribute(
            "flashError", texts.of("flash.evidenceNotAdded", "file", texts.of(e)));
      }
    }
    return "redirect:/appeals/" + id + "#evidence";
  }

  @PostMapping("/evidence/{id}/remove")
  String remove(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      Principal principal,
      RedirectAttributes flash) {
    Evidence item = evidence.get(id);
    try {
      evidence.remove(id, reason, principal.getName());
      flash.addFlashAttribute("flash", texts.of("flash.evidenceRemoved", item.filename()));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.evidenceNotRemoved", e.field(), texts.of(e)));
    }
    return "redirect:/appeals/" + item.appealId() + "#evidence";
  }
}
