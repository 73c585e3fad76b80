package org.bucn.tracker.infrastructure.db;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's step that drives the engine, in a transaction of its own, done again on fresh rows
 * when the engine's optimistic locking finds a row changed meanwhile by work that takes no appeal
 * lock: the job executor locking a timer that the step deletes (recording an answer ends the
 * follow-up timer; acquisition updates the job's row from any node). Nobody lost that race, so
 * nobody should hear 409: a person's steps on one appeal are serialised by the appeal's lock
 * (docs/architecture.md), and what is left of this kind is over in milliseconds.
 */
@Component
public class StepTransactions {

  static final int ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(StepTransactions.class);

  private final TransactionTemplate transaction;

  StepTransactions(PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Runs the step in a new transaction, up to {@value #ATTEMPTS} times while the engine reports a
   * concurrent update; within a caller's transaction it runs once, as that transaction cannot be
   * repeated from here.
   */
  public <T> T run(Supplier<T> step) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return step.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> step.get());
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.debug(
            "A step met a concurrent update of the engine's rows; doing it again (attempt {})",
            attempt + 1,
            e);
      }
    }
  }
}
