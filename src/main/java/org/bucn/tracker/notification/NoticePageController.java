package org.bucn.tracker.notification;

import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The bell in the header (its count re-read by htmx every 30 seconds) and the page of a person's
 * notices; opening one marks it read and goes to the page it is about.
 */
@PageController
class NoticePageController {

  private final NoticeList list;

  NoticePageController(NoticeList list) {
    this.list = list;
  }

  @GetMapping("/notices")
  String notices(Actor actor, Model model) {
    model.addAttribute("notices", list.of(actor.username(), false));
    model.addAttribute("unread", list.unread(actor.username()));
    return "notices/list";
  }

  @GetMapping("/notices/bell")
  String bell(Actor actor, Model model) {
    model.addAttribute("unread", list.unread(actor.username()));
    return "fragments/bell :: bell";
  }

  @PostMapping("/notices/{id}/open")
  String open(Actor actor, @PathVariable long id) {
    String path = list.read(actor.username(), id).path();
    // Only a page of the tracker itself: never somewhere a stored line could point elsewhere.
    return "redirect:" + (path.startsWith("/") && !path.startsWith("//") ? path : "/notices");
  }

  @PostMapping("/notices/read")
  String readAll(Actor actor) {
    list.readAll(actor.username());
    return "redirect:/notices";
  }
}
