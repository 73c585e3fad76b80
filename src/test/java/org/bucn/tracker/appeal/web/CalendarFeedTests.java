package org.bucn.tracker.appeal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.CampaignDrill;
import org.bucn.tracker.TrackerTest;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.DueDates;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.Demand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person's deadlines in their own calendar: a feed at a secret address that a calendar reads
 * without logging in, one event per task that moves when the due date moves, and an address that
 * stops working when renewed.
 */
@TrackerTest
class CalendarFeedTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignDrill drill;
  @Autowired TaskAssignments assignments;
  @Autowired DueDates dueDates;

  @Test
  void anAdvocatesCalendarHoldsEachOfTheirDueDatesOnceAndFollowsAMove() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "RS");
    TaskItem task = drill.awaitTask(drill.appeal(campaign, "RS"), TaskKey.DRAFT_APPEAL);
    assignments.assign(task.id(), "advocate2", CampaignDrill.COORDINATOR);

    String address = subscribe("advocate2");
    ICalendar feed = read(address);
    List<VEvent> mine = events(feed, task.id());
    assertThat(mine).as("the task's due date, once").hasSize(1);
    assertThat(day(mine.get(0)))
        .isEqualTo(task.due().atZoneSameInstant(ZoneId.of("Europe/Belgrade")).toLocalDate());
    assertThat(mine.get(0).getSummary().getValue())
        .isEqualTo("Draft the appeal: " + task.office() + ", Serbia");
    assertThat(mine.get(0).getUrl().getValue()).endsWith("/tasks/" + task.id());

    dueDates.setDue(task.id(), task.due().plusDays(3), CampaignDrill.COORDINATOR);
    List<VEvent> moved = events(read(address), task.id());
    assertThat(moved).as("the same event, moved: its UID stays").hasSize(1);
    assertThat(moved.get(0).getUid().getValue()).isEqualTo(mine.get(0).getUid().getValue());
    assertThat(day(moved.get(0))).isEqualTo(day(mine.get(0)).plusDays(3));

    // Renewed, the old address reads nothing; the new one reads the same deadlines.
    String renewed = subscribe("advocate2");
    mvc.perform(get(URI.create(address).getPath())).andExpect(status().isNotFound());
    assertThat(events(read(renewed), task.id())).hasSize(1);
    mvc.perform(get("/calendar/made-up-address-of-nobody.ics")).andExpect(status().isNotFound());
  }

  @Test
  void aCoordinatorsCalendarHoldsEveryCampaignsDeadlinesAndSaysWhoseTheyAre() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "HR", "AL");
    TaskItem croatia = drill.awaitTask(drill.appeal(campaign, "HR"), TaskKey.DRAFT_APPEAL);
    TaskItem albania = drill.awaitTask(drill.appeal(campaign, "AL"), TaskKey.DRAFT_APPEAL);
    assignments.assign(albania.id(), "advocate", CampaignDrill.COORDINATOR);

    ICalendar feed = read(subscribe("coordinator"));
    assertThat(events(feed, croatia.id())).hasSize(1);
    assertThat(events(feed, albania.id()).get(0).getSummary().getValue())
        .isEqualTo("Draft the appeal: " + albania.office() + ", Albania (Ana Advocate)");
  }

  /** The month page shows the same deadline on its day, and links to the task. */
  @Test
  void theMonthPageShowsEachDeadlineOnItsDay() throws Exception {
    Campaign campaign = drill.launch(Set.of(Demand.values()), "P14D", 3, "P30D", "ME");
    TaskItem task = drill.awaitTask(drill.appeal(campaign, "ME"), TaskKey.DRAFT_APPEAL);
    assignments.assign(task.id(), "advocate2", CampaignDrill.COORDINATOR);
    LocalDate due = task.due().atZoneSameInstant(ZoneId.of("Europe/Belgrade")).toLocalDate();

    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(
            mvc.perform(
                    get("/calendar")
                        .param("month", java.time.YearMonth.from(due).toString())
                        .with(user("advocate2").roles("ADVOCATE")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    org.jsoup.nodes.Element link = page.selectFirst("table.month a[href=/tasks/" + task.id() + "]");
    assertThat(link).as("the task on the month page").isNotNull();
    assertThat(link.text()).isEqualTo("Draft the appeal: " + task.office() + ", Montenegro");
    assertThat(link.closest("td").selectFirst(".day-number").text())
        .isEqualTo(String.valueOf(due.getDayOfMonth()));
    assertThat(page.select("table.month thead th").eachText())
        .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    mvc.perform(
            get("/calendar")
                .param("month", java.time.YearMonth.from(due).plusMonths(1).toString())
                .with(user("advocate2").roles("ADVOCATE")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(task.id()))));
    mvc.perform(
            get("/calendar").param("month", "December").with(user("advocate2").roles("ADVOCATE")))
        .andExpect(status().isBadRequest());
  }

  private String subscribe(String username) throws Exception {
    String role = username.startsWith("coordinator") ? "COORDINATOR" : "ADVOCATE";
    return (String)
        mvc.perform(post("/tasks/calendar").with(csrf()).with(user(username).roles(role)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getFlashMap()
            .get("calendarAddress");
  }

  private ICalendar read(String address) throws Exception {
    String ics =
        mvc.perform(get(URI.create(address).getPath()))
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                    .contentTypeCompatibleWith("text/calendar"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    ICalendar calendar = Biweekly.parse(ics).first();
    assertThat(calendar).as("the feed parses as iCalendar").isNotNull();
    return calendar;
  }

  private static List<VEvent> events(ICalendar calendar, String taskId) {
    return calendar.getEvents().stream()
        .filter(e -> e.getUid().getValue().startsWith(taskId + "@"))
        .toList();
  }

  private static LocalDate day(VEvent event) {
    return event.getDateStart().getValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
