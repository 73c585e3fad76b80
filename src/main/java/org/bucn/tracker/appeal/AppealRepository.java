package org.bucn.tracker.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bucn.tracker.appeal.AppealViews.AppealSummary;
import org.bucn.tracker.appeal.AppealViews.Delivery;
import org.bucn.tracker.appeal.AppealViews.DeliveryStatus;
import org.bucn.tracker.appeal.AppealViews.Draft;
import org.bucn.tracker.appeal.AppealViews.Escalation;
import org.bucn.tracker.appeal.AppealViews.FollowUp;
import org.bucn.tracker.appeal.AppealViews.Response;
import org.bucn.tracker.appeal.AppealViews.Review;
import org.bucn.tracker.appeal.AppealViews.SanctionOutcome;
import org.bucn.tracker.appeal.AppealViews.Submission;
import org.bucn.tracker.appeal.AppealViews.TargetRef;
import org.bucn.tracker.infrastructure.db.TransactionMemo;
import org.bucn.tracker.target.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppealRepository {

  /** The appeal row with what the API shows of its target and campaign. */
  record AppealRow(
      long id,
      long campaignId,
      String campaignTitle,
      long targetId,
      AppealStage stage,
      String assignee,
      int followUpRound,
      String processInstanceId,
      java.time.OffsetDateTime createdAt,
      java.time.OffsetDateTime closedAt) {}

  private static final String ROW =
      """
      SELECT a.id, a.campaign_id, c.title AS campaign_title, a.target_id, a.stage, a.assignee,
             a.follow_up_round, a.process_instance_id, a.created_at, a.closed_at
        FROM appeal a JOIN campaign_directory c ON c.id = a.campaign_id
      """;

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  /**
   * The appeals locked in this transaction, as read when locked: nobody else can change them until
   * it ends, and every write here forgets them, so a step reads its appeal once.
   */
  private final TransactionMemo<Long, AppealRow> locked = new TransactionMemo<>();

  AppealRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The tracker's time, passed into every statement that records when something happened. */
  private java.time.OffsetDateTime now() {
    return java.time.OffsetDateTime.now(clock);
  }

  /** One statement however many targets: a launch of a thousand must answer at once. */
  void insertForCampaign(long campaignId, List<Long> targetIds) {
    jdbc.sql(
            """
            INSERT INTO appeal (campaign_id, target_id, stage, created_at, updated_at)
            SELECT ?, t.id, 'DRAFTING', ?, ? FROM unnest(?::bigint[]) WITH ORDINALITY t (id, n) ORDER BY t.n
            """)
        .params(campaignId, now(), now(), targetIds.toArray(Long[]::new))
        .update();
  }

  /** The appeal of this campaign to this office. */
  Optional<Long> appealOf(long campaignId, long targetId) {
    return jdbc.sql("SELECT id FROM appeal WHERE campaign_id = ? AND target_id = ?")
        .params(campaignId, targetId)
        .query(Long.class)
        .optional();
  }

  /** How many of the campaign's appeals have their process running (the rest are being opened). */
  AppealViews.Opening opening(long campaignId) {
    return jdbc.sql(
            """
            SELECT count(*) AS appeals, count(process_instance_id) AS opened FROM appeal WHERE campaign_id = ?
            """)
        .param(campaignId)
        .query(AppealViews.Opening.class)
        .single();
  }

  /** The campaign's appeal ids after {@code after} up to {@code upTo}, in order, at most limit. */
  List<Long> idsOfCampaign(long campaignId, long after, long upTo, int limit) {
    return jdbc.sql(
            "SELECT id FROM appeal WHERE campaign_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?")
        .params(campaignId, after, upTo, limit)
        .query(Long.class)
        .list();
  }

  /** The campaign's last appeal id; 0 when it has none. */
  long lastIdOfCampaign(long campaignId) {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM appeal WHERE campaign_id = ?")
        .param(campaignId)
        .query(Long.class)
        .single();
  }

  /** An appeal and the process instance it runs as. */
  record ProcessOf(long appealId, String processInstanceId) {}

  /** The campaign's appeals that run as a process, after {@code after}, in order, at most limit. */
  List<ProcessOf> processesOfCampaign(long campaignId, long after, int limit) {
    return jdbc.sql(
            """
            SELECT id, process_instance_id FROM appeal
             WHERE campaign_id = ? AND id > ? AND process_instance_id IS NOT NULL
             ORDER BY id LIMIT ?
            """)
        .params(campaignId, after, limit)
        .query((rs, n) -> new ProcessOf(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /**
   * How many of the campaign's appeals have not ended, counted after every other ending of the
   * campaign's appeals has committed: those endings take this lock in turn, so the last one sees
   * none left (two at once would each see the other still open).
   */
  long openAfterOtherEndings(long campaignId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
        .params(ENDINGS_LOCK, (int) campaignId)
        .query()
        .singleRow();
    return jdbc.sql(
            "SELECT count(*) FROM appeal WHERE campaign_id = ? AND stage NOT IN ('CLOSED', 'WITHDRAWN')")
        .param(campaignId)
        .query(Long.class)
        .single();
  }

  /**
   * The advisory lock space of appeal endings, keyed by campaign (ids wrap past 2^31: harmless).
   */
  private static final int ENDINGS_LOCK = 0x41504e44;

  Optional<AppealRow> find(long id) {
    return locked
        .kept(id)
        .or(() -> jdbc.sql(ROW + " WHERE a.id = ?").param(id).query(AppealRow.class).optional());
  }

  /** Locks the appeal row: steps on one appeal happen one after the other, on any node. */
  Optional<AppealRow> lock(long id) {
    return locked.keep(
        id,
        jdbc.sql(ROW + " WHERE a.id = ? FOR NO KEY UPDATE OF a")
            .param(id)
            .query(AppealRow.class)
            .optional());
  }

  /**
   * Locks the appeal an open task belongs to, found by the task in the same statement; empty when
   * the task is not open.
   */
  Optional<AppealRow> lockOfTask(String taskId) {
    Optional<AppealRow> row =
        jdbc.sql(
                ROW
                    + " WHERE a.id = (SELECT w.appeal_id FROM work_item w WHERE w.task_id = ?)"
                    + " FOR NO KEY UPDATE OF a")
            .param(taskId)
            .query(AppealRow.class)
            .optional();
    return row.isEmpty() ? row : locked.keep(row.get().id(), row);
  }

  TargetRef target(long targetId) {
    return jdbc.sql(
            "SELECT id, country_code, country, office, holder_name, channel, language, email, languages FROM target_directory WHERE id = ?")
        .param(targetId)
        .query(
            (rs, n) ->
                new TargetRef(
                    rs.getLong("id"),
                    rs.getString("country_code"),
                    rs.getString("country"),
                    rs.getString("office"),
                    rs.getString("holder_name"),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("language"),
                    rs.getString("email"),
                    List.of((String[]) rs.getArray("languages").getArray())))
        .single();
  }

  List<AppealSummary> summariesOfCampaign(long campaignId) {
    return jdbc.sql(
            """
            SELECT id, campaign_id, target_id, country_code, country, office, holder_name, stage, assignee,
                   submitted_on AS submitted_at, follow_ups, response_kind, responded_on AS responded_at, sanction_status
              FROM appeal_overview
             WHERE campaign_id = ?
             ORDER BY country, office
            """)
        .param(campaignId)
        .query(AppealSummary.class)
        .list();
  }

  void attachProcess(long appealId, String processInstanceId) {
    locked.forget();
    jdbc.sql("UPDATE appeal SET process_instance_id = ? WHERE id = ?")
        .params(processInstanceId, appealId)
        .update();
  }

  /**
   * Moves the appeal to the task's stage and lists the task for the work lists ({@code work_item},
   * whose listener code is {@code StepEvents}): one statement for the two writes every new task
   * makes. Returns the appeal's carrier, or nothing when there is no such appeal.
   */
  Optional<Optional<String>> enterStep(long appealId, AppealService.OpenedTask task) {
    locked.forget();
    return jdbc.sql(
            """
            WITH entered AS (
              UPDATE appeal SET stage = coalesce(?, stage), updated_at = ? WHERE id = ?
              RETURNING id, campaign_id, assignee),
            listed AS (
              INSERT INTO work_item (task_id, task_key, appeal_id, campaign_id, candidate_group, assignee, created_at, due_at)
              SELECT ?, ?, e.id, e.campaign_id, ?, coalesce(?, CASE WHEN ? THEN e.assignee END), ?, ?
                FROM entered e)
            SELECT assignee FROM entered
            """)
        .params(
            task.key().stage().map(AppealStage::name).orElse(null),
            now(),
            appealId,
            task.taskId(),
            task.key().key(),
            task.key().group().name(),
            task.assignee(),
            task.key().group() == org.bucn.tracker.user.Role.ADVOCATE,
            task.created(),
            task.due())
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional();
  }

  void setStage(long appealId, AppealStage stage) {
    locked.forget();
    jdbc.sql("UPDATE appeal SET stage = ?, updated_at = ? WHERE id = ?")
        .params(stage.name(), now(), appealId)
        .update();
  }

  void setAssignee(long appealId, String assignee) {
    locked.forget();
    jdbc.sql("UPDATE appeal SET assignee = ?, updated_at = ? WHERE id = ?")
        .params(assignee, now(), appealId)
        .update();
  }

  void close(long appealId) {
    locked.forget();
    jdbc.sql("UPDATE appeal SET stage = 'CLOSED', closed_at = ?, updated_at = ? WHERE id = ?")
        .params(now(), now(), appealId)
        .update();
  }

  /**
   * Marks every appeal of the campaign that has not ended WITHDRAWN, locking them in id order;
   * returns their ids.
   */
  List<Long> withdrawOpen(long campaignId) {
    locked.forget();
    return jdbc.sql(
            """
            UPDATE appeal SET stage = 'WITHDRAWN', closed_at = ?, updated_at = ?
             WHERE id IN (SELECT id FROM appeal WHERE campaign_id = ? AND stage NOT IN ('CLOSED', 'WITHDRAWN')
                           ORDER BY id FOR NO KEY UPDATE)
            RETURNING id
            """)
        .params(now(), now(), campaignId)
        .query(Long.class)
        .list();
  }

  /** Marks one open appeal WITHDRAWN; false when it had ended already. */
  boolean withdraw(long appealId) {
    locked.forget();
    return jdbc.sql(
                """
                UPDATE appeal SET stage = 'WITHDRAWN', closed_at = ?, updated_at = ?
                 WHERE id = ? AND stage NOT IN ('CLOSED', 'WITHDRAWN')
                """)
            .params(now(), now(), appealId)
            .update()
        > 0;
  }

  void nextFollowUpRound(long appealId) {
    locked.forget();
    jdbc.sql("UPDATE appeal SET follow_up_round = follow_up_round + 1 WHERE id = ?")
        .param(appealId)
        .update();
  }

  // Drafts and reviews.

  int insertDraft(long appealId, String subject, String text, String language, String author) {
    return jdbc.sql(
            """
            INSERT INTO appeal_draft (appeal_id, version, subject, text, language, author, created_at)
            SELECT ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ? FROM appeal_draft WHERE appeal_id = ?
            RETURNING version
            """)
        .params(appealId, subject, text, language, author, now(), appealId)
        .query(Integer.class)
        .single();
  }

  List<Draft> drafts(long appealId) {
    return jdbc.sql(
            "SELECT version, subject, text, language, author, created_at FROM appeal_draft WHERE appeal_id = ? ORDER BY version")
        .param(appealId)
        .query(Draft.class)
        .list();
  }

  Optional<Draft> latestDraft(long appealId) {
    return jdbc.sql(
            "SELECT version, subject, text, language, author, created_at FROM appeal_draft WHERE appeal_id = ? ORDER BY version DESC LIMIT 1")
        .param(appealId)
        .query(Draft.class)
        .optional();
  }

  /**
   * Work on the next draft saved in passing: one per appeal, replaced by each save, gone once the
   * draft is recorded.
   */
  void saveDraftInProgress(long appealId, String subject, String text, String language, String by) {
    jdbc.sql(
            """
            INSERT INTO draft_in_progress (appeal_id, subject, text, language, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (appeal_id) DO UPDATE SET subject = EXCLUDED.subject, text = EXCLUDED.text, language = EXCLUDED.language,
                   saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at
            """)
        .params(appealId, subject, text, language, by, now())
        .update();
  }

  Optional<AppealViews.SavedDraft> draftInProgress(long appealId) {
    return jdbc.sql(
            "SELECT subject, text, language, saved_by, saved_at FROM draft_in_progress WHERE appeal_id = ?")
        .param(appealId)
        .query(AppealViews.SavedDraft.class)
        .optional();
  }

  void dropDraftInProgress(long appealId) {
    jdbc.sql("DELETE FROM draft_in_progress WHERE appeal_id = ?").param(appealId).update();
  }

  void insertReview(
      long appealId, int draftVersion, ReviewDecision decision, String comment, String reviewer) {
    jdbc.sql(
            "INSERT INTO appeal_review (appeal_id, draft_version, decision, comment, reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(appealId, draftVersion, decision.name(), comment, reviewer, now())
        .update();
  }

  List<Review> reviews(long appealId) {
    return jdbc.sql(
            "SELECT draft_version, decision, comment, reviewer, created_at FROM appeal_review WHERE appeal_id = ? ORDER BY id")
        .param(appealId)
        .query(Review.class)
        .list();
  }

  // Submission, follow-ups, escalations.

  /**
   * The submission, addressed to the office's holder at this moment, and what it sent (the PDF and
   * mail kept as evidence).
   */
  void insertSubmission(
      long appealId,
      LocalDate submittedAt,
      Channel channel,
      String reference,
      String messageId,
      boolean sentElsewhere,
      Long letterEvidenceId,
      Long mailEvidenceId,
      String by) {
    jdbc.sql(
            """
            INSERT INTO appeal_submission (appeal_id, submitted_on, channel, reference, message_id, sent_elsewhere, letter_evidence_id,
                                           mail_evidence_id, recorded_by, addressed_to, recorded_at)
            SELECT a.id, ?, ?, ?, ?, ?, ?, ?, ?, t.holder_name, ? FROM appeal a JOIN target_directory t ON t.id = a.target_id WHERE a.id = ?
            """)
        .params(
            submittedAt,
            channel.name(),
            reference,
            messageId,
            sentElsewhere,
            letterEvidenceId,
            mailEvidenceId,
            by,
            now(),
            appealId)
        .update();
  }

  /**
   * The tracker mailed the letter after all (again after a failed delivery, or first after it went
   * another way): the submission now refers to that message; a reference of its own is kept.
   */
  void mailed(long appealId, String messageId, Long letterEvidenceId, Long mailEvidenceId) {
    jdbc.sql(
            """
            UPDATE appeal_submission SET reference = CASE WHEN message_id IS NULL AND reference IS NOT NULL THEN reference ELSE ? END,
                   message_id = ?, letter_evidence_id = coalesce(?, letter_evidence_id), mail_evidence_id = ?
             WHERE appeal_id = ?
            """)
        .params(messageId, messageId, letterEvidenceId, mailEvidenceId, appealId)
        .update();
  }

  Optional<Submission> submission(long appealId) {
    return jdbc.sql(
            """
            SELECT s.submitted_on, s.channel, s.reference, s.addressed_to, s.recorded_by, s.recorded_at, s.sent_elsewhere,
                   s.letter_evidence_id, s.mail_evidence_id, """
                + DELIVERY
                + """
              FROM appeal_submission s LEFT JOIN mail_delivery d ON d.message_id = s.message_id WHERE s.appeal_id = ?
            """)
        .param(appealId)
        .query(
            (rs, n) ->
                new Submission(
                    rs.getObject("submitted_on", LocalDate.class),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("reference"),
                    rs.getString("addressed_to"),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    delivery(rs),
                    rs.getBoolean("sent_elsewhere"),
                    rs.getObject("letter_evidence_id", Long.class),
                    rs.getObject("mail_evidence_id", Long.class)))
        .optional();
  }

  /** The Message-ID of the submission the tracker mailed, if it did. */
  Optional<String> submissionMessageId(long appealId) {
    return jdbc.sql(
            "SELECT message_id FROM appeal_submission WHERE appeal_id = ? AND message_id IS NOT NULL")
        .param(appealId)
        .query(String.class)
        .optional();
  }

  /**
   * The appeal that one of these Message-IDs went out for: its submission or one of its follow-ups.
   */
  Optional<Long> appealOfMessage(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT appeal_id FROM appeal_submission WHERE message_id IN (:ids)
            UNION SELECT appeal_id FROM appeal_follow_up WHERE message_id IN (:ids) LIMIT 1
            """)
        .param("ids", messageIds)
        .query(Long.class)
        .optional();
  }

  private static final String DELIVERY =
      "d.status AS delivery_status, d.message_id AS delivery_message_id, d.recipient, d.sent_at, d.attempts, d.last_error";

  private static Delivery delivery(ResultSet rs) throws SQLException {
    String status = rs.getString("delivery_status");
    return status == null
        ? null
        : new Delivery(
            DeliveryStatus.valueOf(status),
            rs.getString("delivery_message_id"),
            rs.getString("recipient"),
            rs.getObject("sent_at", OffsetDateTime.class),
            rs.getInt("attempts"),
            rs.getString("last_error"));
  }

  void insertFollowUp(
      long appealId,
      int round,
      AppealInput.FollowUp f,
      String messageId,
      Long mailEvidenceId,
      String by) {
    jdbc.sql(
            """
            INSERT INTO appeal_follow_up (appeal_id, round, done_on, channel, note, message_id, mail_evidence_id, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            appealId,
            round,
            f.doneAt(),
            f.channel().name(),
            f.note(),
            messageId,
            mailEvidenceId,
            by,
            now())
        .update();
  }

  int followUpsInRound(long appealId, int round) {
    return jdbc.sql("SELECT count(*) FROM appeal_follow_up WHERE appeal_id = ? AND round = ?")
        .params(appealId, round)
        .query(Integer.class)
        .single();
  }

  List<FollowUp> followUps(long appealId) {
    return jdbc.sql(
            """
            SELECT f.round, f.done_on, f.channel, f.note, f.recorded_by, f.recorded_at, f.mail_evidence_id, """
                + DELIVERY
                + """
              FROM appeal_follow_up f LEFT JOIN mail_delivery d ON d.message_id = f.message_id WHERE f.appeal_id = ? ORDER BY f.id
            """)
        .param(appealId)
        .query(
            (rs, n) ->
                new FollowUp(
                    rs.getInt("round"),
                    rs.getObject("done_on", LocalDate.class),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("note"),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    delivery(rs),
                    rs.getObject("mail_evidence_id", Long.class)))
        .list();
  }

  void insertEscalation(long appealId, AppealInput.Escalation e, String by) {
    jdbc.sql(
            "INSERT INTO appeal_escalation (appeal_id, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)")
        .params(appealId, e.decision().name(), e.note(), by, now())
        .update();
  }

  List<Escalation> escalations(long appealId) {
    return jdbc.sql(
            "SELECT decision, note, decided_by, decided_at FROM appeal_escalation WHERE appeal_id = ? ORDER BY id")
        .param(appealId)
        .query(Escalation.class)
        .list();
  }

  // Response and sanction outcomes.

  void insertResponse(
      long appealId,
      LocalDate receivedAt,
      ResponseKind kind,
      String summary,
      String sourceUrl,
      String publicSummary,
      String by) {
    jdbc.sql(
            """
            INSERT INTO appeal_response (appeal_id, received_on, kind, summary, source_url, public_summary, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            appealId,
            receivedAt,
            kind.name(),
            summary,
            sourceUrl,
            publicSummary == null || publicSummary.isBlank() ? null : publicSummary.strip(),
            by,
            now())
        .update();
  }

  Optional<Response> response(long appealId) {
    return jdbc.sql(
            """
            SELECT received_on AS received_at, kind, summary, source_url, public_summary, recorded_by, recorded_at,
                   public_approved_at, public_approved_by
              FROM appeal_response WHERE appeal_id = ?
            """)
        .param(appealId)
        .query(Response.class)
        .optional();
  }

  void insertSanction(long appealId, AppealInput.Sanction s, String by) {
    long outcome =
        jdbc.sql(
                """
            INSERT INTO sanction_outcome (appeal_id, status, measure, decided_on, reference, source_url, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
            .params(
                appealId,
                s.status().name(),
                s.measure(),
                s.decidedAt(),
                s.reference(),
                s.sourceUrl(),
                by,
                now())
            .query(Long.class)
            .single();
    for (int i = 0; i < s.entities().size(); i++) {
      SanctionedEntity e = s.entities().get(i);
      jdbc.sql(
              """
              INSERT INTO sanctioned_entity (sanction_outcome_id, position, name, kind, opensanctions_id, legal_act)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              outcome,
              i + 1,
              e.name().strip(),
              e.kind().name(),
              blankToNull(e.openSanctionsId()),
              blankToNull(e.legalAct()))
          .update();
    }
  }

  // Corrections: the fields given replace the recorded ones (null: as it was).

  void correctSubmission(long appealId, LocalDate submittedAt, Channel channel, String reference) {
    jdbc.sql(
            """
            UPDATE appeal_submission SET submitted_on = coalesce(?, submitted_on), channel = coalesce(?, channel),
                   reference = coalesce(?, reference) WHERE appeal_id = ?
            """)
        .params(submittedAt, channel == null ? null : channel.name(), reference, appealId)
        .update();
  }

  /** The appeal's {@code number}th follow-up, counted from 1 in the order they were recorded. */
  void correctFollowUp(long appealId, int number, LocalDate doneAt, Channel channel, String note) {
    jdbc.sql(
            """
            UPDATE appeal_follow_up SET done_on = coalesce(?, done_on), channel = coalesce(?, channel), note = coalesce(?, note)
             WHERE id = (SELECT id FROM appeal_follow_up WHERE appeal_id = ? ORDER BY id OFFSET ? LIMIT 1)
            """)
        .params(doneAt, channel == null ? null : channel.name(), note, appealId, number - 1)
        .update();
  }

  /** A corrected answer leaves the public page until it is approved again. */
  void correctResponse(
      long appealId,
      ResponseKind kind,
      LocalDate receivedAt,
      String summary,
      String sourceUrl,
      String publicSummary) {
    jdbc.sql(
            """
            UPDATE appeal_response SET kind = coalesce(?, kind), received_on = coalesce(?, received_on), summary = coalesce(?, summary),
                   source_url = coalesce(?, source_url), public_summary = coalesce(?, public_summary),
                   public_approved_at = NULL, public_approved_by = NULL
             WHERE appeal_id = ?
            """)
        .params(
            kind == null ? null : kind.name(),
            receivedAt,
            summary,
            sourceUrl,
            publicSummary,
            appealId)
        .update();
  }

  /** The sanction outcome standing now: the latest check. */
  void correctLatestSanction(
      long appealId,
      SanctionStatus status,
      String measure,
      LocalDate decidedAt,
      String reference,
      String sourceUrl) {
    jdbc.sql(
            """
            UPDATE sanction_outcome SET status = coalesce(?, status), measure = coalesce(?, measure), decided_on = coalesce(?, decided_on),
                   reference = coalesce(?, reference), source_url = coalesce(?, source_url)
             WHERE id = (SELECT max(id) FROM sanction_outcome WHERE appeal_id = ?)
            """)
        .params(
            status == null ? null : status.name(),
            measure,
            decidedAt,
            reference,
            sourceUrl,
            appealId)
        .update();
  }

  // The answer on the public page.

  void approveAnswer(long appealId, java.time.Instant at, String by) {
    jdbc.sql(
            "UPDATE appeal_response SET public_approved_at = ?, public_approved_by = ? WHERE appeal_id = ?")
        .params(java.sql.Timestamp.from(at), by, appealId)
        .update();
  }

  /** Takes an approved answer off the public page; false when it was not on it. */
  boolean withdrawAnswer(long appealId) {
    return jdbc.sql(
                """
            UPDATE appeal_response SET public_approved_at = NULL, public_approved_by = NULL
             WHERE appeal_id = ? AND public_approved_at IS NOT NULL AND kind <> 'NO_RESPONSE'
            """)
            .param(appealId)
            .update()
        > 0;
  }

  List<AnswerPublication.Pending> pendingAnswers(long campaignId) {
    return jdbc.sql(
            """
            SELECT a.id, t.country_code, t.country, t.office, r.kind, r.public_summary
              FROM appeal a JOIN appeal_response r ON r.appeal_id = a.id JOIN target_directory t ON t.id = a.target_id
             WHERE a.campaign_id = ? AND r.public_approved_at IS NULL AND r.kind <> 'NO_RESPONSE'
             ORDER BY t.country, t.office, a.id
            """)
        .param(campaignId)
        .query(
            (rs, n) ->
                new AnswerPublication.Pending(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    ResponseKind.valueOf(rs.getString(5)),
                    rs.getString(6)))
        .list();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  List<SanctionOutcome> sanctionChecks(long appealId) {
    java.util.Map<Long, List<SanctionedEntity>> entities = new java.util.HashMap<>();
    jdbc.sql(
            """
            SELECT e.sanction_outcome_id, e.name, e.kind, e.opensanctions_id, e.legal_act
              FROM sanctioned_entity e JOIN sanction_outcome s ON s.id = e.sanction_outcome_id
             WHERE s.appeal_id = ? ORDER BY e.sanction_outcome_id, e.position
            """)
        .param(appealId)
        .query(
            (rs, n) ->
                entities
                    .computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                    .add(
                        new SanctionedEntity(
                            rs.getString("name"),
                            SanctionedEntity.Kind.valueOf(rs.getString("kind")),
                            rs.getString("opensanctions_id"),
                            rs.getString("legal_act"))))
        .list();
    return jdbc.sql(
            """
            SELECT id, status, measure, decided_on, reference, source_url, recorded_by, recorded_at
              FROM sanction_outcome WHERE appeal_id = ? ORDER BY id
            """)
        .param(appealId)
        .query(
            (rs, n) ->
                new SanctionOutcome(
                    SanctionStatus.valueOf(rs.getString("status")),
                    rs.getString("measure"),
                    rs.getObject("decided_on", LocalDate.class),
                    rs.getString("reference"),
                    rs.getString("source_url"),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    List.copyOf(entities.getOrDefault(rs.getLong("id"), List.of()))))
        .list();
  }
}
