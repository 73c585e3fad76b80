package org.bucn.tracker.evidence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes in {@code evidence_content}, stored out of line and uncompressed (most files are
 * compressed already).
 */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

  private final JdbcClient jdbc;

  DatabaseEvidenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(long evidenceId, byte[] bytes) {
    jdbc.sql("INSERT INTO evidence_content (evidence_id, bytes) VALUES (?, ?)")
        .params(evidenceId, bytes)
        .update();
  }

  @Override
  public Optional<byte[]> get(long evidenceId) {
    return jdbc.sql(
            "SELECT bytes FROM evidence_content WHERE evidence_id = ? AND bytes IS NOT NULL")
        .param(evidenceId)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  @Override
  public void remove(long evidenceId) {
    jdbc.sql("UPDATE evidence_content SET bytes = NULL WHERE evidence_id = ?")
        .param(evidenceId)
        .update();
  }
}
