package org.bucn.tracker.user;

import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one password rule, for the API, every form and {@code TRACKER_ADMIN_PASSWORD}: at least 8
 * characters, at most 72 bytes in UTF-8 (BCrypt reads no further; 40 × "é" is 80 bytes), and not
 * easy to guess — zxcvbn's estimate with its lists of common and breached passwords must reach
 * {@link #MIN_SCORE} ("password", "12345678", "aaaaaaaa" and the like score 0). Absent is valid:
 * say {@code @NotBlank} where a password is required.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Check.class)
@interface Password {

  int MIN_CHARACTERS = 8;
  int MAX_BYTES = 72;

  /** zxcvbn's 0–4 scale; 2 means more than about 10^8 guesses. */
  int MIN_SCORE = 2;

  String LENGTH =
      "must have at least 8 characters and at most 72 bytes (accented letters count 2, most other scripts 2 or 3)";
  String GUESSABLE =
      "is too easy to guess (a common password, a pattern or a repeat): a few unrelated words make a good one";

  String message() default LENGTH;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Reports the first problem as the field's message. */
  class Check implements ConstraintValidator<Password, String> {

    /** zxcvbn loads its word lists once, on the first password checked. */
    private static final class Estimator {
      static final Zxcvbn INSTANCE = new Zxcvbn();
    }

    /** What is wrong with a password, if anything. */
    static Optional<String> problem(String password) {
      if (password.codePointCount(0, password.length()) < MIN_CHARACTERS
          || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
        return Optional.of(LENGTH);
      }
      return Estimator.INSTANCE.measure(password).getScore() < MIN_SCORE
          ? Optional.of(GUESSABLE)
          : Optional.empty();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      Optional<String> problem = value == null ? Optional.empty() : problem(value);
      problem.ifPresent(
          message -> {
            context.disableDefaultConstraintViolation();
            // The same words in the reader's language (validation.password* of the bundles).
            context
                .buildConstraintViolationWithTemplate(
                    message.equals(LENGTH)
                        ? "{validation.passwordLength}"
                        : "{validation.passwordGuessable}")
                .addConstraintViolation();
          });
      return problem.isEmpty();
    }
  }
}
