package me.wolfeo.sequences.platform.contract.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Turns the constraint violations of a contract record into the field errors that API clients know: keyed by the
 * JSON field name ({@code sequence_id}, {@code schedule.window.open}), fields in the record's order, and for each
 * field only the messages of its first broken rule in the order the rules are written (a too long name full of
 * control characters hears about the characters only). Messages name the field by its label: the {@code {field}}
 * of a constraint's message becomes {@code sequence id}.
 */
public final class FieldProblems {

    private static final String FIELD_PLACEHOLDER = "{field}";
    /** A class-level rule reports after the rules written on the field itself. */
    private static final int CLASS_LEVEL_RANK = Integer.MAX_VALUE;

    private FieldProblems() {
    }

    /** The field errors of the violations found on a value of that type; empty when there are none. */
    public static <T> Map<String, List<String>> of(Class<?> type, Set<ConstraintViolation<T>> violations) {
        List<String> componentOrder = componentNames(type);
        Map<String, List<ConstraintViolation<T>>> byField = new TreeMap<>(Comparator
                .comparingInt((String field) -> rankOf(componentOrder, field))
                .thenComparing(Comparator.naturalOrder()));
        for (ConstraintViolation<T> violation : violations) {
            byField.computeIfAbsent(fieldOf(violation.getPropertyPath()), ignored -> new ArrayList<>()).add(violation);
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        byField.forEach((field, found) -> {
            int firstRule = found.stream().mapToInt(violation -> ruleRank(type, violation)).min().orElseThrow();
            List<String> messages = found.stream()
                    .filter(violation -> ruleRank(type, violation) == firstRule)
                    .map(violation -> messageOf(violation, field))
                    .sorted()
                    .toList();
            errors.put(field, messages);
        });
        return errors;
    }

    /** The message, its {@code {field}} named when the rule's template has one (a reported text never has). */
    private static String messageOf(ConstraintViolation<?> violation, String field) {
        return violation.getMessageTemplate().contains(FIELD_PLACEHOLDER)
                ? violation.getMessage().replace(FIELD_PLACEHOLDER, field.replace('_', ' '))
                : violation.getMessage();
    }

    /** The JSON name of a record component: {@code phoneNumber} is {@code phone_number}. */
    public static String jsonName(String componentName) {
        StringBuilder name = new StringBuilder(componentName.length() + 4);
        for (char c : componentName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /**
     * Reports, from a rule's validator, a problem at a path below what it validates ({@code ""} for the value
     * itself, {@code id} for a class-level rule), with a message used as it is, never read as a template.
     */
    static void report(ConstraintValidatorContext context, String path, String message) {
        var violation = context.buildConstraintViolationWithTemplate(literal(message));
        if (path.isEmpty()) {
            violation.addConstraintViolation();
        } else {
            violation.addPropertyNode(path).addConstraintViolation();
        }
    }

    private static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }

    private static String fieldOf(Path path) {
        return String.join(".", StreamSupport.stream(path.spliterator(), false)
                .map(Path.Node::getName)
                .filter(name -> name != null && !name.isEmpty())
                .map(FieldProblems::jsonName)
                .toList());
    }

    private static int rankOf(List<String> componentOrder, String field) {
        int dot = field.indexOf('.');
        int rank = componentOrder.indexOf(dot < 0 ? field : field.substring(0, dot));
        return rank < 0 ? componentOrder.size() : rank;
    }

    private static List<String> componentNames(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null
                ? List.of()
                : Arrays.stream(components).map(component -> jsonName(component.getName())).toList();
    }

    /** The position of the violated rule among the annotations written on its field. */
    private static int ruleRank(Class<?> type, ConstraintViolation<?> violation) {
        Class<? extends Annotation> rule = violation.getConstraintDescriptor().getAnnotation().annotationType();
        Path.Node first = violation.getPropertyPath().iterator().next();
        if (first.getName() == null || first.getKind() == jakarta.validation.ElementKind.BEAN) {
            return CLASS_LEVEL_RANK;
        }
        try {
            Annotation[] written = type.getDeclaredField(first.getName()).getDeclaredAnnotations();
            for (int i = 0; i < written.length; i++) {
                if (written[i].annotationType() == rule) {
                    return i;
                }
            }
        } catch (NoSuchFieldException e) {
            // a path a class-level rule named
        }
        return CLASS_LEVEL_RANK;
    }
}
