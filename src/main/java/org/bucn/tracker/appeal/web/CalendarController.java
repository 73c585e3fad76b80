package org.bucn.tracker.appeal.web;

import org.bucn.tracker.appeal.worklist.TaskCalendar;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deadlines feed a calendar subscribes to (no login: its secret address is the key), and the
 * task list's button that makes or renews that address.
 */
@PageController
class CalendarController {

  private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final TaskCalendar calendar;
  private final Texts texts;

  CalendarController(TaskCalendar calendar, Texts texts) {
    this.calendar = calendar;
    this.texts = texts;
  }

  @GetMapping("/calendar/{token}.ics")
  ResponseEntity<String> feed(@PathVariable String token) {
    return (token.matches("[A-Za-z0-9_-]{16,64}")
            ? calendar.feed(token)
            : java.util.Optional.<String>empty())
        .map(
            ics ->
                ResponseEntity.ok()
                    .contentType(CALENDAR)
                    .cacheControl(CacheControl.noStore())
                    .body(ics))
        .orElseThrow(() -> new NotFoundException("calendar", "…"));
  }

  /** Makes the address, or a new one in place of the old: shown once, like an API token. */
  @PostMapping("/tasks/calendar")
  String renew(Actor actor, RedirectAttributes flash) {
    flash.addFlashAttribute("calendarAddress", calendar.renew(actor.username()).toString());
    flash.addFlashAttribute("flash", texts.of("flash.calendarMade"));
    return "redirect:/tasks";
  }
}
