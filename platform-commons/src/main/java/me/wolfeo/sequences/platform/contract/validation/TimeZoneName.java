package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import me.wolfeo.sequences.platform.contract.TimeZones;

/**
 * An IANA time zone name ({@link TimeZones}); blank counts as not given.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = TimeZoneName.Check.class)
public @interface TimeZoneName {

    String message() default "The {field} field must be a valid timezone.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<TimeZoneName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || TimeZones.named(value.strip()).isPresent();
        }
    }
}
