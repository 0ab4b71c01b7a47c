package me.wolfeo.sequences.systemtests;

import java.nio.charset.StandardCharsets;

/**
 * One hostile value for one field: how it is written in a JSON body ({@code json}, a JSON literal), how it is
 * written in a query string or a path segment ({@code uri}, percent-encoded), and its {@link Shape}, by which a
 * field's {@link FieldRule} tells whether the documented rules accept it.
 */
record HostileValue(String label, Shape shape, String json, String uri, Shape uriShape) {

    /** What a value is, as far as the gateway's field rules are concerned. */
    enum Shape {
        NULL, EMPTY_STRING, BLANK_STRING,
        /** A word where a number, an email, a choice or a token is expected ("string for number"). */
        WORD,
        /** A control character other than a line break or a tab inside an otherwise valid value. */
        CONTROL_CHARACTER,
        /** A tab or a line break inside an otherwise valid value: allowed in multi-line text only. */
        LINE_BREAK, LONE_SURROGATE, TOO_LONG, ZERO, NEGATIVE,
        /** 2^32: a 64-bit integer that a 32-bit conversion silently turns into 0. */
        BEYOND_INT,
        /** An integer just outside the 64-bit range, as a JSON number. */
        BEYOND_LONG,
        /** The same written as a string: a numeric string the gateway cannot hold. */
        NUMERIC_STRING_BEYOND_LONG, FRACTION,
        /** A number literal longer than the JSON parser takes (it refuses the whole body). */
        ENDLESS_NUMBER, BOOLEAN, OBJECT, ARRAY,
        /** Nested deeper than the JSON parser takes (it refuses the whole body). */
        DEEP_NESTING
    }

    /** A value whose text is the same in a body (as a JSON string) and in a URI. */
    static HostileValue text(String label, Shape shape, String text) {
        return new HostileValue(label, shape, Json.quote(text), percentEncode(text), shape);
    }

    /** A JSON literal (a number, an object...); in a URI its text is a plain word. */
    static HostileValue literal(String label, Shape shape, String json, Shape uriShape) {
        return new HostileValue(label, shape, json, percentEncode(json), uriShape);
    }

    /**
     * Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8; a lone surrogate, which UTF-8
     * cannot encode, as the three bytes a careless encoder (CESU-8) would write for it.
     */
    static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            String unit = pair ? text.substring(i, i + 2) : String.valueOf(c);
            if (pair) {
                i++;
            }
            if (unit.length() == 1 && (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
                continue;
            }
            byte[] bytes = Character.isSurrogate(c) && !pair ? cesu8(c) : unit.getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static byte[] cesu8(char surrogate) {
        return new byte[]{(byte) (0xE0 | (surrogate >> 12)), (byte) (0x80 | ((surrogate >> 6) & 0x3F)),
                (byte) (0x80 | (surrogate & 0x3F))};
    }
}
