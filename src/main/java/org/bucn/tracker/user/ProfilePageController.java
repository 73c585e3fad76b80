package org.bucn.tracker.user;

import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own page: the e-mail address for notifications and how often to get them. */
@PageController
class ProfilePageController {

  private final UserService users;

  ProfilePageController(UserService users) {
    this.users = users;
  }

  @GetMapping("/profile")
  String show(Actor actor, Model model) {
    model.addAttribute("user", users.find(actor.username()).orElseThrow(() -> new NotFoundException("user", actor.username())));
    model.addAttribute("choices", Notify.values());
    return "profile";
  }

  @PostMapping("/profile")
  String save(@RequestParam String email, @RequestParam Notify notifications, Actor actor, RedirectAttributes flash) {
    String trimmed = email.trim();
    if (StringUtils.hasText(trimmed) && !UserService.isEmail(trimmed)) {
      flash.addFlashAttribute("flashError", "E-mail: '" + trimmed + "' is not an e-mail address. Nothing was changed.");
      return "redirect:/profile";
    }
    users.update(actor.username(), new UserService.UserChange(trimmed, null, null, null, null, notifications));
    flash.addFlashAttribute("flash", "Saved: " + (notifications == Notify.DIGEST ? "one digest a day" : "a mail for each new task"));
    return "redirect:/profile";
  }
}
