package org.bucn.tracker.shared;

import java.util.List;

/** Several inputs that fail their rules at once (the lines of an import): 400, naming each. */
public class InvalidFieldsException extends Refusal {

  private final List<InvalidFieldException> errors;

  public InvalidFieldsException(List<InvalidFieldException> errors) {
    super("refusal.problems", errors.size());
    this.errors = List.copyOf(errors);
  }

  /** Each problem: the field (e.g. {@code line 3: aligned}) and what is wrong with it. */
  public List<InvalidFieldException> errors() {
    return errors;
  }
}
