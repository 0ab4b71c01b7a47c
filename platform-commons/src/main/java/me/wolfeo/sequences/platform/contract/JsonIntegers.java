package me.wolfeo.sequences.platform.contract;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one rule for an integer in client input: a JSON integer, or a string of digits (the published examples send
 * both), up to 18 digits so that it always fits a long.
 */
public final class JsonIntegers {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private JsonIntegers() {
    }

    /** The integer the node holds, or null when it holds none. */
    public static Long valueOf(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual() && INTEGER.matcher(node.asText().strip()).matches()) {
            return Long.parseLong(node.asText().strip());
        }
        return null;
    }
}
