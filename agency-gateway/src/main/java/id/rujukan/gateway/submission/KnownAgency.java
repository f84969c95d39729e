package id.rujukan.gateway.submission;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value, if present, is the id of an agency in the directory. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownAgencyValidator.class)
public @interface KnownAgency {

    String message() default "is not an agency in the directory";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
