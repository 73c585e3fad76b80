package org.bucn.tracker.infrastructure.web;

import org.bucn.tracker.shared.PageController;
import org.springframework.web.bind.annotation.GetMapping;

@PageController
class HomeController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
