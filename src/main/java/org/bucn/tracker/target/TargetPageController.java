package org.bucn.tracker.target;

import jakarta.validation.Valid;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The target directory: everyone reads it, coordinators keep it current. */
@PageController
class TargetPageController {

  private final TargetService targets;

  TargetPageController(TargetService targets) {
    this.targets = targets;
  }

  @GetMapping("/targets")
  String list(Model model) {
    model.addAttribute("targets", targets.findAll());
    return "targets/list";
  }

  @GetMapping("/targets/new")
  String newForm(Model model) {
    model.addAttribute("form", TargetRequest.blank());
    return form(null, model);
  }

  @GetMapping("/targets/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    Target target = targets.get(id);
    model.addAttribute("form", TargetRequest.of(target));
    model.addAttribute("office", target.office());
    return form(id, model);
  }

  @PostMapping("/targets")
  String create(@Valid @ModelAttribute("form") TargetRequest form, BindingResult binding, Model model, RedirectAttributes flash) {
    return save(null, form, binding, model, flash);
  }

  @PostMapping("/targets/{id}")
  String update(@PathVariable long id, @Valid @ModelAttribute("form") TargetRequest form, BindingResult binding, Model model,
      RedirectAttributes flash) {
    // The office as stored: the heading of the form, should it come back with marked fields.
    model.addAttribute("office", targets.get(id).office());
    return save(id, form, binding, model, flash);
  }

  private String save(Long id, TargetRequest form, BindingResult binding, Model model, RedirectAttributes flash) {
    if (!binding.hasErrors()) {
      try {
        Target saved = id == null ? targets.create(form) : targets.update(id, form);
        flash.addFlashAttribute("flash", "Saved " + saved.office() + ", " + saved.country());
        return "redirect:/targets";
      } catch (ConflictException e) {
        binding.rejectValue(e.field(), "conflict", e.getMessage());
      }
    }
    model.addAttribute("flashError", "Please correct the marked fields; nothing was saved.");
    return form(id, model);
  }

  private String form(Long id, Model model) {
    model.addAttribute("targetId", id);
    model.addAttribute("channels", Channel.values());
    return "targets/form";
  }
}
