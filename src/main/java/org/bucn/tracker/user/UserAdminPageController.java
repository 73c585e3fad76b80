package org.bucn.tracker.user;

import org.bucn.tracker.shared.PageController;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.shared.ConflictException;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create users, set their roles, disable them and reset passwords. */
@PageController
class UserAdminPageController {

  private static final String USERNAME = "[a-z0-9._-]{1,64}";

  private final UserService users;

  UserAdminPageController(UserService users) {
    this.users = users;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("users", users.findAll());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String create(@RequestParam String username, @RequestParam String password, @RequestParam(required = false) String email,
      @RequestParam(required = false) String displayName, @RequestParam(required = false) List<Role> roles, RedirectAttributes flash) {
    String problem =
        !username.matches(USERNAME) ? "Username: use lower-case letters, digits, '.', '_' and '-'"
            : password.length() < 8 || password.length() > 72 ? "Password: 8 to 72 characters"
            : roles == null || roles.isEmpty() ? "Roles: give the user at least one role"
            : null;
    if (problem != null) {
      flash.addFlashAttribute("flashError", problem + ". Nobody was created.");
      return "redirect:/admin/users";
    }
    try {
      users.create(new UserService.NewUser(username, password, blankToNull(email), blankToNull(displayName), EnumSet.copyOf(roles)));
      flash.addFlashAttribute("flash", "Created " + username + " with " + roles);
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}")
  String update(@PathVariable String username, @RequestParam(required = false) List<Role> roles,
      @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String email,
      @RequestParam(required = false) Notify notifications, RedirectAttributes flash) {
    Set<Role> newRoles = roles == null ? Set.of() : EnumSet.copyOf(roles);
    if (email != null && !email.isBlank() && !UserService.isEmail(email.trim())) {
      flash.addFlashAttribute("flashError", "E-mail: '" + email.trim() + "' is not an e-mail address. Nothing was changed.");
      return "redirect:/admin/users";
    }
    try {
      users.update(username, new UserService.UserChange(blankToNull(email), null, enabled, newRoles, null, notifications));
      flash.addFlashAttribute("flash", username + ": " + (enabled ? "active" : "disabled") + ", roles " + newRoles);
    } catch (ConflictException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/admin/users";
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes flash) {
    if (password.length() < 8 || password.length() > 72) {
      flash.addFlashAttribute("flashError", "Password: 8 to 72 characters. The password was not changed.");
      return "redirect:/admin/users";
    }
    users.update(username, new UserService.UserChange(null, null, null, null, password));
    flash.addFlashAttribute("flash", "New password set for " + username);
    return "redirect:/admin/users";
  }

  private static String blankToNull(String value) {
    return StringUtils.hasText(value) ? value.trim() : null;
  }
}
