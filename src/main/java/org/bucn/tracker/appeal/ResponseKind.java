package org.bucn.tracker.appeal;

/** How a target answered an appeal, or that it did not. */
public enum ResponseKind {
  CONDEMNED,
  NON_RECOGNITION,
  ACKNOWLEDGED,
  DECLINED,
  NO_RESPONSE
}
