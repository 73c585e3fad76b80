package org.bucn.tracker.shared;

/**
 * Something sent is larger than the tracker keeps (an evidence file): answered 413, nothing stored.
 */
public class TooLargeException extends Refusal {

  public TooLargeException(String code, Object... args) {
    super(code, args);
  }
}
