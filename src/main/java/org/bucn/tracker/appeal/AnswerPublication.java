package org.bucn.tracker.appeal;

import java.util.List;
import org.bucn.tracker.audit.Timeline;
import org.bucn.tracker.shared.ConflictException;
import org.bucn.tracker.shared.NotFoundException;
import org.bucn.tracker.user.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which offices' answers a published campaign shows: an answer (its kind, date, public summary
 * and source) goes public only once a coordinator approved it, one by one or every pending one
 * of a campaign at once, and can be withdrawn; each approval and withdrawal is on the timeline.
 * "No response" is the network's own finding and needs no approval. A corrected answer waits
 * for approval again ({@link AppealCorrections}).
 */
@Service
public class AnswerPublication {

  /** An answer waiting for approval, as the campaign page lists it. */
  public record Pending(long appealId, String country, String office, ResponseKind kind, String publicSummary) {}

  private final AppealRepository appeals;
  private final JdbcClient jdbc;
  private final Timeline timeline;
  private final java.time.Clock clock;

  AnswerPublication(AppealRepository appeals, JdbcClient jdbc, Timeline timeline, java.time.Clock clock) {
    this.appeals = appeals;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.clock = clock;
  }

  @Transactional
  public void approve(long appealId, Actor actor) {
    appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    AppealViews.Response response = appeals.response(appealId)
        .orElseThrow(() -> new ConflictException("No answer has been recorded on this appeal: there is nothing to publish"));
    if (response.publicApprovedAt() != null || response.kind() == ResponseKind.NO_RESPONSE) {
      return;
    }
    jdbc.sql("UPDATE appeal_response SET public_approved_at = ?, public_approved_by = ? WHERE appeal_id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), actor.username(), appealId).update();
    timeline.record(appealId, actor.username(), "ANSWER_PUBLISHED", "approved the answer for the public page"
        + (response.publicSummary() == null ? " (without a public summary)" : ": \"" + response.publicSummary() + "\""));
  }

  @Transactional
  public void withdraw(long appealId, Actor actor) {
    appeals.lock(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
    int withdrawn = jdbc.sql("""
            UPDATE appeal_response SET public_approved_at = NULL, public_approved_by = NULL
             WHERE appeal_id = ? AND public_approved_at IS NOT NULL AND kind <> 'NO_RESPONSE'
            """)
        .param(appealId).update();
    if (withdrawn > 0) {
      timeline.record(appealId, actor.username(), "ANSWER_WITHDRAWN", "withdrew the answer from the public page: it reads "
          + "\"answer received, summary pending\" until approved again");
    }
  }

  /** The campaign's answers waiting for approval, in the order of the campaign page. */
  @Transactional(readOnly = true)
  public List<Pending> pending(long campaignId) {
    return jdbc.sql("""
            SELECT a.id, t.country, t.office, r.kind, r.public_summary
              FROM appeal a JOIN appeal_response r ON r.appeal_id = a.id JOIN target_directory t ON t.id = a.target_id
             WHERE a.campaign_id = ? AND r.public_approved_at IS NULL AND r.kind <> 'NO_RESPONSE'
             ORDER BY t.country, t.office, a.id
            """)
        .param(campaignId)
        .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), ResponseKind.valueOf(rs.getString(4)), rs.getString(5)))
        .list();
  }

  /** Approves these pending answers of the campaign (those shown on its page); returns how many. */
  @Transactional
  public int approveAll(long campaignId, List<Long> appealIds, Actor actor) {
    List<Long> pending = pending(campaignId).stream().map(Pending::appealId).filter(appealIds::contains).toList();
    pending.forEach(id -> approve(id, actor));
    return pending.size();
  }
}
