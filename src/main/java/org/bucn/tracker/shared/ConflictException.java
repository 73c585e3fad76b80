package org.bucn.tracker.shared;

/** The request lost a race or contradicts the current state (409): someone else got there first. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public ConflictException(String message) {
    this(null, message);
  }

  public String field() {
    return field;
  }
}
