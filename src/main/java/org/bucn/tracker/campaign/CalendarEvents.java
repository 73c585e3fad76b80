package org.bucn.tracker.campaign;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar of sham votes, and rounds of appeals prepared for them: a copy of the last round
 * that answered an event of the same kind, launching by itself some days before the date.
 */
@Service
public class CalendarEvents {

  /** The hour a prepared round launches, where the coordinator who prepared it is. */
  static final LocalTime LAUNCH_HOUR = LocalTime.of(9, 0);

  private final CalendarEventRepository events;
  private final CampaignRepository campaigns;
  private final CampaignService campaignService;
  private final java.time.Clock clock;

  CalendarEvents(
      CalendarEventRepository events,
      CampaignRepository campaigns,
      CampaignService campaignService,
      java.time.Clock clock) {
    this.events = events;
    this.campaigns = campaigns;
    this.campaignService = campaignService;
    this.clock = clock;
  }

  @Transactional
  public CalendarEvent record(EventRequest event, Actor actor) {
    return get(events.insert(event, actor.username()));
  }

  @Transactional(readOnly = true)
  public CalendarEvent get(long id) {
    return events.find(id).orElseThrow(() -> new NotFoundException("event", id));
  }

  @Transactional(readOnly = true)
  public List<CalendarEvent> all() {
    return events.all();
  }

  /**
   * A new DRAFT round for the event: a copy of the last campaign prepared for an event of the same
   * kind (else of the last campaign), linked to the event, launching by itself {@code daysBefore}
   * days before its date at nine in the morning in {@code zone}. A day already passed is refused
   * (400 on {@code daysBefore}); with no campaign at all to copy, 409.
   */
  @Transactional
  public Campaign prepareRound(long eventId, RoundRequest round, ZoneId zone, Actor actor) {
    CalendarEvent event = get(eventId);
    OffsetDateTime launchAt =
        event
            .date()
            .minusDays(round.daysBefore())
            .atTime(LAUNCH_HOUR)
            .atZone(zone)
            .toOffsetDateTime();
    if (!launchAt.toInstant().isAfter(clock.instant())) {
      throw new InvalidFieldException(
          "daysBefore", "refusal.event.launchDayPassed", launchAt.toLocalDate().toString());
    }
    long from =
        campaigns
            .lastRoundFor(event.kind())
            .orElseThrow(() -> new ConflictException(null, "refusal.event.noCampaignToCopy"));
    String title =
        round.title() == null || round.title().isBlank() ? event.title() : round.title().strip();
    Campaign copy =
        campaignService.copy(
            from, title.length() <= 200 ? title : title.substring(0, 200), launchAt, actor);
    campaigns.linkEvent(copy.id(), eventId);
    return campaignService.get(copy.id());
  }
}
