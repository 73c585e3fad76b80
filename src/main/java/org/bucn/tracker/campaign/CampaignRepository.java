package org.bucn.tracker.campaign;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bucn.tracker.infrastructure.db.TransactionMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

  private static final String SELECT =
      """
      SELECT c.*, ARRAY(SELECT ct.target_id FROM campaign_target ct WHERE ct.campaign_id = c.id ORDER BY ct.target_id)
             AS target_ids
        FROM campaign c
      """;

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  /** The campaigns read in this transaction: a step's timers, letter and notices read it once. */
  private final TransactionMemo<Long, Campaign> read = new TransactionMemo<>();

  /** The same for what a step needs of a campaign (its terms, without its offices). */
  private final TransactionMemo<Long, CampaignTerms> termsRead = new TransactionMemo<>();

  CampaignRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The tracker's time, passed into every statement that records when something happened. */
  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  void update(long id, CampaignRequest c, String by) {
    forget();
    jdbc.sql(
            """
            UPDATE campaign SET title = :title, summary = :summary, demands = CAST(:demands AS varchar[]), follow_up_interval = :followUp,
                   max_follow_ups = :maxFollowUps, sanction_check_interval = :sanctionCheck, reply_to = :replyTo,
                   draft_within = :draftWithin, review_within = :reviewWithin, submit_within = :submitWithin,
                   response_within = :responseWithin, sanction_within = :sanctionWithin,
                   launch_at = :launchAt, launch_scheduled_by = CASE WHEN CAST(:launchAt AS timestamptz) IS NULL THEN NULL ELSE :by END,
                   launch_stopped_at = NULL
             WHERE id = :id
            """)
        .param("id", id)
        .param("title", c.title())
        .param("summary", c.summary())
        .param(
            "demands",
            "{" + String.join(",", c.demands().stream().sorted().map(Enum::name).toList()) + "}")
        .param("followUp", c.followUpInterval().trim())
        .param("maxFollowUps", c.maxFollowUps())
        .param("sanctionCheck", c.sanctionCheckInterval().trim())
        .param("replyTo", c.replyTo())
        .param("draftWithin", c.draftWithin())
        .param("reviewWithin", c.reviewWithin())
        .param("submitWithin", c.submitWithin())
        .param("responseWithin", c.responseWithin())
        .param("sanctionWithin", c.sanctionWithin())
        .param("launchAt", c.launchAt())
        .param("by", by)
        .update();
    jdbc.sql("DELETE FROM campaign_target WHERE campaign_id = ?").param(id).update();
    jdbc.sql("INSERT INTO campaign_target (campaign_id, target_id) SELECT ?, unnest(?::bigint[])")
        .params(id, c.targetIds().toArray(Long[]::new))
        .update();
  }

  /** A draft campaign and what belongs to it only: its letters and its list of targets. */
  void delete(long id) {
    forget();
    jdbc.sql("DELETE FROM campaign_letter WHERE campaign_id = ?").param(id).update();
    jdbc.sql("DELETE FROM campaign_target WHERE campaign_id = ?").param(id).update();
    jdbc.sql("DELETE FROM campaign WHERE id = ?").param(id).update();
  }

  long insert(CampaignRequest c, String createdBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO campaign (title, summary, demands, follow_up_interval, max_follow_ups,
                                  sanction_check_interval, status, created_by, reply_to, draft_within, review_within,
                                  submit_within, response_within, sanction_within, created_at, launch_at,
                                  launch_scheduled_by)
            VALUES (:title, :summary, CAST(:demands AS varchar[]), :followUp, :maxFollowUps, :sanctionCheck, 'DRAFT', :by,
                    :replyTo, :draftWithin, :reviewWithin, :submitWithin, :responseWithin, :sanctionWithin, :now,
                    :launchAt, CASE WHEN CAST(:launchAt AS timestamptz) IS NULL THEN NULL ELSE :by END)
            """)
        .param("now", now())
        .param("title", c.title())
        .param("summary", c.summary())
        .param(
            "demands",
            "{" + String.join(",", c.demands().stream().sorted().map(Enum::name).toList()) + "}")
        .param("followUp", c.followUpInterval().trim())
        .param("maxFollowUps", c.maxFollowUps())
        .param("sanctionCheck", c.sanctionCheckInterval().trim())
        .param("by", createdBy)
        .param("replyTo", c.replyTo())
        .param("draftWithin", c.draftWithin())
        .param("reviewWithin", c.reviewWithin())
        .param("submitWithin", c.submitWithin())
        .param("responseWithin", c.responseWithin())
        .param("sanctionWithin", c.sanctionWithin())
        .param("launchAt", c.launchAt())
        .update(key, "id");
    long id = key.getKey().longValue();
    jdbc.sql("INSERT INTO campaign_target (campaign_id, target_id) SELECT ?, unnest(?::bigint[])")
        .params(id, c.targetIds().toArray(Long[]::new))
        .update();
    return id;
  }

  /** A campaign changed in this transaction is read again. */
  private void forget() {
    read.forget();
    termsRead.forget();
  }

  /**
   * What a step needs of the campaign, without its list of offices; from the whole campaign when
   * this transaction has read it already.
   */
  Optional<CampaignTerms> terms(long id) {
    Optional<Campaign> whole = read.kept(id);
    if (whole.isPresent()) {
      return whole.map(Campaign::terms);
    }
    return termsRead.get(
        id,
        () ->
            jdbc.sql(
                    """
                    SELECT id, title, demands, status, follow_up_interval, max_follow_ups, sanction_check_interval,
                           launched_by, launched_at, reply_to, draft_within, review_within, submit_within, response_within, sanction_within
                      FROM campaign WHERE id = ?
                    """)
                .param(id)
                .query(
                    (rs, n) ->
                        new CampaignTerms(
                            rs.getLong("id"),
                            rs.getString("title"),
                            demands(rs),
                            CampaignStatus.valueOf(rs.getString("status")),
                            rs.getString("follow_up_interval"),
                            rs.getInt("max_follow_ups"),
                            rs.getString("sanction_check_interval"),
                            rs.getString("launched_by"),
                            rs.getObject("launched_at", OffsetDateTime.class),
                            rs.getString("reply_to"),
                            rs.getString("draft_within"),
                            rs.getString("review_within"),
                            rs.getString("submit_within"),
                            rs.getString("response_within"),
                            rs.getString("sanction_within")))
                .optional());
  }

  Optional<Campaign> find(long id) {
    return read.get(
        id,
        () ->
            jdbc.sql(SELECT + " WHERE c.id = ?")
                .param(id)
                .query(CampaignRepository::map)
                .optional());
  }

  /**
   * Locks the campaign row so that launching and closing never run at once on any node. NO KEY
   * UPDATE: a step of one of its appeals, which holds that appeal's row, still writes its timeline
   * line and task (their foreign keys take a key-share lock of this row) instead of waiting here
   * while the close waits for the appeal: a deadlock that refused closing a busy campaign.
   */
  Optional<Campaign> lock(long id) {
    return read.keep(
        id,
        jdbc.sql(SELECT + " WHERE c.id = ? FOR NO KEY UPDATE OF c")
            .param(id)
            .query(CampaignRepository::map)
            .optional());
  }

  /**
   * Holds the campaign row against a change of its offices while the campaign process reads the
   * list of its appeals; an office being added waits for that read, or the read for the addition.
   */
  CampaignStatus lockShared(long id) {
    return CampaignStatus.valueOf(
        jdbc.sql("SELECT status FROM campaign WHERE id = ? FOR SHARE")
            .param(id)
            .query(String.class)
            .single());
  }

  void addTargets(long id, List<Long> targetIds) {
    forget();
    jdbc.sql("INSERT INTO campaign_target (campaign_id, target_id) SELECT ?, unnest(?::bigint[])")
        .params(id, targetIds.toArray(Long[]::new))
        .update();
  }

  /** Takes an office off a draft's list; false when it was not on it. */
  boolean removeTarget(long id, long targetId) {
    forget();
    return jdbc.sql("DELETE FROM campaign_target WHERE campaign_id = ? AND target_id = ?")
            .params(id, targetId)
            .update()
        > 0;
  }

  List<Campaign> findAll() {
    return jdbc.sql(SELECT + " ORDER BY c.created_at DESC, c.id DESC")
        .query(CampaignRepository::map)
        .list();
  }

  /**
   * The launch's moment: taken first, so that what the launch records (its appeals, their
   * timelines) comes after it.
   */
  void markLaunched(long id, String by) {
    forget();
    jdbc.sql("UPDATE campaign SET status = 'ACTIVE', launched_by = ?, launched_at = ? WHERE id = ?")
        .params(by, now(), id)
        .update();
  }

  void setProcessInstance(long id, String processInstanceId) {
    forget();
    jdbc.sql("UPDATE campaign SET process_instance_id = ? WHERE id = ?")
        .params(processInstanceId, id)
        .update();
  }

  void markClosed(long id, String by, boolean early) {
    forget();
    jdbc.sql(
            "UPDATE campaign SET status = 'CLOSED', closed_by = ?, closed_at = ?, closed_early = ? WHERE id = ?")
        .params(by, now(), early, id)
        .update();
  }

  void markPublished(long id, String by, boolean published) {
    forget();
    jdbc.sql(
            "UPDATE campaign SET published_at = CASE WHEN ? THEN CAST(? AS timestamptz) END, published_by = CASE WHEN ? THEN ? END WHERE id = ?")
        .params(published, now(), published, by, id)
        .update();
  }

  /** Who set the campaign's launch time: the launch is theirs. */
  String launchScheduledBy(long id) {
    return jdbc.sql("SELECT coalesce(launch_scheduled_by, created_by) FROM campaign WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** Links a round to the event it answers. */
  void linkEvent(long id, long eventId) {
    forget();
    jdbc.sql("UPDATE campaign SET event_id = ? WHERE id = ?").params(eventId, id).update();
  }

  /** A launch due by itself that did not happen: letters of its preview have errors. */
  void markLaunchStopped(long id) {
    forget();
    jdbc.sql("UPDATE campaign SET launch_stopped_at = ? WHERE id = ?").params(now(), id).update();
  }

  /**
   * The campaign a new round for an event of this kind starts from: the last round for such an
   * event, else the last campaign of all.
   */
  Optional<Long> lastRoundFor(EventKind kind) {
    return jdbc.sql(
            """
            SELECT c.id FROM campaign c LEFT JOIN calendar_event e ON e.id = c.event_id
             ORDER BY (e.kind = ?) IS TRUE DESC, c.created_at DESC, c.id DESC LIMIT 1
            """)
        .param(kind.name())
        .query(Long.class)
        .optional();
  }

  List<Campaign> published() {
    return jdbc.sql(
            SELECT + " WHERE c.published_at IS NOT NULL ORDER BY c.published_at DESC, c.id DESC")
        .query(CampaignRepository::map)
        .list();
  }

  Optional<String> processInstanceId(long id) {
    return jdbc.sql("SELECT process_instance_id FROM campaign WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  private static Set<Demand> demands(ResultSet rs) throws SQLException {
    Set<Demand> demands = EnumSet.noneOf(Demand.class);
    for (Object d : (Object[]) rs.getArray("demands").getArray()) {
      demands.add(Demand.valueOf((String) d));
    }
    return java.util.Collections.unmodifiableSet(demands);
  }

  private static Campaign map(ResultSet rs, int rowNum) throws SQLException {
    List<Long> targetIds = new ArrayList<>();
    Array targets = rs.getArray("target_ids");
    for (Object t : (Object[]) targets.getArray()) {
      targetIds.add(((Number) t).longValue());
    }
    return new Campaign(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("summary"),
        demands(rs),
        rs.getString("follow_up_interval"),
        rs.getInt("max_follow_ups"),
        rs.getString("sanction_check_interval"),
        List.copyOf(targetIds),
        CampaignStatus.valueOf(rs.getString("status")),
        rs.getBoolean("closed_early"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("launched_by"),
        rs.getObject("launched_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getString("reply_to"),
        rs.getString("draft_within"),
        rs.getString("review_within"),
        rs.getString("submit_within"),
        rs.getString("response_within"),
        rs.getString("sanction_within"),
        rs.getObject("published_at", OffsetDateTime.class),
        rs.getObject("launch_at", OffsetDateTime.class),
        rs.getObject("launch_stopped_at", OffsetDateTime.class),
        (Long) rs.getObject("event_id"));
  }
}
