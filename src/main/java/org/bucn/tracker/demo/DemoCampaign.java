package org.bucn.tracker.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.appeal.AppealProcess;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.appeal.step.DueDates;
import org.bucn.tracker.appeal.step.Steps;
import org.bucn.tracker.appeal.step.TaskAssignments;
import org.bucn.tracker.appeal.step.TaskInputs;
import org.bucn.tracker.appeal.worklist.TaskItem;
import org.bucn.tracker.appeal.worklist.Worklist;
import org.bucn.tracker.campaign.CalendarEvents;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.campaign.EventKind;
import org.bucn.tracker.campaign.EventRequest;
import org.bucn.tracker.campaign.LaunchOverride;
import org.bucn.tracker.campaign.LetterRequest;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.cosigning.CoSignatures;
import org.bucn.tracker.cosigning.SignatoryEdit;
import org.bucn.tracker.discussion.Notes;
import org.bucn.tracker.infrastructure.db.FirstStartDemo;
import org.bucn.tracker.shared.TrackerClock;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo campaign, moved along through the same services people use, so that a new user sees
 * every stage: drafts, a review, submissions, follow-ups, an escalation, responses, sanction
 * outcomes, and (in a second, closed pilot campaign) withdrawn appeals. The responses are invented
 * for illustration and say so.
 */
@Component
class DemoCampaign {

  private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

  static final String TITLE =
      "No recognition of the Kremlin's sham \"elections\" in occupied Ukraine";

  private static final String SUMMARY =
      """
      Russia is staging so-called elections in the parts of Ukraine it occupies: Crimea and \
      Sevastopol and parts of the Donetsk and Luhansk regions, held since 2014, and parts of the \
      Kherson and Zaporizhzhia regions, held since 2022. Observers report armed soldiers escorting \
      door-to-door "voting" and ballots cast in the street, blackmail and intimidation, people \
      forced to take Russian passports and to give up their Ukrainian documents, and Russian \
      citizens moved in to vote.

      Under the UN Charter, and out of respect for Ukraine's sovereignty and territorial integrity, \
      we ask each leader to refuse to recognise any body "elected" in this way, to condemn the \
      vote in international fora, to adopt or align with harsh sanctions, and to support \
      criminal accountability for the Kremlin leadership.

      Demo data: the responses and sanction outcomes recorded in this campaign are invented to \
      show the tracker, not reports of what any office has said.""";

  private static final String LETTER_EN =
      """
      {{salutation}}

      On behalf of the Balkan-Ukrainian cooperation network, we address you as {{formalTitle}}. Russia \
      is holding so-called elections in the territories of Ukraine it occupies, under armed escort, \
      threats and forced passportisation. Such a vote is void under the UN Charter and violates \
      Ukraine's sovereignty and territorial integrity.

      We ask {{country}} for {{demands}}: to recognise no body "elected" there, to condemn the vote \
      internationally, and to adopt or align with sanctions against those responsible.

      Please accept the assurances of our highest consideration.""";

  private static final String LETTER_SR =
      """
      {{salutation}}

      Obraćamo Vam se u ime Balkansko-ukrajinske mreže za saradnju. Rusija organizuje takozvane \
      izbore na okupiranim teritorijama Ukrajine, pod oružanom pratnjom, pretnjama i prisilnom \
      podelom pasoša. Takvo glasanje je ništavno prema Povelji UN i krši suverenitet i teritorijalni \
      integritet Ukrajine.

      Molimo Vas da ne priznate nijedno telo "izabrano" na taj način, da osudite ovo glasanje i da \
      uvedete sankcije ili se uskladite sa njima. Naši zahtevi: {{demands}}.

      Primite izraze našeg najdubljeg poštovanja.""";

  /** The advisory lock that lets one node seed the demo campaign while others wait. */
  static final long SEEDING_LOCK = 7301;

  private static final java.time.Duration OPENING_TIMEOUT = java.time.Duration.ofMinutes(2);

  private static final Actor COORDINATOR = new Actor("coordinator", Set.of(Role.COORDINATOR));
  private static final Actor ADVOCATE = new Actor("advocate", Set.of(Role.ADVOCATE));
  private static final Actor ADVOCATE2 = new Actor("advocate2", Set.of(Role.ADVOCATE));

  private final CampaignService campaigns;
  private final Letters letters;
  private final AppealService appeals;
  private final TargetService targets;
  private final Worklist worklist;
  private final TaskAssignments assignments;
  private final DueDates dueDates;
  private final Steps steps;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskInputs inputs;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TrackerClock clock;
  private final Notes notes;

  private final FirstStartDemo firstStart;

  private final CalendarEvents calendar;
  private final CoSignatures coSignatures;

  DemoCampaign(
      CampaignService campaigns,
      Letters letters,
      AppealService appeals,
      TargetService targets,
      Worklist worklist,
      TaskAssignments assignments,
      DueDates dueDates,
      Steps steps,
      ManagementService management,
      RuntimeService runtime,
      TaskInputs inputs,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      TrackerClock clock,
      Notes notes,
      FirstStartDemo firstStart,
      CalendarEvents calendar,
      CoSignatures coSignatures) {
    this.coSignatures = coSignatures;
    this.calendar = calendar;
    this.firstStart = firstStart;
    this.campaigns = campaigns;
    this.letters = letters;
    this.appeals = appeals;
    this.targets = targets;
    this.worklist = worklist;
    this.assignments = assignments;
    this.dueDates = dueDates;
    this.steps = steps;
    this.management = management;
    this.runtime = runtime;
    this.inputs = inputs;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.notes = notes;
  }

  /**
   * Seeds the demo campaign unless it exists. The story is told on its own dates: the tracker's
   * clock (and the engine's) is set to each moment before its step is taken through the services
   * people use, so every date the tracker shows (created, launched, due, overdue, the timeline,
   * days to answer) is the one the story gives; then the clock is put back.
   */
  void seedOnce() {
    LocalDate today = LocalDate.now(clock);
    try {
      moveTo(today.minusDays(70), 11);
      // One node seeds; another starting at the same moment waits here, then finds the campaign.
      Campaign campaign =
          transaction.execute(
              status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SEEDING_LOCK).query().singleRow();
                if (jdbc.sql("SELECT count(*) FROM campaign_directory").query(Long.class).single()
                    > 0) {
                  return null;
                }
                firstStart.begin();
                return campaigns.create(
                    new CampaignRequest(
                        TITLE,
                        SUMMARY,
                        Set.of(Demand.values()),
                        "P14D",
                        3,
                        "P30D",
                        headsOfState(),
                        "campaign-replies@example.org"),
                    COORDINATOR);
              });
      if (campaign != null) {
        seedStory(campaign, today);
      }
    } finally {
      clock.reset();
    }
  }

  /** The demo campaign as it stands weeks after its launch, with appeals in every stage. */
  private void seedStory(Campaign campaign, LocalDate today) {
    moveTo(today.minusDays(71), 10);
    transaction.executeWithoutResult(status -> seedCalendar());
    pilotClosedEarly(today);
    moveTo(today.minusDays(67), 15);
    letters.save(
        campaign.id(),
        "en",
        new LetterRequest(
            "Do not recognise the sham \"elections\" in occupied Ukraine", LETTER_EN, true),
        COORDINATOR);
    letters.save(
        campaign.id(),
        "sr-Latn",
        new LetterRequest(
            "Ne priznajte lažne \"izbore\" na okupiranim teritorijama Ukrajine", LETTER_SR, false),
        COORDINATOR);
    coSigners(campaign.id());
    // The story's letter exists in English and Serbian only: the coordinator launches the rest in
    // English, saying why.
    moveTo(today.minusDays(66), 8);
    campaigns.launch(
        campaign.id(),
        LaunchOverride.forEveryError(
            letters.preview(campaign.id()),
            "No translation yet: the English letter goes now, a translation follows with the first reminder"),
        COORDINATOR);
    awaitOpened(campaign.id());
    Map<String, Long> appealOf =
        appeals.summariesOfCampaign(campaign.id()).stream()
            .collect(Collectors.toMap(AppealSummary::countryCode, AppealSummary::id));

    // The stories that began longest ago come first, so the clock mostly moves on.
    submitted(appealOf.get("RS"), "sr", today.minusDays(60)); // silent, closed without an answer
    followUps(appealOf.get("RS"), 3, today.minusDays(50), today.minusDays(16));
    on(
        today.minusDays(15),
        appealOf.get("RS"),
        () ->
            complete(
                appealOf.get("RS"),
                TaskKey.ESCALATE_NO_RESPONSE,
                COORDINATOR,
                Map.of("decision", "CLOSE_NO_RESPONSE", "note", "Silent after three follow-ups")));

    submitted(
        appealOf.get("XK"),
        "sq",
        today.minusDays(50)); // silent: escalated to the coordinators, three days late
    followUps(appealOf.get("XK"), 3, today.minusDays(40), today.minusDays(6));

    responded(appealOf.get("SI"), "sl", today.minusDays(45), "CONDEMNED", today.minusDays(41));
    responded(
        appealOf.get("RO"), "ro", today.minusDays(40), "NON_RECOGNITION", today.minusDays(33));
    responded(appealOf.get("MK"), "mk", today.minusDays(33), "CONDEMNED", today.minusDays(20));
    responded(
        appealOf.get("ME"),
        "sr",
        today.minusDays(24),
        "ACKNOWLEDGED",
        today.minusDays(12)); // sanction task open
    sanction(
        appealOf.get("MK"),
        today.minusDays(18),
        Map.of("status", "PENDING", "measure", "Alignment under consideration"));
    sanction(
        appealOf.get("SI"),
        today.minusDays(15),
        Map.of(
            "status",
            "ADOPTED",
            "measure",
            "National restrictive measures (demo)",
            "decidedAt",
            today.minusDays(15).toString(),
            "sourceUrl",
            "https://www.gov.si/"));
    sanction(
        appealOf.get("RO"),
        today.minusDays(10),
        Map.of(
            "status",
            "ALIGNED",
            "measure",
            "Aligned with the EU's restrictive measures",
            "decidedAt",
            today.minusDays(10).toString(),
            "reference",
            "EU CFSP decision (demo)",
            "sourceUrl",
            "https://eur-lex.europa.eu/"));

    // Two letters wait for translators: their drafting began at the launch and was re-planned.
    for (String country : List.of("BA", "AL")) {
      Long appeal = appealOf.get(country);
      on(
          today.minusDays(10),
          appeal,
          () ->
              dueDates.setDue(
                  openTask(appeal, TaskKey.DRAFT_APPEAL).id(),
                  at(today.plusDays(country.equals("BA") ? 3 : 5), 17),
                  COORDINATOR));
    }
    on(
        today.minusDays(9),
        appealOf.get("AL"),
        () ->
            notes.add(
                appealOf.get("AL"),
                "Our Albanian translator is back next week; the draft waits for her. @advocate please keep the English text ready.",
                COORDINATOR));
    submitted(appealOf.get("GR"), "el", today.minusDays(6)); // awaiting a response
    drafted(appealOf.get("BG"), "bg", today.minusDays(4)); // in review, two days late
    on(today.minusDays(3), appealOf.get("BA"), () -> claim(appealOf.get("BA"), ADVOCATE2));
    approved(appealOf.get("HR"), "hr", today.minusDays(2)); // to submit

    log.info("Demo mode: created the demo campaign '{}' with its appeals in every stage", TITLE);
  }

  /**
   * The network signs together: before the launch, organisations and people who signed at the
   * network's meeting co-sign the letters (invented, and named so). The letters carry them.
   */
  private void coSigners(long campaignId) {
    coSignatures.open(campaignId, null, COORDINATOR);
    coSignatures.importRows(
        campaignId,
        List.of(
            new SignatoryEdit(
                "Demo Policy Institute", "RS", null, "Demo Director", "Director", null, true),
            new SignatoryEdit(
                "Demo Centre for Security Studies",
                "BA",
                null,
                "Demo Fellow",
                "Senior fellow",
                null,
                true),
            new SignatoryEdit("Demo Civic Forum", "UA", null, "Demo Chair", "Chair", null, true),
            new SignatoryEdit(
                null, null, null, "Demo Analyst", "Analyst of international relations", null, true),
            new SignatoryEdit(null, null, null, "Demo Historian", null, null, false)),
        "Demo data: invented co-signatories, signed at the network's meeting",
        COORDINATOR);
  }

  /**
   * Sham votes of the past, each public record with a source to check, so that "prepare a round for
   * this event" has something to answer and the calendar is not empty.
   */
  private void seedCalendar() {
    List<String> annexed = List.of("Donetsk", "Luhansk", "Zaporizhzhia", "Kherson");
    List<String> allOccupied =
        List.of("Crimea", "Sevastopol", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson");
    for (EventRequest event :
        List.of(
            new EventRequest(
                "So-called \"referendums\" on annexation in occupied Ukraine",
                EventKind.SHAM_REFERENDUM,
                LocalDate.of(2022, 9, 27),
                annexed,
                "https://en.wikipedia.org/wiki/2022_annexation_referendums_in_Russian-occupied_Ukraine"),
            new EventRequest(
                "So-called regional and local \"elections\" in occupied Ukraine",
                EventKind.SHAM_ELECTION,
                LocalDate.of(2023, 9, 10),
                allOccupied,
                "https://press.un.org/en/2023/sc15405.doc.htm"),
            new EventRequest(
                "Russia's presidential \"election\" held in occupied Ukraine",
                EventKind.SHAM_ELECTION,
                LocalDate.of(2024, 3, 17),
                allOccupied,
                "https://war.ukraine.ua/war-news/russias-elections-temporarily-occupied-ukraine/"))) {
      calendar.record(event, COORDINATOR);
    }
  }

  /** Takes a step of the story on {@code day}, in working hours. */
  private void on(LocalDate day, long appealId, Runnable step) {
    moveTo(day, 9 + (int) (appealId % 8));
    step.run();
  }

  private void moveTo(LocalDate day, int hour) {
    clock.moveTo(at(day, hour).toInstant());
  }

  private OffsetDateTime at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(clock.getZone()).toOffsetDateTime();
  }

  /**
   * A small pilot, closed early when the main campaign was prepared, so that withdrawn appeals can
   * be seen too.
   */
  private void pilotClosedEarly(LocalDate today) {
    List<Long> heads =
        targets.findAll().stream()
            .filter(
                t ->
                    t.office().equals("Prime Minister")
                        && Set.of("HR", "GR").contains(t.countryCode()))
            .map(Target::id)
            .toList();
    moveTo(today.minusDays(90), 10);
    Campaign pilot =
        campaigns.create(
            new CampaignRequest(
                "Pilot: early appeal to prime ministers",
                "A pilot round, closed early when the main campaign started.",
                Set.of(Demand.CONDEMNATION, Demand.NON_RECOGNITION),
                "P7D",
                2,
                "P30D",
                heads),
            COORDINATOR);
    moveTo(today.minusDays(88), 10);
    campaigns.launch(pilot.id(), COORDINATOR);
    awaitOpened(pilot.id());
    appeals.summariesOfCampaign(pilot.id()).stream()
        .map(AppealSummary::id)
        .findFirst()
        .ifPresent(appeal -> drafted(appeal, "hr", today.minusDays(80)));
    moveTo(today.minusDays(71), 16);
    campaigns.close(pilot.id(), COORDINATOR);
  }

  /**
   * Runs the jobs that open a launched campaign's appeals now, so the demo can move them along at
   * start-up, before the job executor runs; a job the executor took first is simply skipped.
   */
  private void awaitOpened(long campaignId) {
    String processInstanceId =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(org.bucn.tracker.campaign.CampaignProcess.KEY)
            .processInstanceBusinessKey(String.valueOf(campaignId))
            .singleResult()
            .getId();
    long deadline = System.nanoTime() + OPENING_TIMEOUT.toNanos();
    while (!appeals.opening(campaignId).complete()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The demo campaign's appeals were not opened within " + OPENING_TIMEOUT);
      }
      for (Job job :
          management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException | BadUserRequestException takenByTheJobExecutor) {
          log.debug("Job {} ran elsewhere: {}", job.getId(), takenByTheJobExecutor.getMessage());
        }
      }
    }
  }

  private List<Long> headsOfState() {
    Map<String, Target> first = new LinkedHashMap<>();
    for (Target t : targets.findAll()) {
      if (!t.office().equals("Prime Minister") && !t.office().startsWith("Chair")) {
        first.putIfAbsent(t.countryCode(), t);
      }
    }
    return first.values().stream().map(Target::id).toList();
  }

  /** Drafted over the day before {@code on}, handed for review on {@code on}. */
  private void drafted(long appealId, String language, LocalDate on) {
    on(on.minusDays(1), appealId, () -> claim(appealId, ADVOCATE));
    var prepared = appeals.detail(appealId).draft();
    on(
        on,
        appealId,
        () ->
            complete(
                appealId,
                TaskKey.DRAFT_APPEAL,
                ADVOCATE,
                Map.of(
                    "text",
                    prepared != null ? prepared.text() : letter(appealId),
                    "language",
                    prepared != null ? prepared.language() : language)));
  }

  private void approved(long appealId, String language, LocalDate on) {
    drafted(appealId, language, on.minusDays(3));
    on(
        on,
        appealId,
        () ->
            complete(
                appealId,
                TaskKey.REVIEW_APPEAL,
                COORDINATOR,
                Map.of("decision", "APPROVE", "comment", "Good to send")));
  }

  private void submitted(long appealId, String language, LocalDate on) {
    approved(appealId, language, on.minusDays(2));
    on(
        on,
        appealId,
        () ->
            complete(
                appealId,
                TaskKey.SUBMIT_APPEAL,
                ADVOCATE,
                Map.of(
                    "submittedAt",
                    on.toString(),
                    "channel",
                    "EMAIL",
                    "sentElsewhere",
                    "true",
                    "reference",
                    "BUCN-" + on.getYear() + "-" + appealId)));
  }

  private void responded(
      long appealId, String language, LocalDate submittedOn, String kind, LocalDate receivedOn) {
    submitted(appealId, language, submittedOn);
    on(
        receivedOn,
        appealId,
        () ->
            complete(
                appealId,
                TaskKey.RECORD_RESPONSE,
                ADVOCATE,
                Map.of(
                    "receivedAt",
                    receivedOn.toString(),
                    "kind",
                    kind,
                    "summary",
                    "Demo response: " + kind.toLowerCase().replace('_', ' '))));
  }

  private void sanction(long appealId, LocalDate on, Map<String, Object> fields) {
    on(on, appealId, () -> complete(appealId, TaskKey.TRACK_SANCTION, ADVOCATE, fields));
  }

  /**
   * Lets the follow-up timers fire on the story's days rather than waiting for them, and records
   * each follow-up ten days apart; the last interval to answer ran out on {@code silentSince}. A
   * timer the job executor fired first (it was due by the moved clock) is simply not fired again.
   */
  private void followUps(long appealId, int count, LocalDate firstOn, LocalDate silentSince) {
    String processInstanceId = appeals.processInstanceId(appealId);
    for (int i = 0; i < count; i++) {
      LocalDate day = firstOn.plusDays(10L * i);
      String channel = i == 1 ? "LETTER" : "EMAIL";
      int round = i + 1;
      on(
          day,
          appealId,
          () -> {
            fire(management.createJobQuery().processInstanceId(processInstanceId).timers().list());
            complete(
                appealId,
                TaskKey.FOLLOW_UP,
                ADVOCATE,
                Map.of("doneAt", day.toString(), "channel", channel, "note", "Reminder " + round));
          });
    }
    on(
        silentSince,
        appealId,
        () ->
            fire(
                management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .timers()
                    .activityId(AppealProcess.EVENT_LAST_ANSWER_WINDOW)
                    .list()));
  }

  private void fire(List<Job> timers) {
    for (Job timer : timers) {
      try {
        management.executeJob(timer.getId());
      } catch (OptimisticLockingException | BadUserRequestException firedByTheJobExecutor) {
        log.debug(
            "Timer {} fired elsewhere: {}", timer.getId(), firedByTheJobExecutor.getMessage());
      }
    }
  }

  private void claim(long appealId, Actor actor) {
    assignments.claim(openTask(appealId, null).id(), actor);
  }

  private void complete(long appealId, TaskKey key, Actor actor, Map<String, ?> fields) {
    steps.complete(openTask(appealId, key).id(), inputs.fromFields(key, fields), actor);
  }

  private TaskItem openTask(long appealId, TaskKey key) {
    long deadline = System.nanoTime() + OPENING_TIMEOUT.toNanos();
    while (true) {
      java.util.Optional<TaskItem> open =
          worklist.openTasksOfAppeal(appealId).stream()
              .filter(t -> key == null || t.taskKey().equals(key.key()))
              .findFirst();
      if (open.isPresent()) {
        return open.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No open " + key + " task for appeal " + appealId);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the demo waited for a task", e);
      }
    }
  }

  private String letter(long appealId) {
    return "Your Excellency,\n\nWe call on you to refuse to recognise the sham \"elections\" that Russia stages in the "
        + "occupied territories of Ukraine, to condemn them, and to adopt or align with sanctions.\n\n"
        + "Balkan-Ukrainian cooperation network (appeal "
        + appealId
        + ")";
  }
}
