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
 * The field must be given: not null, and a text not blank.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = Required.Check.class)
public @interface Required {

    String message() default "The {field} field is required.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Required, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value != null && !(value instanceof String text && text.isBlank());
        }
    }
}
