package org.bucn.tracker.infrastructure.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row read once per transaction: kept for the rest of it, read again after a write, never seen by
 * another transaction (a new one started inside it included) nor outside one.
 */
@TrackerTest
class TransactionMemoTests {

  @Autowired PlatformTransactionManager transactions;

  private final TransactionMemo<Long, String> memo = new TransactionMemo<>();
  private final AtomicInteger reads = new AtomicInteger();

  private Optional<String> read() {
    return memo.get(7L, () -> Optional.of("row read " + reads.incrementAndGet()));
  }

  @Test
  void aRowIsReadOnceInATransactionAndAgainAfterAWrite() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              assertThat(read()).contains("row read 1");
              assertThat(read()).contains("row read 1");
              memo.forget();
              assertThat(read()).contains("row read 2");
              assertThat(memo.kept(7L)).contains("row read 2");
            });
    assertThat(reads).hasValue(2);
  }

  @Test
  void eachTransactionReadsForItselfAndNothingIsKeptOutsideOne() {
    TransactionTemplate outer = new TransactionTemplate(transactions);
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    outer.executeWithoutResult(
        status -> {
          assertThat(read()).contains("row read 1");
          inner.executeWithoutResult(
              nested -> {
                assertThat(memo.kept(7L)).isEmpty();
                assertThat(read()).contains("row read 2");
              });
          assertThat(read()).contains("row read 1");
        });
    assertThat(memo.kept(7L)).isEmpty();
    assertThat(read()).contains("row read 3");
    assertThat(read()).contains("row read 4");
    new TransactionTemplate(transactions)
        .executeWithoutResult(status -> assertThat(read()).contains("row read 5"));
  }

  @Test
  void aRowGoneWhenLockedIsNotKept() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              memo.keep(7L, Optional.of("locked"));
              assertThat(read()).contains("locked");
              memo.keep(7L, Optional.empty());
              assertThat(memo.kept(7L)).isEmpty();
            });
  }
}
