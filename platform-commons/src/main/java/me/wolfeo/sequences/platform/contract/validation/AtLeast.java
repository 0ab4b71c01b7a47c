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
 * An integer of at least {@link #value}.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = AtLeast.Check.class)
public @interface AtLeast {

    String message() default "The {field} field must be at least {value}.";

    long value();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AtLeast, Number> {

        private long min;

        @Override
        public void initialize(AtLeast constraint) {
            min = constraint.value();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return value == null || value.longValue() >= min;
        }
    }
}
