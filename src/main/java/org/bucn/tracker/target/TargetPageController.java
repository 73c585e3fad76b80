package org.bucn.tracker.target;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
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

  private final Texts texts;

  private final TargetService targets;
  private final OfficeInteractions interactions;

  /** The directory import: a CSV of offices, previewed line by line before it is applied. */
  @GetMapping("/targets/import")
  String importForm(Model model) {
    model.addAttribute("columns", String.join(",", DirectoryImport.COLUMNS));
    return "targets/import";
  }

  /**
   * A file chosen (or the previewed text sent back) is previewed; with {@code apply}, applied, all
   * or nothing, and the directory shown; a file with a wrong line comes back with its report and
   * the text kept, so nothing needs choosing again.
   */
  @PostMapping("/targets/import")
  String importCsv(
      @org.springframework.web.bind.annotation.RequestParam(required = false)
          org.springframework.web.multipart.MultipartFile file,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String csv,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean apply,
      org.bucn.tracker.user.Actor actor,
      Model model,
      RedirectAttributes flash)
      throws java.io.IOException {
    String text =
        file != null && !file.isEmpty()
            ? new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
            : csv == null ? "" : csv;
    model.addAttribute("columns", String.join(",", DirectoryImport.COLUMNS));
    model.addAttribute("csv", text);
    try {
      if (apply) {
        DirectoryImport.ImportReport done = directoryImport.apply(text, actor.username());
        flash.addFlashAttribute(
            "flash",
            texts.of("flash.directoryImported", done.created(), done.updated(), done.unchanged()));
        return "redirect:/targets";
      }
      model.addAttribute("report", directoryImport.preview(text));
    } catch (org.bucn.tracker.shared.InvalidFieldsException e) {
      model.addAttribute("report", directoryImport.preview(text));
      model.addAttribute("flashError", texts.of("flash.directoryNotImported"));
    } catch (InvalidFieldException e) {
      model.addAttribute("flashError", texts.of("flash.directoryUnreadable", texts.of(e)));
    }
    return "targets/import";
  }

  /** A conversation logged from the office's record page; back there, what was typed kept. */
  @PostMapping("/targets/{id}/interactions")
  String logInteraction(
      @org.springframework.web.bind.annotation.PathVariable long id,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String date,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String kind,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String summary,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String people,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String evidence,
      org.bucn.tracker.user.Actor actor,
      RedirectAttributes flash) {
    try {
      Interaction.Kind how =
          kind == null || kind.isBlank()
              ? null
              : Interaction.Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
      java.time.LocalDate when =
          date == null || date.isBlank() ? null : java.time.LocalDate.parse(date.strip());
      interactions.log(
          id, new Interaction.Request(when, how, summary, people, evidence), actor.username());
      flash.addFlashAttribute("flash", texts.of("flash.interactionLogged"));
      return "redirect:/targets/" + id + "#interactions";
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.interactionNotLogged", texts.of("typeMismatch")));
    } catch (jakarta.validation.ConstraintViolationException e) {
      flash.addFlashAttribute(
          "flashError",
          texts.of(
              "flash.interactionNotLogged",
              String.join(
                  "; ",
                  org.bucn.tracker.shared.FieldErrors.of(e.getConstraintViolations())
                      .entrySet()
                      .stream()
                      .map(f -> f.getKey() + " " + f.getValue())
                      .toList())));
    }
    // Refused: back with everything typed.
    flash.addFlashAttribute(
        "typed",
        java.util.Map.of(
            "date", date == null ? "" : date,
            "kind", kind == null ? "" : kind,
            "summary", summary == null ? "" : summary,
            "people", people == null ? "" : people,
            "evidence", evidence == null ? "" : evidence));
    return "redirect:/targets/" + id + "#interactions";
  }

  private final DirectoryImport directoryImport;

  TargetPageController(
      TargetService targets,
      Texts texts,
      OfficeInteractions interactions,
      DirectoryImport directoryImport) {
    this.directoryImport = directoryImport;
    this.texts = texts;
    this.targets = targets;
    this.interactions = interactions;
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
    model.addAttribute("holders", targets.holders(id));
    return form(id, model);
  }

  @PostMapping("/targets")
  String create(
      @Valid @ModelAttribute("form") TargetRequest form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash,
      Principal principal) {
    return save(null, form, binding, model, flash, principal.getName());
  }

  @PostMapping("/targets/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") TargetRequest form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash,
      Principal principal) {
    // The office as stored: the heading of the form, should it come back with marked fields.
    model.addAttribute("office", targets.get(id).office());
    model.addAttribute("holders", targets.holders(id));
    return save(id, form, binding, model, flash, principal.getName());
  }

  private String save(
      Long id,
      TargetRequest form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash,
      String by) {
    if (!binding.hasErrors()) {
      try {
        Target saved = id == null ? targets.create(form, by) : targets.update(id, form, by);
        flash.addFlashAttribute(
            "flash", texts.of("flash.officeSaved", saved.office(), saved.country()));
        return "redirect:/targets";
      } catch (ConflictException e) {
        binding.rejectValue(e.field(), "conflict", texts.of(e));
      } catch (InvalidFieldException e) {
        binding.rejectValue(e.field(), "invalid", texts.of(e));
      }
    }
    model.addAttribute("flashError", texts.of("flash.correctFields"));
    return form(id, model);
  }

  /**
   * The office's forms of address, one small form per language: its languages and any other it has
   * a form in.
   */
  @GetMapping("/targets/{id}/forms")
  String forms(@PathVariable long id, Model model) {
    return formsPage(id, null, null, Map.of(), model);
  }

  @PostMapping("/targets/{id}/forms/{language}")
  String saveForm(
      @PathVariable long id,
      @PathVariable String language,
      @Valid @ModelAttribute("typed") TargetFormRequest typed,
      BindingResult binding,
      Model model,
      RedirectAttributes flash,
      Principal principal) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    binding
        .getFieldErrors()
        .forEach(e -> errors.merge(e.getField(), e.getDefaultMessage(), (a, b) -> a + "; " + b));
    if (errors.isEmpty()) {
      try {
        TargetForm saved = targets.saveForm(id, language, typed, principal.getName());
        flash.addFlashAttribute("flash", texts.of("flash.formSaved", saved.language()));
        return "redirect:/targets/" + id + "/forms#form-" + saved.language();
      } catch (InvalidFieldException e) {
        errors.put(e.field(), texts.of(e));
      }
    }
    model.addAttribute("flashError", texts.of("flash.correctFields"));
    return formsPage(id, language, typed, errors, model);
  }

  private String formsPage(
      long id,
      String typedLanguage,
      TargetFormRequest typed,
      Map<String, String> errors,
      Model model) {
    Target target = targets.get(id);
    List<TargetForm> forms = targets.forms(id);
    java.util.LinkedHashSet<String> languages = new java.util.LinkedHashSet<>(target.languages());
    forms.forEach(f -> languages.add(f.language()));
    if (typedLanguage != null) {
      languages.add(typedLanguage);
    }
    Map<String, TargetForm> byLanguage = new java.util.HashMap<>();
    forms.forEach(f -> byLanguage.put(f.language(), f));
    model.addAttribute("target", target);
    model.addAttribute("languages", List.copyOf(languages));
    model.addAttribute("forms", byLanguage);
    model.addAttribute("typedLanguage", typedLanguage);
    model.addAttribute("typed", typed);
    model.addAttribute("errors", errors);
    return "targets/forms";
  }

  private String form(Long id, Model model) {
    model.addAttribute("targetId", id);
    model.addAttribute("channels", Channel.values());
    return "targets/form";
  }
}
