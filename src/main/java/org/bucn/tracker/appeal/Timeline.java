package org.bucn.tracker.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.bucn.tracker.shared.DamagedDataException;
import org.bucn.tracker.shared.Sentence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads appeal timelines; always joins the caller's transaction. */
@Service
public class Timeline {

  private final JdbcClient jdbc;

  private final java.time.Clock clock;
  private final TimelineSentences sentences;
  private final ObjectMapper json;

  Timeline(JdbcClient jdbc, java.time.Clock clock, TimelineSentences sentences, ObjectMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.sentences = sentences;
    this.json = json;
  }

  /**
   * A line each reader reads in their own language; {@code detail} keeps it in English (what the
   * API and the exports say).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, Sentence sentence) {
    record(appealId, actor, action, sentence, null);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, Sentence sentence, String link) {
    insert(
        appealId,
        actor,
        action,
        sentences.in(Locale.ENGLISH, actor, sentence),
        link,
        sentence.code(),
        write(sentence.args()));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, String detail) {
    record(appealId, actor, action, detail, null);
  }

  /** A line that links to what it is about, e.g. {@code /api/evidence/7/content}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(long appealId, String actor, String action, String detail, String link) {
    insert(appealId, actor, action, detail, link, null, null);
  }

  private void insert(
      long appealId,
      String actor,
      String action,
      String detail,
      String link,
      String code,
      String args) {
    int inserted =
        jdbc.sql(
                """
            INSERT INTO appeal_timeline
              (appeal_id, campaign_id, at, actor, action, detail, link, code, args)
            SELECT id, campaign_id, ?, ?, ?, ?, ?, ?, ?::jsonb FROM appeal_overview WHERE id = ?
            """)
            .params(
                java.time.OffsetDateTime.now(clock),
                actor,
                action,
                detail,
                link,
                code,
                args,
                appealId)
            .update();
    if (inserted != 1) {
      throw new IllegalStateException("No appeal " + appealId + " to record '" + action + "' on");
    }
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> of(long appealId) {
    return jdbc.sql(
            """
            SELECT at, actor, action, detail, link, code, args::text AS args
            FROM appeal_timeline WHERE appeal_id = ? ORDER BY id
            """)
        .param(appealId)
        .query(
            (row, n) ->
                new TimelineEntry(
                    row.getObject("at", java.time.OffsetDateTime.class),
                    row.getString("actor"),
                    row.getString("action"),
                    row.getString("detail"),
                    row.getString("link"),
                    row.getString("code"),
                    read(row.getString("args"))))
        .list();
  }

  private String write(List<Sentence.Arg> args) {
    try {
      return json.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A sentence's arguments are plain strings", e);
    }
  }

  private List<Sentence.Arg> read(String args) {
    if (args == null) {
      return List.of();
    }
    try {
      return List.of(json.readValue(args, Sentence.Arg[].class));
    } catch (JsonProcessingException e) {
      throw new DamagedDataException("refusal.damaged.timeline", String.valueOf(args));
    }
  }
}
