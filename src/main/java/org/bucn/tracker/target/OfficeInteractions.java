package org.bucn.tracker.target;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The conversations logged on an office's record, newest first; the search finds their words. */
@Service
public class OfficeInteractions {

  private static final String COLUMNS =
      "id, target_id, happened_on AS date, kind, summary, people, evidence, recorded_by, recorded_at";

  private final JdbcClient jdbc;
  private final TargetService targets;
  private final Validator validator;
  private final Clock clock;

  OfficeInteractions(JdbcClient jdbc, TargetService targets, Validator validator, Clock clock) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.validator = validator;
    this.clock = clock;
  }

  @Transactional
  public Interaction log(long targetId, Interaction.Request request, String by) {
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    targets.get(targetId);
    long id =
        jdbc.sql(
                """
                INSERT INTO office_interaction (target_id, happened_on, kind, summary, people, evidence, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                targetId,
                request.date(),
                request.kind().name(),
                request.summary(),
                request.people(),
                request.evidence(),
                by,
                OffsetDateTime.now(clock))
            .query(Long.class)
            .single();
    return jdbc.sql("SELECT " + COLUMNS + " FROM office_interaction WHERE id = ?")
        .param(id)
        .query(Interaction.class)
        .single();
  }

  @Transactional(readOnly = true)
  public List<Interaction> of(long targetId) {
    targets.get(targetId);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM office_interaction WHERE target_id = ? ORDER BY happened_on DESC, id DESC")
        .param(targetId)
        .query(Interaction.class)
        .list();
  }
}
