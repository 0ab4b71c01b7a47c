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

import me.wolfeo.sequences.platform.contract.contact.ContactActivityRules;

/**
 * An ISO-8601 instant with its offset, within the years a person means ({@link ContactActivityRules#occurredAt}).
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = IsoInstant.Check.class)
public @interface IsoInstant {

    String message() default "The {field} field must be an ISO-8601 instant, such as 2026-11-23T12:00:00Z.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IsoInstant, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || ContactActivityRules.occurredAt(value).isPresent();
        }
    }
}
