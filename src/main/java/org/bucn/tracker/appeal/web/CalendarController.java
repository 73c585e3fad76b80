package org.bucn.tracker.appeal.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bucn.tracker.appeal.worklist.TaskCalendar;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.UserService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  private final UserService users;
  private final Clock clock;

  CalendarController(TaskCalendar calendar, Texts texts, UserService users, Clock clock) {
    this.calendar = calendar;
    this.texts = texts;
    this.users = users;
    this.clock = clock;
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

  /** A week of the month page: seven days, Monday first, null outside the month. */
  record Week(List<Day> days) {}

  /** A day of the month page and the deadlines that fall on it. */
  record Day(LocalDate date, boolean today, List<TaskCalendar.Deadline> due) {}

  /**
   * The same deadlines as the feed, a month at a time ({@code ?month=2027-01}; this month by
   * default), Monday first as the team's calendars are.
   */
  @GetMapping("/calendar")
  String month(@RequestParam(required = false) String month, Actor actor, Model model) {
    ZoneId zone = users.find(actor.username()).orElseThrow().zone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    YearMonth shown;
    try {
      shown =
          month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException("month", "refusal.calendar.month", month);
    }
    Map<LocalDate, List<TaskCalendar.Deadline>> byDay =
        calendar.deadlines(actor.username(), shown.atDay(1), shown.atEndOfMonth()).stream()
            .collect(Collectors.groupingBy(TaskCalendar.Deadline::day));
    List<Week> weeks = new ArrayList<>();
    LocalDate day = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    while (!day.isAfter(shown.atEndOfMonth())) {
      List<Day> days = new ArrayList<>();
      for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
        days.add(
            YearMonth.from(day).equals(shown)
                ? new Day(day, day.equals(today), byDay.getOrDefault(day, List.of()))
                : null);
      }
      weeks.add(new Week(days));
    }
    model.addAttribute("month", shown);
    model.addAttribute("weeks", weeks);
    model.addAttribute("previous", shown.minusMonths(1));
    model.addAttribute("next", shown.plusMonths(1));
    model.addAttribute("deadlines", byDay.values().stream().mapToInt(List::size).sum());
    return "tasks/calendar";
  }

  /** Makes the address, or a new one in place of the old: shown once, like an API token. */
  @PostMapping("/tasks/calendar")
  String renew(Actor actor, RedirectAttributes flash) {
    flash.addFlashAttribute("calendarAddress", calendar.renew(actor.username()).toString());
    flash.addFlashAttribute("flash", texts.of("flash.calendarMade"));
    return "redirect:/tasks";
  }
}
