package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;

/**
 * The contact's source names what else finds it: a CRM source needs the contact's {@code id} in that CRM, the
 * {@code phone_number} source the phone number. (The source itself is checked by the rules on its field.)
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = IdentifiedBySource.Check.class)
public @interface IdentifiedBySource {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IdentifiedBySource, IdentifiesContact> {

        @Override
        public boolean isValid(IdentifiesContact value, ConstraintValidatorContext context) {
            return value == null || sourceIsFollowed(value.source(), value, context);
        }

        /** False, with the problem reported, when the source lacks the field it needs. */
        static boolean sourceIsFollowed(String source, IdentifiesContact value, ConstraintValidatorContext context) {
            if (source == null) {
                return true;
            }
            if (ContactSources.CRMS.contains(source) && isBlank(value.id())) {
                context.disableDefaultConstraintViolation();
                FieldProblems.report(context, "id", "The id field is required when source is " + source + ".");
                return false;
            }
            if (ContactSources.PHONE_NUMBER.equals(source) && isBlank(value.phoneNumber())) {
                context.disableDefaultConstraintViolation();
                FieldProblems.report(context, "phoneNumber",
                        "The phone number field is required when source is phone_number.");
                return false;
            }
            return true;
        }

        static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
