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

import me.wolfeo.sequences.platform.contract.contact.ContactActivityRules;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;

/**
 * A contact is named by exactly one of: its {@code contact_id}; its {@code source} with the {@code id} (or phone
 * number) that source needs; its {@code phone_number} alone.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = OneContactReference.Check.class)
public @interface OneContactReference {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A reference by contact id, or else by what {@link IdentifiesContact} holds. */
    interface Referenced extends IdentifiesContact {

        Long contactId();
    }

    class Check implements ConstraintValidator<OneContactReference, Referenced> {

        @Override
        public boolean isValid(Referenced value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            // given, even blank: a blank id beside a contact id is a second reference, not none
            boolean bySource = value.source() != null || value.id() != null;
            boolean byPhone = value.phoneNumber() != null;
            if (value.contactId() != null ? bySource || byPhone : !bySource && !byPhone) {
                context.disableDefaultConstraintViolation();
                FieldProblems.report(context, "contactId", ContactActivityRules.oneReferenceMessage());
                return false;
            }
            if (value.contactId() != null) {
                return true;
            }
            if (bySource && IdentifiedBySource.Check.isBlank(value.source())) {
                context.disableDefaultConstraintViolation();
                FieldProblems.report(context, "source", "The source field is required.");
                return false;
            }
            String source = bySource ? value.source() : ContactSources.PHONE_NUMBER;
            return IdentifiedBySource.Check.sourceIsFollowed(source, value, context);
        }
    }
}
