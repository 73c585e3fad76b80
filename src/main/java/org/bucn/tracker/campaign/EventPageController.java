package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.PageController;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.Actor;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar page: the sham votes on record, the latest first; coordinators record one and
 * prepare a round of appeals for it.
 */
@PageController
class EventPageController {

  /** The days before the event a prepared round launches, unless the coordinator says otherwise. */
  static final int DAYS_BEFORE = 14;

  private final CalendarEvents events;
  private final Texts texts;
  private final java.time.Clock clock;

  EventPageController(CalendarEvents events, Texts texts, java.time.Clock clock) {
    this.clock = clock;
    this.events = events;
    this.texts = texts;
  }

  @GetMapping("/events")
  String list(Model model) {
    model.addAttribute("form", EventForm.blank());
    return page(model);
  }

  @PostMapping("/events")
  String record(
      @Valid @ModelAttribute("form") EventForm form,
      BindingResult binding,
      Actor actor,
      Model model,
      RedirectAttributes flash) {
    if (binding.hasErrors()) {
      model.addAttribute("flashError", texts.of("flash.correctFields"));
      return page(model);
    }
    CalendarEvent event = events.record(form.toRequest(), actor);
    flash.addFlashAttribute("flash", texts.of("flash.eventRecorded", event.title()));
    return "redirect:/events";
  }

  /** "Prepare a round": the new draft opens, launching by itself before the event. */
  @PostMapping("/events/{id}/rounds")
  String prepareRound(
      @PathVariable long id,
      @RequestParam(required = false) Integer daysBefore,
      Actor actor,
      java.time.ZoneId zone,
      Model model,
      RedirectAttributes flash) {
    int days = daysBefore == null ? DAYS_BEFORE : daysBefore;
    try {
      if (days < 0 || days > 365) {
        throw new InvalidFieldException("daysBefore", "refusal.event.daysBefore");
      }
      Campaign round = events.prepareRound(id, new RoundRequest(days, null), zone, actor);
      flash.addFlashAttribute("flash", texts.of("flash.roundPrepared", round.title()));
      return "redirect:/campaigns/" + round.id();
    } catch (InvalidFieldException e) {
      model.addAttribute("form", EventForm.blank());
      model.addAttribute("roundFor", id);
      model.addAttribute("roundDays", days);
      model.addAttribute("roundError", texts.of(e));
      model.addAttribute("flashError", texts.of(e));
      return page(model);
    }
  }

  private String page(Model model) {
    model.addAttribute("events", events.all());
    model.addAttribute("kinds", EventKind.values());
    model.addAttribute("daysBefore", DAYS_BEFORE);
    // A round is prepared for a vote still to come.
    model.addAttribute("today", java.time.LocalDate.now(clock));
    return "events/list";
  }
}
