package org.bucn.tracker.appeal;

/** A coordinator's decision on a draft. */
public enum ReviewDecision {
  APPROVE,
  REQUEST_CHANGES
}
