package me.wolfeo.sequences.gateway.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import me.wolfeo.sequences.platform.contract.JsonIntegers;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.contract.validation.FieldProblems;
import me.wolfeo.sequences.platform.contract.validation.IntegerAsText;
import me.wolfeo.sequences.platform.contract.validation.NotBlankWhenGiven;
import me.wolfeo.sequences.platform.contract.validation.Verbatim;

/**
 * Reads a request into a contract record and checks it against the rules declared on the record, failing with
 * every problem at once. The reading is the dialects' leniency, the same for every field of a type: integers as
 * JSON numbers or numeric strings (the published examples send both), booleans also as {@code "true"},
 * {@code 1} or {@code "0"}; text loses its surrounding white space (unless {@link Verbatim}). An empty text is not
 * given (unless {@link NotBlankWhenGiven}); a blank one is given to the rules (a blank {@code type} is not one of
 * the types, a blank {@code id} beside a {@code contact_id} is a second reference) and, once they pass, is not
 * given either. A field of the wrong type is refused with that reason alone.
 */
@ApplicationScoped
public class ContractReader {

    private static final Set<String> BOOLEAN_TEXTS = Set.of("true", "false", "1", "0");

    private final ContractValidator validator;

    public ContractReader(ContractValidator validator) {
        this.validator = validator;
    }

    /**
     * The record that the request describes, its rules kept.
     *
     * @throws ApiException a 422 {@code VALIDATION_ERROR} naming each field that is of the wrong type or breaks
     *         a rule
     */
    public <T extends Record> T read(ObjectNode input, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Map<String, String> typeErrors = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            String field = FieldProblems.jsonName(components[i].getName());
            try {
                values[i] = valueOf(input.get(field), components[i]);
            } catch (WrongType wrongType) {
                typeErrors.put(field, "The " + field.replace('_', ' ') + " field must be " + wrongType.expected + ".");
            }
        }
        T record = construct(type, components, values);
        Map<String, List<String>> broken = validator.problems(record);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            String field = FieldProblems.jsonName(component.getName());
            if (typeErrors.containsKey(field)) {
                problems.put(field, List.of(typeErrors.get(field)));
            } else {
                broken.forEach((path, messages) -> {
                    if (path.equals(field) || path.startsWith(field + ".")) {
                        problems.put(path, messages);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return construct(type, components, withoutBlankText(values, components));
    }

    private static Object valueOf(JsonNode node, RecordComponent component) {
        Class<?> type = component.getType();
        if (type == JsonNode.class) {
            return node; // absent: null; a JSON null stays a NullNode, which means "back to the default"
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && node.asText().isEmpty() && !fieldHas(component, NotBlankWhenGiven.class)) {
            return null;
        }
        if (type == Long.class || type == Integer.class) {
            Long value = JsonIntegers.valueOf(node);
            if (value == null) {
                throw new WrongType("an integer");
            }
            // beyond an int, the field's own bounds (every Integer field has some) say what is wrong
            if (type == Long.class) {
                return value;
            }
            return Integer.valueOf((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)));
        }
        if (type == Boolean.class) {
            return booleanOf(node);
        }
        if (type == String.class) {
            return textOf(node, component);
        }
        throw new IllegalArgumentException("No reading for a " + type.getSimpleName() + " field");
    }

    private static Boolean booleanOf(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && BOOLEAN_TEXTS.contains(node.asText())) {
            return node.asText().equals("true") || node.asText().equals("1");
        }
        // canConvertToInt first: asInt() keeps only the low 32 bits of a larger integer (2^32 would be false)
        if (node.isIntegralNumber() && node.canConvertToInt() && (node.asInt() == 0 || node.asInt() == 1)) {
            return node.asInt() == 1;
        }
        throw new WrongType("true or false");
    }

    private static String textOf(JsonNode node, RecordComponent component) {
        boolean integerAsText = fieldHas(component, IntegerAsText.class);
        if (node.isIntegralNumber() && integerAsText) {
            return node.asText();
        }
        if (!node.isTextual()) {
            throw new WrongType(integerAsText ? "an integer or a string" : "a string");
        }
        if (fieldHas(component, Verbatim.class)) {
            return node.asText();
        }
        return node.asText().strip();
    }

    private static Object[] withoutBlankText(Object[] values, RecordComponent[] components) {
        Object[] given = values.clone();
        for (int i = 0; i < given.length; i++) {
            if (given[i] instanceof String text && text.isEmpty() && !fieldHas(components[i], Verbatim.class)) {
                given[i] = null;
            }
        }
        return given;
    }

    /** The marks are written on the record's fields (their target), not on its components. */
    private static boolean fieldHas(RecordComponent component, Class<? extends Annotation> mark) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).isAnnotationPresent(mark);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            var constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("Cannot construct " + type.getName(), e);
        }
    }

    /** A field whose JSON value is not of its type: {@link #expected} says what it must be. */
    private static final class WrongType extends RuntimeException {

        private final String expected;

        WrongType(String expected) {
            super(null, null, false, false);
            this.expected = expected;
        }
    }
}
