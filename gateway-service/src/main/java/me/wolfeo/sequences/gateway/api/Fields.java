package me.wolfeo.sequences.gateway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import me.wolfeo.sequences.platform.contract.JsonIntegers;
import me.wolfeo.sequences.platform.contract.Text;

/**
 * Validates a request's fields one by one, collecting every problem (in the wording API clients of this product
 * know), then {@link #check() fails} with all of them at once. Integers may arrive as JSON numbers or as numeric
 * strings, as the published examples send both. Strings lose surrounding white space, never anything else: a
 * control character or a lone surrogate anywhere refuses the field ({@link Text}).
 */
public final class Fields {

    private final ObjectNode input;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private Fields(ObjectNode input) {
        this.input = input;
    }

    public static Fields of(ObjectNode input) {
        return new Fields(input);
    }

    public Long requiredInteger(String field) {
        if (isMissing(field)) {
            return fail(field, "The " + label(field) + " field is required.");
        }
        return integer(field, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public Long optionalInteger(String field, long min, long max) {
        return isMissing(field) ? null : integer(field, min, max);
    }

    public String requiredString(String field, int maxLength) {
        if (isMissing(field) || (input.get(field).isTextual() && input.get(field).asText().isBlank())) {
            return fail(field, "The " + label(field) + " field is required.");
        }
        return string(field, maxLength);
    }

    /** An optional string; blank counts as absent. */
    public String optionalString(String field, int maxLength) {
        if (isMissing(field) || (input.get(field).isTextual() && input.get(field).asText().isBlank())) {
            return null;
        }
        return string(field, maxLength);
    }

    /** An optional string that must be one of the allowed values; absent gives the default. */
    public String optionalChoice(String field, List<String> allowed, String defaultValue) {
        if (isMissing(field)) {
            return defaultValue;
        }
        JsonNode node = input.get(field);
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            return fail(field, "The selected " + label(field) + " is invalid.");
        }
        return node.asText();
    }

    /** An optional integer that must be one of the allowed values; absent gives the default. */
    public Integer optionalIntegerChoice(String field, List<Integer> allowed, Integer defaultValue) {
        if (isMissing(field)) {
            return defaultValue;
        }
        Long value = integer(field, Long.MIN_VALUE, Long.MAX_VALUE);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE || !allowed.contains(value.intValue())) {
            return fail(field, "The selected " + label(field) + " is invalid.");
        }
        return value.intValue();
    }

    public Boolean optionalBoolean(String field) {
        if (isMissing(field)) {
            return null;
        }
        JsonNode node = input.get(field);
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && List.of("true", "false", "1", "0").contains(node.asText())) {
            return node.asText().equals("true") || node.asText().equals("1");
        }
        // canConvertToInt first: asInt() keeps only the low 32 bits of a larger integer (2^32 would be false)
        if (node.isIntegralNumber() && node.canConvertToInt() && (node.asInt() == 0 || node.asInt() == 1)) {
            return node.asInt() == 1;
        }
        return fail(field, "The " + label(field) + " field must be true or false.");
    }

    /**
     * An identifier given as a JSON integer or a string without spaces (CRM ids are numbers in most CRMs and hex
     * strings in some); returned as a string.
     */
    public String identifier(String field, int maxLength, String requiredMessage) {
        if (isMissing(field) || (input.get(field).isTextual() && input.get(field).asText().isBlank())) {
            return requiredMessage == null ? null : fail(field, requiredMessage);
        }
        JsonNode node = input.get(field);
        String value = node.isIntegralNumber() ? node.asText() : node.isTextual() ? node.asText().strip() : null;
        if (value == null || value.chars().anyMatch(Character::isWhitespace)) {
            return fail(field, "The " + label(field) + " field must be an integer or a string.");
        }
        if (!Text.isStorable(value)) {
            return fail(field, Text.unstorableMessage(label(field)));
        }
        if (value.length() > maxLength) {
            return fail(field, "The " + label(field) + " field must not be greater than " + maxLength
                    + " characters.");
        }
        return value;
    }

    /** A phone number, given as a string (any punctuation) or as a JSON integer; returned as a string. */
    public String phoneNumber(String field, int maxLength, String requiredMessage) {
        if (isMissing(field) || (input.get(field).isTextual() && input.get(field).asText().isBlank())) {
            return requiredMessage == null ? null : fail(field, requiredMessage);
        }
        JsonNode node = input.get(field);
        String value = node.isIntegralNumber() ? node.asText() : node.isTextual() ? node.asText().strip() : null;
        if (value == null) {
            return fail(field, "The " + label(field) + " field must be a string.");
        }
        if (!Text.isStorable(value)) {
            return fail(field, Text.unstorableMessage(label(field)));
        }
        if (value.length() > maxLength) {
            return fail(field, "The " + label(field) + " field must not be greater than " + maxLength
                    + " characters.");
        }
        return value;
    }

    public boolean has(String field) {
        return !isMissing(field);
    }

    /** Records a problem found by the caller's own rule. */
    public <T> T fail(String field, String message) {
        errors.computeIfAbsent(field, ignored -> new ArrayList<>()).add(message);
        return null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Fails with every problem found so far, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private Long integer(String field, long min, long max) {
        JsonNode node = input.get(field);
        Long value = JsonIntegers.valueOf(node);
        if (value == null) {
            return fail(field, "The " + label(field) + " field must be an integer.");
        }
        if (value < min) {
            return fail(field, "The " + label(field) + " field must be at least " + min + ".");
        }
        if (value > max) {
            return fail(field, "The " + label(field) + " field must not be greater than " + max + ".");
        }
        return value;
    }

    private String string(String field, int maxLength) {
        JsonNode node = input.get(field);
        if (!node.isTextual()) {
            return fail(field, "The " + label(field) + " field must be a string.");
        }
        String value = node.asText().strip();
        if (!Text.isStorable(value)) {
            return fail(field, Text.unstorableMessage(label(field)));
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            return fail(field, "The " + label(field) + " field must not be greater than " + maxLength
                    + " characters.");
        }
        return value;
    }

    private boolean isMissing(String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty());
    }

    private static String label(String field) {
        return field.replace('_', ' ');
    }
}
