package org.bucn.tracker.user;

/** How a person wants to hear about new work: a mail each time, or one daily digest. */
public enum Notify {
  IMMEDIATE,
  DIGEST
}
