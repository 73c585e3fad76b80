package org.bucn.tracker.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes in {@code evidence_content}, stored out of line and uncompressed (most files are
 * compressed already).
 */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

  static final int SLICE = 1 << 20;

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

  /**
   * One megabyte a statement: {@code substring} of a value stored out of line and uncompressed
   * (STORAGE EXTERNAL) reads only the chunks it needs, so twelve people downloading 25 MB files at
   * once hold 12 MB, not 300.
   */
  @Override
  public boolean copy(long evidenceId, OutputStream out) throws IOException {
    Optional<Long> length =
        jdbc.sql(
                "SELECT octet_length(bytes) FROM evidence_content WHERE evidence_id = ? AND bytes IS NOT NULL")
            .param(evidenceId)
            .query(Long.class)
            .optional();
    if (length.isEmpty()) {
      return false;
    }
    for (int from = 0; from < length.get(); from += SLICE) {
      byte[] slice =
          jdbc.sql(
                  "SELECT substring(bytes FROM ? FOR ?) FROM evidence_content WHERE evidence_id = ?")
              .params(from + 1, SLICE, evidenceId)
              .query((rs, n) -> rs.getBytes(1))
              .single();
      out.write(slice);
    }
    return true;
  }

  @Override
  public void remove(long evidenceId) {
    jdbc.sql("UPDATE evidence_content SET bytes = NULL WHERE evidence_id = ?")
        .param(evidenceId)
        .update();
  }
}
