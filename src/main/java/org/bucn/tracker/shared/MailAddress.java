package org.bucn.tracker.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mail address a notification can reach: a local part, an '@' and a domain with a dot; 254
 * characters at most.
 */
@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{validation.email}")
@Size(max = 254)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
public @interface MailAddress {

  String message() default "{validation.email}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
