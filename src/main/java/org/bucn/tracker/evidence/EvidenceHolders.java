package org.bucn.tracker.evidence;

import org.bucn.tracker.shared.Sentence;

/**
 * The appeals evidence hangs off, as the module that owns appeals answers for them: which exist,
 * and their timelines, which say when a piece was added or taken out. Evidence does not depend on
 * that module, so the appeal module may keep its own letters here.
 */
public interface EvidenceHolders {

  /** Throws {@link org.bucn.tracker.shared.NotFoundException} unless the appeal exists. */
  void requireExists(long appealId);

  /** A line on the appeal's timeline, in the caller's transaction; {@code link} may be null. */
  void record(long appealId, String actor, String action, Sentence sentence, String link);
}
