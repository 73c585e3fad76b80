package org.bucn.tracker.user;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own page: the e-mail address for notifications and how often to get them. */
@PageController
class ProfilePageController {

  private final Texts texts;

  private final UserService users;
  private final ApiTokens tokens;
  private final org.springframework.context.MessageSource messages;

  ProfilePageController(
      UserService users,
      ApiTokens tokens,
      org.springframework.context.MessageSource messages,
      Texts texts) {
    this.texts = texts;
    this.messages = messages;
    this.users = users;
    this.tokens = tokens;
  }

  /** A new API token: shown on the next page, once. */
  @PostMapping("/profile/tokens")
  String createToken(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) LocalDate expiresOn,
      Actor actor,
      RedirectAttributes flash) {
    try {
      OffsetDateTime expires =
          expiresOn == null
              ? null
              : expiresOn.atTime(23, 59).atZone(ZoneId.systemDefault()).toOffsetDateTime();
      ApiTokens.NewToken token = tokens.create(actor.username(), name, expires);
      flash.addFlashAttribute("newToken", token);
      flash.addFlashAttribute("flash", texts.of("flash.tokenCreated", token.name()));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute(
          "flashError", texts.of("flash.tokenNotCreated", e.field(), texts.of(e)));
    }
    return "redirect:/profile";
  }

  @PostMapping("/profile/tokens/{id}/revoke")
  String revokeToken(@PathVariable long id, Actor actor, RedirectAttributes flash) {
    tokens.revoke(actor.username(), id);
    flash.addFlashAttribute("flash", texts.of("flash.tokenRevoked"));
    return "redirect:/profile";
  }

  @GetMapping("/profile")
  String show(Actor actor, Model model) {
    UserAccount user = user(actor);
    model.addAttribute("form", new UserForms.Profile(user.email(), user.notifications()));
    return page(user, model);
  }

  /** Changes the user's own password; their other sessions end, this one goes on. */
  @PostMapping("/profile/password")
  String changePassword(
      @Valid @ModelAttribute("passwordForm") UserForms.PasswordChange form,
      BindingResult binding,
      Actor actor,
      Model model,
      HttpSession session,
      RedirectAttributes flash) {
    if (!binding.hasErrors()) {
      try {
        session.setAttribute(
            UserService.SESSION_CREDENTIALS,
            users.changeOwnPassword(actor.username(), form.currentPassword(), form.newPassword()));
        flash.addFlashAttribute("flash", texts.of("flash.passwordChanged"));
        return "redirect:/profile";
      } catch (InvalidFieldException e) {
        binding.rejectValue(e.field(), "invalid", texts.of(e));
      }
    }
    UserAccount user = user(actor);
    model.addAttribute("form", new UserForms.Profile(user.email(), user.notifications()));
    model.addAttribute(
        "flashError", "Please correct the marked fields; the password was not changed.");
    return page(user, model);
  }

  @PostMapping("/profile")
  String save(
      @Valid @ModelAttribute("form") UserForms.Profile form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    if (binding.hasErrors()) {
      model.addAttribute("flashError", texts.of("flash.nothingChangedFields"));
      return page(user(actor), model);
    }
    // An empty address is stored as such: the user stops getting mail.
    users.update(
        actor.username(),
        new UserService.UserChange(
            form.email() == null ? "" : form.email(),
            null,
            null,
            null,
            null,
            form.notifications()));
    flash.addFlashAttribute("flash", texts.of("flash.notifySaved." + form.notifications()));
    return "redirect:/profile";
  }

  /** The person's interface language and time zone: the next page is in them. */
  @PostMapping("/profile/settings")
  String settings(
      @org.springframework.web.bind.annotation.RequestParam(required = false) String language,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String timeZone,
      Actor actor,
      RedirectAttributes flash) {
    try {
      UserAccount saved = users.updateSettings(actor.username(), language, timeZone);
      java.util.Locale now =
          org.bucn.tracker.shared.InterfaceLanguage.ofTag(saved.language())
              .map(org.bucn.tracker.shared.InterfaceLanguage::locale)
              .orElse(org.springframework.context.i18n.LocaleContextHolder.getLocale());
      flash.addFlashAttribute(
          "flash",
          messages.getMessage(
              "profile.settingsSaved",
              new Object[] {
                org.bucn.tracker.shared.InterfaceLanguage.ofTag(saved.language())
                    .map(org.bucn.tracker.shared.InterfaceLanguage::nativeName)
                    .orElse(messages.getMessage("profile.languageBrowser", null, now)),
                saved.timeZone() == null ? "Europe/Belgrade" : saved.timeZone()
              },
              now));
    } catch (InvalidFieldException e) {
      flash.addFlashAttribute("flashError", e.field() + " " + texts.of(e));
    }
    return "redirect:/profile#settings";
  }

  private UserAccount user(Actor actor) {
    return users
        .find(actor.username())
        .orElseThrow(() -> new NotFoundException("user", actor.username()));
  }

  private String page(UserAccount user, Model model) {
    if (!model.containsAttribute("passwordForm")) {
      model.addAttribute("passwordForm", new UserForms.PasswordChange(null, null));
    }
    model.addAttribute("user", user);
    model.addAttribute("tokens", tokens.of(user.username()));
    model.addAttribute("choices", Notify.values());
    return "profile";
  }
}
