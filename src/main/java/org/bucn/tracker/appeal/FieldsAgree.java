package org.bucn.tracker.appeal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A record whose fields must agree with each other (e.g. a comment when changes are requested).
 * Each broken rule is reported on the field the user must correct, like any field constraint.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FieldsAgree.Check.class)
public @interface FieldsAgree {

  String message() default "fields do not agree";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The rules of a record annotated with {@link FieldsAgree}. */
  interface Rules {
    /** The broken rules: field → message; empty when the fields agree. */
    Map<String, String> broken();
  }

  /** Turns each broken rule into a violation on its field. */
  class Check implements ConstraintValidator<FieldsAgree, Rules> {
    @Override
    public boolean isValid(Rules value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Map<String, String> broken = value.broken();
      if (broken.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      // The messages are ours, never user input: one that is a bundle key ({validation.…}) is read
      // in the reader's language; any other is escaped so that it is not read as a template.
      broken.forEach(
          (field, message) ->
              context
                  .buildConstraintViolationWithTemplate(
                      message.matches("\\{validation\\.[A-Za-z]+}")
                          ? message
                          : message.replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$"))
                  .addPropertyNode(field)
                  .addConstraintViolation());
      return false;
    }
  }
}
