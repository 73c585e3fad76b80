package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request in flight when the database went away hears 503, not 500, whatever the failure looks
 * like by the time it reaches the web layer (the fault-injection run found eight 500s).
 */
class DatabaseOutageCausesTests {

  @Test
  void aFailedRollbackDoesNotHideTheLostConnectionBehindIt() {
    TransactionSystemException rollbackFailed =
        new TransactionSystemException(
            "Could not roll back JDBC transaction", new IllegalStateException("rollback failed"));
    rollbackFailed.initApplicationException(
        new RuntimeException(new SQLException("An I/O error occurred", "08006")));
    assertThat(DatabaseOutage.causes(rollbackFailed)).isTrue();
  }

  @Test
  void aServerShuttingDownOrRestartingIsAnOutage() {
    for (String state : new String[] {"57P01", "57P02", "57P03"}) {
      assertThat(
              DatabaseOutage.causes(
                  new RuntimeException(new SQLException("terminating connection", state))))
          .as(state)
          .isTrue();
    }
  }

  @Test
  void aChainedOrSuppressedConnectionFailureIsFound() {
    SQLException batch = new SQLException("Batch entry 0 failed", "XX000");
    batch.setNextException(new SQLException("connection closed", "08003"));
    assertThat(DatabaseOutage.causes(batch)).isTrue();
    RuntimeException suppressing = new RuntimeException("close failed");
    suppressing.addSuppressed(new SQLException("connection reset", "08006"));
    assertThat(DatabaseOutage.causes(suppressing)).isTrue();
  }

  @Test
  void anOrdinaryFailureIsNotAnOutage() {
    assertThat(
            DatabaseOutage.causes(new RuntimeException(new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(DatabaseOutage.causes(new IllegalStateException("no database involved"))).isFalse();
  }
}
