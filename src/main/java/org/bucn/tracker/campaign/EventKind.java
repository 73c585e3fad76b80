package org.bucn.tracker.campaign;

/** What kind of day an event on the calendar is. */
public enum EventKind {
  SHAM_ELECTION,
  SHAM_REFERENDUM,
  OTHER
}
