package org.bucn.tracker.infrastructure.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a repository appends in the current transaction, written together in one statement just
 * before the transaction commits: a step that notes three lines on a timeline sends one {@code
 * INSERT}, not three. Still inside the transaction, so they commit or roll back with everything
 * else it did. The owning repository calls {@link #flush} before it reads its table, so a reader in
 * the same transaction sees every row added. Outside a transaction a row is written at once.
 *
 * @param <R> a row to write
 */
public final class TransactionBatch<R> {

  /** This batch's entry among the transaction's resources (one per repository). */
  private final Object resource = new Object();

  private final Consumer<List<R>> writer;

  /**
   * @param writer writes the rows given, in their order, in one statement
   */
  public TransactionBatch(Consumer<List<R>> writer) {
    this.writer = writer;
  }

  private static final class Pending<R> {
    final List<R> rows = new ArrayList<>();

    /** Flushed for the commit: a row added later (by another commit hook) is written at once. */
    boolean committing;
  }

  /** Adds a row to be written before the transaction commits. */
  public void add(R row) {
    Pending<R> pending = pending();
    if (pending == null || pending.committing) {
      writer.accept(List.of(row));
    } else {
      pending.rows.add(row);
    }
  }

  /** Writes the rows added so far in this transaction, if any. */
  public void flush() {
    Pending<R> pending = existing();
    if (pending != null && !pending.rows.isEmpty()) {
      List<R> rows = List.copyOf(pending.rows);
      pending.rows.clear();
      writer.accept(rows);
    }
  }

  private Pending<R> existing() {
    return TransactionScoped.existing(resource);
  }

  private Pending<R> pending() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    return TransactionScoped.of(
        resource,
        Pending::new,
        pending -> {
          flush();
          pending.committing = true;
        });
  }
}
