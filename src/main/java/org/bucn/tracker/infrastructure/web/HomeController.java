package org.bucn.tracker.infrastructure.web;

import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@PageController
class HomeController {

  private final TrackerProperties properties;

  HomeController(TrackerProperties properties) {
    this.properties = properties;
  }

  /**
   * The login page: "Sign in with …" when single sign-on is set up, the password form for everyone
   * or for admins alone.
   */
  @GetMapping("/login")
  String login(Model model) {
    TrackerProperties.Oidc oidc = properties.oidc();
    model.addAttribute("sso", oidc != null && oidc.enabled() ? oidc.name() : null);
    model.addAttribute("passwordForEveryone", properties.passwordLoginForEveryone());
    return "login";
  }
}
