package org.bucn.tracker.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one way a page tells what was wrong with a form: each field's messages, joined, in the order
 * they were found, from whatever refused it (Bean Validation, or a service's {@link
 * InvalidFieldException}). The page shows them beside the fields and keeps what was typed.
 */
public final class FieldErrors {

  private FieldErrors() {}

  public static Map<String, String> of(Set<? extends ConstraintViolation<?>> violations) {
    Map<String, String> errors = new LinkedHashMap<>();
    violations.forEach(
        v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
    return errors;
  }

  /**
   * The field errors a refusal carries, in the reader's language; a refusal that names no field is
   * not a form's to show.
   */
  public static Map<String, String> of(RuntimeException refusal, Texts texts) {
    if (refusal instanceof ConstraintViolationException violations) {
      return of(violations.getConstraintViolations());
    }
    if (refusal instanceof InvalidFieldException invalid) {
      return new LinkedHashMap<>(Map.of(invalid.field(), texts.of(invalid)));
    }
    throw refusal;
  }
}
