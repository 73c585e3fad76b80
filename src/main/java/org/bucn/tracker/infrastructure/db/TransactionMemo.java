package org.bucn.tracker.infrastructure.db;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rows a repository has read in the current transaction, so that one step reads each row once: the
 * campaign its timers, letter and notices all need, the appeal it locked first. The owning
 * repository forgets them whenever it writes; the memo ends with the transaction. Outside a
 * transaction nothing is kept.
 *
 * @param <K> the row's key
 * @param <V> the row
 */
public final class TransactionMemo<K, V> {

  /** This memo's entry among the transaction's resources (one per repository). */
  private final Object resource = new Object();

  /** The row kept in this transaction for the key, read by {@code read} if none was kept. */
  public Optional<V> get(K key, Supplier<Optional<V>> read) {
    Map<K, V> rows = rows();
    if (rows == null) {
      return read.get();
    }
    V kept = rows.get(key);
    if (kept != null) {
      return Optional.of(kept);
    }
    Optional<V> row = read.get();
    row.ifPresent(r -> rows.put(key, r));
    return row;
  }

  /** The row kept in this transaction for the key, if any. */
  public Optional<V> kept(K key) {
    Map<K, V> rows = rows();
    return rows == null ? Optional.empty() : Optional.ofNullable(rows.get(key));
  }

  /** Keeps a row just read (a locked row, read fresh) for the rest of the transaction. */
  public Optional<V> keep(K key, Optional<V> row) {
    Map<K, V> rows = rows();
    if (rows != null) {
      row.ifPresentOrElse(r -> rows.put(key, r), () -> rows.remove(key));
    }
    return row;
  }

  /** Forgets every row kept in this transaction: called by each write of the owning repository. */
  public void forget() {
    Map<K, V> rows = existingRows();
    if (rows != null) {
      rows.clear();
    }
  }

  private Map<K, V> existingRows() {
    return TransactionScoped.existing(resource);
  }

  private Map<K, V> rows() {
    return TransactionScoped.of(resource, HashMap::new, rows -> {});
  }
}
