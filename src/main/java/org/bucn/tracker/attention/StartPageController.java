package org.bucn.tracker.attention;

import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what needs the person now, by role. */
@PageController
class StartPageController {

  private final AttentionService attention;

  StartPageController(AttentionService attention) {
    this.attention = attention;
  }

  @GetMapping("/")
  String start(Actor actor, Model model) {
    model.addAttribute("attention", attention.of(actor));
    return "home";
  }
}
