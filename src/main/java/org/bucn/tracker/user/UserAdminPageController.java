package org.bucn.tracker.user;

import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create users, set their roles, disable them and reset passwords. */
@PageController
class UserAdminPageController {

  private final Texts texts;

  private final UserService users;

  UserAdminPageController(UserService users, Texts texts) {
    this.texts = texts;
    this.users = users;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("newUser", new UserForms.NewUser(null, null, null, null, Set.of()));
    return page(model);
  }

  @PostMapping("/admin/users")
  String create(
      @Valid @ModelAttribute("newUser") UserForms.NewUser form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash) {
    if (!binding.hasErrors()) {
      try {
        users.create(form.toNewUser());
        flash.addFlashAttribute(
            "flash",
            texts.of(
                "flash.userCreated",
                form.username(),
                form.roles().stream()
                    .map(texts::label)
                    .collect(java.util.stream.Collectors.joining(", "))));
        return "redirect:/admin/users";
      } catch (ConflictException e) {
        binding.rejectValue(e.field() == null ? "username" : e.field(), "conflict", texts.of(e));
      }
    }
    model.addAttribute("flashError", texts.of("flash.nobodyCreated"));
    return page(model);
  }

  /** The row of one user: a box not ticked is a role taken away, an account disabled. */
  @PostMapping("/admin/users/{username}")
  String update(
      @PathVariable String username,
      @Valid @ModelAttribute UserForms.UserChange form,
      BindingResult binding,
      RedirectAttributes flash) {
    if (binding.hasErrors()) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.userUnchanged", username, describe(binding)));
      return "redirect:/admin/users";
    }
    boolean enabled = Boolean.TRUE.equals(form.enabled());
    // A blank role (roles= with nothing) is no role, not an error.
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (form.roles() != null) {
      form.roles().stream().filter(java.util.Objects::nonNull).forEach(roles::add);
    }
    try {
      users.update(
          username,
          new UserService.UserChange(
              form.email(), null, enabled, roles, null, form.notifications()));
      flash.addFlashAttribute(
          "flash",
          texts.of(
              "flash.userSaved",
              username,
              texts.of(enabled ? "users.active" : "flash.disabled"),
              roles.stream().map(texts::label).collect(java.util.stream.Collectors.joining(", "))));
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", texts.of(e));
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(
      @PathVariable String username,
      @Valid @ModelAttribute UserForms.PasswordReset form,
      BindingResult binding,
      RedirectAttributes flash) {
    if (binding.hasErrors()) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.passwordNotChanged", username, describe(binding)));
      return "redirect:/admin/users";
    }
    users.update(username, new UserService.UserChange(null, null, null, null, form.password()));
    flash.addFlashAttribute("flash", texts.of("flash.passwordReset", username));
    return "redirect:/admin/users";
  }

  private String page(Model model) {
    model.addAttribute("users", users.findAll());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }

  /**
   * The field errors of a form in a row of the table, for the message above it: "password must have
   * …".
   */
  private static String describe(BindingResult binding) {
    return binding.getFieldErrors().stream()
        .map(e -> e.getField() + " " + e.getDefaultMessage())
        .collect(Collectors.joining("; "));
  }
}
