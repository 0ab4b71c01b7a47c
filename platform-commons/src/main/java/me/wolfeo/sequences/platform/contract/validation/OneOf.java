package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * One of the allowed {@link #value values}, spelt exactly; an integer field compares its decimal form.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = OneOf.Check.class)
public @interface OneOf {

    String message() default "The selected {field} is invalid.";

    String[] value() default {};

    /** The allowed values of an integer field. */
    long[] integers() default {};

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OneOf, Object> {

        private Set<String> allowed;

        @Override
        public void initialize(OneOf constraint) {
            allowed = Stream.concat(Arrays.stream(constraint.value()),
                    Arrays.stream(constraint.integers()).mapToObj(String::valueOf)).collect(Collectors.toSet());
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value == null || allowed.contains(String.valueOf(value));
        }
    }
}
