package org.bucn.tracker.evidence;

/** What a piece of evidence shows. */
public enum EvidenceKind {
  RESPONSE_LETTER,
  STATEMENT,
  SANCTION_ACT,
  DELIVERY,
  OTHER
}
