package me.wolfeo.sequences.platform.contract.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.fasterxml.jackson.databind.JsonNode;

import me.wolfeo.sequences.platform.contract.sequence.ScheduleRules;

/**
 * A sending schedule that keeps {@link ScheduleRules}; each problem is reported at its own path
 * ({@code schedule.window.open}, ...). A JSON null is valid: it sets the schedule back to any time.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = ValidSchedule.Check.class)
public @interface ValidSchedule {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidSchedule, JsonNode> {

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            if (value == null || value.isNull()) {
                return true;
            }
            Map<String, List<String>> problems = ScheduleRules.problems(value);
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            problems.forEach((path, messages) -> messages.forEach(
                    message -> FieldProblems.report(context, belowSchedule(path), message)));
            return false;
        }

        /** ScheduleRules names paths from the schedule field ({@code schedule.window.open}). */
        private static String belowSchedule(String path) {
            return path.startsWith(ScheduleRules.FIELD + ".") ? path.substring(ScheduleRules.FIELD.length() + 1) : "";
        }
    }
}
