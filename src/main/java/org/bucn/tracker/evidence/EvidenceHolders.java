package org.bucn.tracker.evidence;

/**
 * Which appeals exist, as the module that owns appeals answers it: evidence hangs off appeals
 * without depending on that module, so the appeal module may keep its own letters here.
 */
public interface EvidenceHolders {

  /** Throws {@link org.bucn.tracker.shared.NotFoundException} unless the appeal exists. */
  void requireExists(long appealId);
}
