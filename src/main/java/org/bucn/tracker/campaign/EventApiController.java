package org.bucn.tracker.campaign;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.bucn.tracker.user.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The calendar's events: sham votes that rounds of appeals answer. */
@RestController
class EventApiController {

  private final CalendarEvents events;

  EventApiController(CalendarEvents events) {
    this.events = events;
  }

  @GetMapping("/api/events")
  List<CalendarEvent> list() {
    return events.all();
  }

  @GetMapping("/api/events/{id}")
  CalendarEvent get(@PathVariable long id) {
    return events.get(id);
  }

  @PostMapping("/api/events")
  @ResponseStatus(HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<CalendarEvent> record(@Valid @RequestBody EventRequest request, Actor actor) {
    CalendarEvent event = events.record(request, actor);
    return ResponseEntity.created(URI.create("/api/events/" + event.id())).body(event);
  }

  /**
   * "Prepare a round for this event": a copy of the last round for this kind of event, launching by
   * itself {@code daysBefore} days before the date, at nine where the coordinator is.
   */
  @PostMapping("/api/events/{id}/rounds")
  @ResponseStatus(HttpStatus.CREATED) // the Location header comes too
  ResponseEntity<Campaign> prepareRound(
      @PathVariable long id,
      @Valid @RequestBody RoundRequest request,
      Actor actor,
      java.time.ZoneId zone) {
    Campaign round = events.prepareRound(id, request, zone, actor);
    return ResponseEntity.created(URI.create("/api/campaigns/" + round.id())).body(round);
  }
}
