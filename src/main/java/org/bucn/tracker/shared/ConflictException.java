package org.bucn.tracker.shared;

/** The request lost a race or contradicts the current state (409): someone else got there first. */
public class ConflictException extends RuntimeException {

  private final String field;
  private final java.util.List<?> errors;

  public ConflictException(String field, String message) {
    this(field, message, java.util.List.of());
  }

  /**
   * A refusal with what stands in the way, one item each, shown to API callers as the problem's
   * {@code errors}.
   */
  public ConflictException(String field, String message, java.util.List<?> errors) {
    super(message);
    this.field = field;
    this.errors = java.util.List.copyOf(errors);
  }

  public ConflictException(String message) {
    this(null, message);
  }

  public String field() {
    return field;
  }

  public java.util.List<?> errors() {
    return errors;
  }
}
