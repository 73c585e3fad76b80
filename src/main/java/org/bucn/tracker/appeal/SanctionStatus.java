package org.bucn.tracker.appeal;

/**
 * Where a target stands on the sanctions asked for; ALIGNED means aligned with an EU CFSP decision.
 */
public enum SanctionStatus {
  PENDING,
  ADOPTED,
  ALIGNED,
  DECLINED
}
