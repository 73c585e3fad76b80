package org.bucn.tracker.target;

/** How an appeal reaches a target's office, or how it was followed up. */
public enum Channel {
  EMAIL,
  LETTER,
  MEETING,
  EMBASSY,
  OTHER
}
