package org.bucn.tracker.shared;

/**
 * Stored data failed its own integrity check (evidence whose bytes no longer match their hash):
 * answered 500 with this message and logged, never served as if it were fine.
 */
public class DamagedDataException extends Refusal {

  public DamagedDataException(String code, Object... args) {
    super(code, args);
  }
}
