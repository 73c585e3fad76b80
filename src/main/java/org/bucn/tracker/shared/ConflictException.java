package org.bucn.tracker.shared;

import java.util.List;

/**
 * The request lost a race or contradicts the current state (409): someone else got there first.
 * Said in the reader's language ({@code refusal.*}); {@code field} names what stands in the way
 * when one field does, or is null.
 */
public class ConflictException extends Refusal {

  private final String field;
  private final List<?> errors;

  public ConflictException(String field, String code, Object... args) {
    this(field, List.of(), code, args);
  }

  private ConflictException(String field, List<?> errors, String code, Object... args) {
    super(code, args);
    this.field = field;
    this.errors = List.copyOf(errors);
  }

  /**
   * A refusal with what stands in the way, one item each, shown to API callers as the problem's
   * {@code errors}.
   */
  public static ConflictException withErrors(
      String field, List<?> errors, String code, Object... args) {
    return new ConflictException(field, errors, code, args);
  }

  public String field() {
    return field;
  }

  public List<?> errors() {
    return errors;
  }
}
