package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most {@link #value} KiB of UTF-8: the size limit of a body of text (email HTML).
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = MaxKibibytes.Check.class)
public @interface MaxKibibytes {

    String message() default "The {field} field must not be larger than {value} KiB.";

    int value();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MaxKibibytes, String> {

        private int maxBytes;

        @Override
        public void initialize(MaxKibibytes constraint) {
            maxBytes = constraint.value() * 1024;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
        }
    }
}
