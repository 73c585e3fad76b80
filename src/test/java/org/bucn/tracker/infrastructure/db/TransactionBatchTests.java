package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows added in a transaction are written once, together, as it commits, or earlier when a reader
 * asks; a rolled-back transaction writes none; a transaction started inside another writes its own
 * at its own commit; outside a transaction a row is written at once.
 */
@TrackerTest
class TransactionBatchTests {

  @Autowired PlatformTransactionManager transactions;

  private final List<List<String>> writes = new ArrayList<>();
  private final TransactionBatch<String> batch = new TransactionBatch<>(writes::add);

  @Test
  void theRowsOfATransactionAreWrittenInOneGoAsItCommits() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              batch.add("a");
              batch.add("b");
              assertThat(writes).isEmpty();
              batch.flush();
              assertThat(writes).containsExactly(List.of("a", "b"));
              batch.add("c");
              // Another commit hook that adds after the batch was written still gets its row
              // written.
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                      batch.add("late");
                    }
                  });
            });
    assertThat(writes).containsExactly(List.of("a", "b"), List.of("c"), List.of("late"));
  }

  @Test
  void aRolledBackTransactionWritesNothing() {
    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          batch.add("lost");
                          throw new IllegalStateException("the step failed");
                        }))
        .hasMessage("the step failed");
    assertThat(writes).isEmpty();
  }

  @Test
  void eachTransactionWritesItsOwnAndNoneIsHeldOutsideOne() {
    TransactionTemplate outer = new TransactionTemplate(transactions);
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    outer.executeWithoutResult(
        status -> {
          batch.add("outer");
          inner.executeWithoutResult(nested -> batch.add("inner"));
          assertThat(writes).containsExactly(List.of("inner"));
          batch.add("outer again");
        });
    assertThat(writes).containsExactly(List.of("inner"), List.of("outer", "outer again"));
    batch.add("alone");
    assertThat(writes).last().isEqualTo(List.of("alone"));
  }
}
