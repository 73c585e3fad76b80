package org.bucn.tracker.target;

import org.bucn.tracker.shared.PageController;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bucn.tracker.shared.ConflictException;
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
  private final Validator validator;

  TargetPageController(TargetService targets, Validator validator) {
    this.targets = targets;
    this.validator = validator;
  }

  @GetMapping("/targets")
  String list(Model model) {
    model.addAttribute("targets", targets.findAll());
    return "targets/list";
  }

  @GetMapping("/targets/new")
  String newForm(Model model) {
    return form(new TargetForm(), null, Map.of(), model);
  }

  @GetMapping("/targets/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    return form(TargetForm.of(targets.get(id)), id, Map.of(), model);
  }

  @PostMapping("/targets")
  String create(@ModelAttribute("form") TargetForm form, BindingResult binding, Model model, RedirectAttributes flash) {
    return save(null, form, binding, model, flash);
  }

  @PostMapping("/targets/{id}")
  String update(@PathVariable long id, @ModelAttribute("form") TargetForm form, BindingResult binding, Model model, RedirectAttributes flash) {
    targets.get(id);
    return save(id, form, binding, model, flash);
  }

  private String save(Long id, TargetForm form, BindingResult binding, Model model, RedirectAttributes flash) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "is not a valid value"));
    TargetRequest request = form.toRequest();
    if (errors.isEmpty()) {
      for (ConstraintViolation<TargetRequest> v : validator.validate(request)) {
        errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b);
      }
    }
    if (errors.isEmpty()) {
      try {
        Target saved = id == null ? targets.create(request) : targets.update(id, request);
        flash.addFlashAttribute("flash", "Saved " + saved.office() + ", " + saved.country());
        return "redirect:/targets";
      } catch (ConflictException e) {
        errors.put(e.field(), e.getMessage());
      }
    }
    model.addAttribute("flashError", "Please correct the marked fields; nothing was saved.");
    return form(form, id, errors, model);
  }

  private String form(TargetForm form, Long id, Map<String, String> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("targetId", id);
    model.addAttribute("errors", errors);
    model.addAttribute("channels", Channel.values());
    return "targets/form";
  }
}
