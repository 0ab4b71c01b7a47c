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

import me.wolfeo.sequences.platform.contract.Text;

/**
 * Text the platform can store as sent ({@link Text}): no control characters (tabs and line breaks are allowed
 * in {@link #multiline} text) and no lone surrogates.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = Storable.Check.class)
public @interface Storable {

    String message() default "The {field} field must not contain control characters or invalid Unicode.";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Storable, String> {

        private boolean multiline;

        @Override
        public void initialize(Storable constraint) {
            multiline = constraint.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return multiline ? Text.isStorableMultiline(value) : Text.isStorable(value);
        }
    }
}
