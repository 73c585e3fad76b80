package org.bucn.tracker.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A link a person can open: http or https, no spaces, 2,000 characters at most. */
@Pattern(regexp = "https?://\\S+", message = "{validation.webLink}")
@Size(max = 2_000)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
public @interface WebLink {

  String message() default "{validation.webLink}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
