package org.bucn.tracker.user;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * The one password rule, for the API and every form: at least 8 characters and at most 72 bytes
 * in UTF-8 (BCrypt reads no further; 40 × "é" is 80 bytes). Absent is valid: say {@code @NotBlank}
 * where a password is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Check.class)
@interface Password {

  int MIN_CHARACTERS = 8;
  int MAX_BYTES = 72;

  String MESSAGE = "must have at least 8 characters and at most 72 bytes (accented letters count 2, most other scripts 2 or 3)";

  String message() default MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Counts characters by code point and the limit in bytes. */
  class Check implements ConstraintValidator<Password, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null
          || (value.codePointCount(0, value.length()) >= MIN_CHARACTERS && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES);
    }
  }
}
