package org.bucn.tracker.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-indexes the appeals that steps queued in {@code search_stale} (changelog 048), so that the
 * person completing a step does not wait for the appeal's search document to be rebuilt: every
 * {@value #EVERY_MILLIS} ms, in batches of {@value #BATCH} queued changes, each batch one
 * transaction. Search finds what was recorded within about a second ({@value #FRESH_WITHIN_MILLIS}
 * ms promised), a launch's new appeals within seconds (changelog 049: 10 000 of them are 20
 * batches); offices, campaigns and evidence are still indexed in the transaction that writes them.
 * Safe on several nodes: one drains at a time, the others skip.
 */
@Component
class SearchIndexing {

  static final long EVERY_MILLIS = 200;

  /** What search promises: a change recorded is found within this long. */
  static final long FRESH_WITHIN_MILLIS = 1_000;

  static final int BATCH = 500;

  private final JdbcClient jdbc;

  SearchIndexing(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(fixedDelay = EVERY_MILLIS, initialDelay = EVERY_MILLIS)
  void catchUp() {
    while (drain() == BATCH) {
      // a full batch: there may be more queued
    }
  }

  /** Re-indexes the oldest queued changes, at most a batch; returns how many it took. */
  int drain() {
    return jdbc.sql("SELECT search_drain(?)").param(BATCH).query(Integer.class).single();
  }
}
