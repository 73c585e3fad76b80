package org.bucn.tracker.infrastructure.db;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value of one transaction, under a key of its owner: made on first use, carried along when the
 * transaction is suspended for a new one (REQUIRES_NEW) and back when it resumes, gone when it
 * ends.
 */
final class TransactionScoped {

  private TransactionScoped() {}

  /** The value bound to {@code key} in the current transaction, if one was made. */
  @SuppressWarnings("unchecked")
  static <T> T existing(Object key) {
    return (T) TransactionSynchronizationManager.getResource(key);
  }

  /**
   * The value bound to {@code key} in the current transaction, made by {@code fresh} if there is
   * none yet; {@code beforeCommit} is given it as the transaction is about to commit. Outside a
   * synchronized transaction: null.
   */
  static <T> T of(Object key, Supplier<T> fresh, Consumer<T> beforeCommit) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    T value = existing(key);
    if (value != null) {
      return value;
    }
    T made = fresh.get();
    TransactionSynchronizationManager.bindResource(key, made);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
          }

          @Override
          public void resume() {
            TransactionSynchronizationManager.bindResource(key, made);
          }

          @Override
          public void beforeCommit(boolean readOnly) {
            beforeCommit.accept(made);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
          }
        });
    return made;
  }
}
