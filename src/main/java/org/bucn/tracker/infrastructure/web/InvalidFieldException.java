package org.bucn.tracker.infrastructure.web;

/** Input that passes its annotations but not a rule that needs the data (400, naming the field). */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
