package org.bucn.tracker.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bucn.tracker.appeal.AppealService;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.AppealProcess;
import org.bucn.tracker.appeal.TaskKey;
import org.bucn.tracker.campaign.Campaign;
import org.bucn.tracker.campaign.CampaignRequest;
import org.bucn.tracker.campaign.CampaignService;
import org.bucn.tracker.campaign.Demand;
import org.bucn.tracker.campaign.LetterRequest;
import org.bucn.tracker.campaign.Letters;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.task.TaskActions;
import org.bucn.tracker.task.TaskInputs;
import org.bucn.tracker.task.TaskItem;
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
 * outcomes, and (in a second, closed pilot campaign) withdrawn appeals. The responses are
 * invented for illustration and say so.
 */
@Component
class DemoCampaign {

  private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

  static final String TITLE = "No recognition of the Kremlin's sham \"elections\" in occupied Ukraine";

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
  private final TaskActions tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskInputs inputs;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final java.time.Clock clock;

  DemoCampaign(
      CampaignService campaigns,
      Letters letters,
      AppealService appeals,
      TargetService targets,
      TaskActions tasks,
      ManagementService management,
      RuntimeService runtime,
      TaskInputs inputs,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      java.time.Clock clock) {
    this.clock = clock;
    this.campaigns = campaigns;
    this.letters = letters;
    this.appeals = appeals;
    this.targets = targets;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.inputs = inputs;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  void seedOnce() {
    // One node seeds; another starting at the same moment waits here, then finds the campaign.
    Campaign campaign =
        transaction.execute(
            status -> {
              jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SEEDING_LOCK).query().singleRow();
              if (jdbc.sql("SELECT count(*) FROM campaign_directory").query(Long.class).single() > 0) {
                return null;
              }
              return campaigns.create(
                  new CampaignRequest(TITLE, SUMMARY, Set.of(Demand.values()), "P14D", 3, "P30D", headsOfState(), "campaign-replies@example.org"), COORDINATOR);
            });
    if (campaign == null) {
      return;
    }
    // The story below happened over weeks: it is history, not news for anyone's mailbox.
    org.bucn.tracker.notification.Notices.quietly(() -> seedStory(campaign));
  }

  private void seedStory(Campaign campaign) {
    letters.save(campaign.id(), "en", new LetterRequest("Do not recognise the sham \"elections\" in occupied Ukraine", LETTER_EN, true), COORDINATOR);
    letters.save(campaign.id(), "sr-Latn", new LetterRequest("Ne priznajte lažne \"izbore\" na okupiranim teritorijama Ukrajine", LETTER_SR, false), COORDINATOR);
    campaigns.launch(campaign.id(), COORDINATOR);
    awaitOpened(campaign.id());
    Map<String, Long> appealOf =
        appeals.summariesOfCampaign(campaign.id()).stream()
            .collect(Collectors.toMap(AppealSummary::countryCode, AppealSummary::id));
    LocalDate today = LocalDate.now(clock);

    claim(appealOf.get("BA"), ADVOCATE2); // drafting, claimed
    draft(appealOf.get("BG"), "bg"); // in review
    approved(appealOf.get("HR"), "hr"); // submitting
    submitted(appealOf.get("GR"), "el", today.minusDays(6)); // awaiting a response
    submitted(appealOf.get("XK"), "sq", today.minusDays(50));
    followUps(appealOf.get("XK"), 3, today.minusDays(40)); // escalated to coordinators
    submitted(appealOf.get("RS"), "sr", today.minusDays(60));
    followUps(appealOf.get("RS"), 3, today.minusDays(50));
    complete(appealOf.get("RS"), TaskKey.ESCALATE_NO_RESPONSE, COORDINATOR, Map.of("decision", "CLOSE_NO_RESPONSE", "note", "Silent after three follow-ups"));
    responded(appealOf.get("ME"), "sr", today.minusDays(30), "ACKNOWLEDGED", today.minusDays(12)); // sanction task open
    responded(appealOf.get("MK"), "mk", today.minusDays(35), "CONDEMNED", today.minusDays(20));
    sanction(appealOf.get("MK"), Map.of("status", "PENDING", "measure", "Alignment under consideration")); // re-check in 30 days
    responded(appealOf.get("RO"), "ro", today.minusDays(40), "NON_RECOGNITION", today.minusDays(33));
    sanction(appealOf.get("RO"), Map.of("status", "ALIGNED", "measure", "Aligned with the EU's restrictive measures",
        "decidedAt", today.minusDays(10).toString(), "reference", "EU CFSP decision (demo)", "sourceUrl", "https://eur-lex.europa.eu/"));
    responded(appealOf.get("SI"), "sl", today.minusDays(45), "CONDEMNED", today.minusDays(41));
    sanction(appealOf.get("SI"), Map.of("status", "ADOPTED", "measure", "National restrictive measures (demo)",
        "decidedAt", today.minusDays(15).toString(), "sourceUrl", "https://www.gov.si/"));

    // A campaign in progress: its open tasks appeared days ago, and a few are late.
    waitingSince(appealOf.get("BA"), TaskKey.DRAFT_APPEAL, 3, null);
    waitingSince(appealOf.get("AL"), TaskKey.DRAFT_APPEAL, 4, null);
    waitingSince(appealOf.get("BG"), TaskKey.REVIEW_APPEAL, 4, 2);
    waitingSince(appealOf.get("HR"), TaskKey.SUBMIT_APPEAL, 4, 1);
    waitingSince(appealOf.get("GR"), TaskKey.RECORD_RESPONSE, 6, null);
    waitingSince(appealOf.get("XK"), TaskKey.RECORD_RESPONSE, 50, null);
    waitingSince(appealOf.get("XK"), TaskKey.ESCALATE_NO_RESPONSE, 5, 3);
    waitingSince(appealOf.get("ME"), TaskKey.TRACK_SANCTION, 12, null);

    pilotClosedEarly();
    log.info("Demo mode: created the demo campaign '{}' with its appeals in every stage", TITLE);
  }

  /** The open task appeared {@code daysAgo}; {@code daysLate}, when given, it was due that many days ago. */
  private void waitingSince(Long appealId, TaskKey key, int daysAgo, Integer daysLate) {
    if (appealId == null) {
      return;
    }
    tasks.openTasksOfAppeal(appealId).stream().filter(t -> t.taskKey().equals(key.key())).findFirst().ifPresent(task -> {
      java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
      tasks.backdate(task.id(), now.minusDays(daysAgo), daysLate == null ? task.due() : now.minusDays(daysLate));
    });
  }

  /** A small pilot closed early, so that withdrawn appeals can be seen too. */
  private void pilotClosedEarly() {
    List<Long> heads = targets.findAll().stream()
        .filter(t -> t.office().equals("Prime Minister") && Set.of("HR", "GR").contains(t.countryCode()))
        .map(Target::id).toList();
    Campaign pilot = campaigns.create(
        new CampaignRequest("Pilot: early appeal to prime ministers", "A pilot round, closed early when the main campaign started.",
            Set.of(Demand.CONDEMNATION, Demand.NON_RECOGNITION), "P7D", 2, "P30D", heads), COORDINATOR);
    campaigns.launch(pilot.id(), COORDINATOR);
    awaitOpened(pilot.id());
    appeals.summariesOfCampaign(pilot.id()).stream().findFirst().ifPresent(a -> draft(a.id(), "hr"));
    campaigns.close(pilot.id(), COORDINATOR);
  }

  /**
   * Runs the jobs that open a launched campaign's appeals now, so the demo can move them along at
   * start-up, before the job executor runs; a job the executor took first is simply skipped.
   */
  private void awaitOpened(long campaignId) {
    String processInstanceId =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(campaignId)).singleResult().getId();
    long deadline = System.nanoTime() + OPENING_TIMEOUT.toNanos();
    while (!appeals.opening(campaignId).complete()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The demo campaign's appeals were not opened within " + OPENING_TIMEOUT);
      }
      for (Job job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
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

  private void draft(long appealId, String language) {
    claim(appealId, ADVOCATE);
    var prepared = appeals.detail(appealId).draft();
    complete(appealId, TaskKey.DRAFT_APPEAL, ADVOCATE,
        Map.of("text", prepared != null ? prepared.text() : letter(appealId), "language", prepared != null ? prepared.language() : language));
  }

  private void approved(long appealId, String language) {
    draft(appealId, language);
    complete(appealId, TaskKey.REVIEW_APPEAL, COORDINATOR, Map.of("decision", "APPROVE", "comment", "Good to send"));
  }

  private void submitted(long appealId, String language, LocalDate on) {
    approved(appealId, language);
    complete(appealId, TaskKey.SUBMIT_APPEAL, ADVOCATE,
        Map.of("submittedAt", on.toString(), "channel", "EMAIL", "reference", "BUCN-" + on.getYear() + "-" + appealId));
  }

  private void responded(long appealId, String language, LocalDate submittedOn, String kind, LocalDate receivedOn) {
    submitted(appealId, language, submittedOn);
    complete(appealId, TaskKey.RECORD_RESPONSE, ADVOCATE,
        Map.of("receivedAt", receivedOn.toString(), "kind", kind, "summary", "Demo response: " + kind.toLowerCase().replace('_', ' ')));
  }

  private void sanction(long appealId, Map<String, Object> fields) {
    complete(appealId, TaskKey.TRACK_SANCTION, ADVOCATE, fields);
  }

  /** Lets the follow-up timers fire now rather than in weeks, and records each follow-up. */
  private void followUps(long appealId, int count, LocalDate firstOn) {
    String processInstanceId = appeals.processInstanceId(appealId);
    for (int i = 0; i < count; i++) {
      Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
      management.executeJob(timer.getId());
      complete(appealId, TaskKey.FOLLOW_UP, ADVOCATE,
          Map.of("doneAt", firstOn.plusDays(10L * i).toString(), "channel", i == 1 ? "LETTER" : "EMAIL", "note", "Reminder " + (i + 1)));
    }
    // After the last follow-up the target has one more interval to answer; in the demo it has passed.
    management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(AppealProcess.EVENT_LAST_ANSWER_WINDOW).list()
        .forEach(timer -> management.executeJob(timer.getId()));
  }

  private void claim(long appealId, Actor actor) {
    tasks.claim(openTask(appealId, null).id(), actor);
  }

  private void complete(long appealId, TaskKey key, Actor actor, Map<String, ?> fields) {
    tasks.complete(openTask(appealId, key).id(), inputs.fromFields(key, fields), actor);
  }

  private TaskItem openTask(long appealId, TaskKey key) {
    return tasks.openTasksOfAppeal(appealId).stream()
        .filter(t -> key == null || t.taskKey().equals(key.key()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No open " + key + " task for appeal " + appealId));
  }

  private String letter(long appealId) {
    return "Your Excellency,\n\nWe call on you to refuse to recognise the sham \"elections\" that Russia stages in the "
        + "occupied territories of Ukraine, to condemn them, and to adopt or align with sanctions.\n\n"
        + "Balkan-Ukrainian cooperation network (appeal " + appealId + ")";
  }
}
