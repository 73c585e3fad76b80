package org.bucn.tracker.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.bucn.tracker.infrastructure.db.TransactionBatch;
import org.bucn.tracker.shared.DamagedDataException;
import org.bucn.tracker.shared.Sentence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads appeal timelines; always joins the caller's transaction, and writes the lines
 * it noted as that transaction commits.
 */
@Service
public class Timeline {

  private final JdbcClient jdbc;

  private final java.time.Clock clock;
  private final TimelineSentences sentences;
  private final ObjectMapper json;

  /**
   * The lines noted in the current transaction, written in one statement as it commits (a step
   * notes one to three).
   */
  private final TransactionBatch<Line> lines = new TransactionBatch<>(this::writeLines);

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
    lines.add(
        new Line(
            appealId,
            java.time.OffsetDateTime.now(clock),
            actor,
            action,
            detail,
            link,
            code,
            args));
  }

  /** A line waiting for its transaction's commit. */
  private record Line(
      long appealId,
      java.time.OffsetDateTime at,
      String actor,
      String action,
      String detail,
      String link,
      String code,
      String args) {}

  /**
   * The lines of one transaction, in the order they were noted, in one statement. Each line's
   * campaign is looked up by its appeal's key (a join would let the planner scan every appeal for a
   * handful of lines); a line of no appeal breaks the table's constraints and the transaction.
   */
  private void writeLines(List<Line> batch) {
    jdbc.sql(
            """
            INSERT INTO appeal_timeline
              (appeal_id, campaign_id, at, actor, action, detail, link, code, args)
            SELECT l.appeal_id, (SELECT a.campaign_id FROM appeal a WHERE a.id = l.appeal_id),
                   l.at, l.actor, l.action, l.detail, l.link, l.code, l.args::jsonb
              FROM unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[]) WITH ORDINALITY
                   AS l (appeal_id, at, actor, action, detail, link, code, args, n)
             ORDER BY l.n
            """)
        .params(
            batch.stream().map(Line::appealId).toArray(Long[]::new),
            batch.stream().map(l -> l.at().toString()).toArray(String[]::new),
            batch.stream().map(Line::actor).toArray(String[]::new),
            batch.stream().map(Line::action).toArray(String[]::new),
            batch.stream().map(Line::detail).toArray(String[]::new),
            batch.stream().map(Line::link).toArray(String[]::new),
            batch.stream().map(Line::code).toArray(String[]::new),
            batch.stream().map(Line::args).toArray(String[]::new))
        .update();
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> of(long appealId) {
    lines.flush();
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
