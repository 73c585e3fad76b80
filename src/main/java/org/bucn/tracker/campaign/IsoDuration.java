package org.bucn.tracker.campaign;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Date;
import org.bucn.tracker.shared.IsoDurations;

/**
 * An ISO-8601 duration of at least one second, such as {@code P14D}, {@code P1M} or {@code PT30S}:
 * read the way the Camunda engine reads timer durations.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDuration.Validator.class)
public @interface IsoDuration {

  String message() default "{validation.isoDuration}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Parses as the engine's DurationHelper does ({@link IsoDurations}). */
  class Validator implements ConstraintValidator<IsoDuration, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || millis(value) >= 1000;
    }

    static long millis(String value) {
      try {
        Date now = new Date();
        return IsoDurations.parse(value).getTimeInMillis(now);
      } catch (RuntimeException e) {
        return -1;
      }
    }
  }
}
