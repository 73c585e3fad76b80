package org.bucn.tracker.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceRepository {

  private static final String SELECT =
      """
      SELECT id, appeal_id, kind, filename, content_type, size, sha256, uploaded_by, uploaded_at, source_url, description
        FROM evidence
      """;

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  EvidenceRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long insert(
      long appealId,
      NewEvidence about,
      String filename,
      String contentType,
      long size,
      String sha256,
      String by) {
    return jdbc.sql(
            """
            INSERT INTO evidence (appeal_id, kind, filename, content_type, size, sha256, description, source_url, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            appealId,
            about.kind().name(),
            filename,
            contentType,
            size,
            sha256,
            about.description(),
            about.sourceUrl(),
            by,
            java.time.OffsetDateTime.now(clock))
        .query(Long.class)
        .single();
  }

  /** What is kept, removed items left out. */
  List<Evidence> ofAppeal(long appealId) {
    return jdbc.sql(SELECT + " WHERE appeal_id = ? AND removed_at IS NULL ORDER BY id")
        .param(appealId)
        .query(Evidence.class)
        .list();
  }

  List<Evidence> ofAppeals(java.util.Collection<Long> appealIds) {
    return jdbc.sql(SELECT + " WHERE appeal_id = ANY (?) AND removed_at IS NULL ORDER BY id")
        .param(appealIds.toArray(Long[]::new))
        .query(Evidence.class)
        .list();
  }

  Optional<Evidence> find(long id) {
    return jdbc.sql(SELECT + " WHERE id = ? AND removed_at IS NULL")
        .param(id)
        .query(Evidence.class)
        .optional();
  }

  void markRemoved(long id, String reason, String by) {
    jdbc.sql("UPDATE evidence SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?")
        .params(java.time.OffsetDateTime.now(clock), by, reason, id)
        .update();
  }
}
