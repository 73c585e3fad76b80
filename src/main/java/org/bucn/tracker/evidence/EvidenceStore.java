package org.bucn.tracker.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where the bytes of evidence live. One implementation keeps them in PostgreSQL (so a database
 * backup is a backup of everything); an S3-compatible store would be another, chosen by
 * configuration. Writes join the caller's transaction where the store can.
 */
interface EvidenceStore {

  void put(long evidenceId, byte[] bytes);

  /** The stored bytes, or empty when there are none (removed). */
  Optional<byte[]> get(long evidenceId);

  /**
   * Writes the stored bytes to {@code out} a slice at a time, never holding the whole file; false
   * when there are none (removed).
   */
  boolean copy(long evidenceId, OutputStream out) throws IOException;

  /** Forgets the bytes; the record of the evidence stays. */
  void remove(long evidenceId);
}
