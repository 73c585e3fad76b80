package org.bucn.tracker.appeal;

/** A coordinator's decision on a target that stays silent after every follow-up. */
public enum EscalationDecision {
  CLOSE_NO_RESPONSE,
  EXTEND
}
