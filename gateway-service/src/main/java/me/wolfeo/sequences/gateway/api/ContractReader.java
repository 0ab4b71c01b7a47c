package me.wolfeo.sequences.gateway.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
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

    /** How a record is read, worked out once per record type (reflection is not redone on every request). */
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {

        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

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
        RecordShape shape = SHAPES.get(type);
        Object[] values = new Object[shape.fields().size()];
        Map<String, String> typeErrors = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            FieldShape field = shape.fields().get(i);
            try {
                values[i] = valueOf(input.get(field.jsonName()), field);
            } catch (WrongType wrongType) {
                typeErrors.put(field.jsonName(), "The " + field.jsonName().replace('_', ' ') + " field must be "
                        + wrongType.expected + ".");
            }
        }
        Map<String, List<String>> broken = validator.problems(shape.construct(values));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (FieldShape field : shape.fields()) {
            if (typeErrors.containsKey(field.jsonName())) {
                problems.put(field.jsonName(), List.of(typeErrors.get(field.jsonName())));
            } else {
                broken.forEach((path, messages) -> {
                    if (path.equals(field.jsonName()) || path.startsWith(field.jsonName() + ".")) {
                        problems.put(path, messages);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return type.cast(shape.construct(withoutBlankText(values, shape)));
    }

    private static Object valueOf(JsonNode node, FieldShape field) {
        Class<?> type = field.type();
        if (type == JsonNode.class) {
            return node; // absent: null; a JSON null stays a NullNode, which means "back to the default"
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && node.asText().isEmpty() && !field.notBlankWhenGiven()) {
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
            return textOf(node, field);
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

    private static String textOf(JsonNode node, FieldShape field) {
        if (node.isIntegralNumber() && field.integerAsText()) {
            return node.asText();
        }
        if (!node.isTextual()) {
            throw new WrongType(field.integerAsText() ? "an integer or a string" : "a string");
        }
        return field.verbatim() ? node.asText() : node.asText().strip();
    }

    private static Object[] withoutBlankText(Object[] values, RecordShape shape) {
        Object[] given = values.clone();
        for (int i = 0; i < given.length; i++) {
            if (given[i] instanceof String text && text.isEmpty() && !shape.fields().get(i).verbatim()) {
                given[i] = null;
            }
        }
        return given;
    }

    /** A record type's fields, in component order, and its canonical constructor. */
    private record RecordShape(List<FieldShape> fields, Constructor<?> constructor) {

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                var constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new RecordShape(Arrays.stream(components).map(FieldShape::of).toList(), constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor in " + type.getName(), e);
            }
        }

        Object construct(Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot construct " + constructor.getDeclaringClass().getName(), e);
            }
        }
    }

    /** One field: its JSON name, its type and the reading marks written on it. */
    private record FieldShape(String jsonName, Class<?> type, boolean integerAsText, boolean verbatim,
            boolean notBlankWhenGiven) {

        static FieldShape of(RecordComponent component) {
            return new FieldShape(FieldProblems.jsonName(component.getName()), component.getType(),
                    has(component, IntegerAsText.class), has(component, Verbatim.class),
                    has(component, NotBlankWhenGiven.class));
        }

        /** The marks are written on the record's fields (their target), not on its components. */
        private static boolean has(RecordComponent component, Class<? extends Annotation> mark) {
            try {
                return component.getDeclaringRecord().getDeclaredField(component.getName())
                        .isAnnotationPresent(mark);
            } catch (NoSuchFieldException e) {
                return false;
            }
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
