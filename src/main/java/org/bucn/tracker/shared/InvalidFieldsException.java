package org.bucn.tracker.shared;

import java.util.List;
import java.util.Map;

/** Several inputs that fail their rules at once (the lines of an import): 400, naming each. */
public class InvalidFieldsException extends RuntimeException {

  private final List<Map.Entry<String, String>> errors;

  public InvalidFieldsException(List<Map.Entry<String, String>> errors) {
    super(errors.size() + " problems; nothing was changed");
    this.errors = List.copyOf(errors);
  }

  /** Each problem: the field (e.g. {@code line 3: aligned}) and what is wrong with it. */
  public List<Map.Entry<String, String>> errors() {
    return errors;
  }
}
