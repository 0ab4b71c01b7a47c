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

/**
 * An identifier: an integer or a string without white space inside (CRM ids are numbers in most CRMs and hex
 * strings in some).
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = NoWhitespace.Check.class)
public @interface NoWhitespace {

    String message() default "The {field} field must be an integer or a string.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NoWhitespace, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.strip().chars().noneMatch(Character::isWhitespace);
        }
    }
}
