package me.wolfeo.sequences.systemtests;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import me.wolfeo.sequences.systemtests.HostileValue.Shape;

/**
 * Generates the hostile values put into each field, a focused set of about twenty per field: control characters,
 * lone surrogates, overlong text, numbers out of range, floats for integers, wrong JSON types, deep nesting.
 *
 * <p>
 * Every field gets NUL and DEL, a tab or line break, and a few more control characters (C0 and C1) taken in turn
 * from one cycle, so that the whole sweep puts every control character into some field of every kind without
 * sending all 65 into every field. {@link #controlCharactersUsed()} tells which were sent.
 */
final class HostileCorpus {

    private static final int LONG_TEXT = 100_000;
    private static final int DEEP = 10_000;
    private static final String BEYOND_LONG = "9223372036854775808";
    private static final String BELOW_LONG = "-9223372036854775809";

    /** The control characters other than NUL, DEL, tab and line breaks, taken in turn: C0 then C1. */
    private final List<Character> cycle = new ArrayList<>();
    private final BitSet used = new BitSet(0xA0);
    private int next;

    HostileCorpus() {
        for (char c = 1; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                cycle.add(c);
            }
        }
        for (char c = 0x80; c < 0xA0; c++) {
            cycle.add(c);
        }
    }

    /** The hostile values for a field with this rule. */
    List<HostileValue> valuesFor(FieldRule rule) {
        List<HostileValue> values = new ArrayList<>();
        String sample = rule.sample();
        values.add(control(sample, '\u0000'));
        values.add(control(sample, '\u007f'));
        for (int i = 0; i < (rule.integer() ? 1 : 3); i++) {
            values.add(control(sample, cycle.get(next++ % cycle.size())));
        }
        char lineBreak = "\t\n\r".charAt(next % 3);
        used.set(lineBreak);
        values.add(HostileValue.text("U+%04X inside".formatted((int) lineBreak), Shape.LINE_BREAK,
                inside(sample, String.valueOf(lineBreak))));
        values.add(HostileValue.text("lone high surrogate", Shape.LONE_SURROGATE, inside(sample, "\ud800")));
        values.add(HostileValue.text("lone low surrogate", Shape.LONE_SURROGATE, inside(sample, "\udfff")));
        if (!rule.integer() && rule.maxLength() + 1 < LONG_TEXT) {
            values.add(HostileValue.text((rule.maxLength() + 1) + " characters", Shape.TOO_LONG,
                    longText(sample, rule.maxLength() + 1)));
        }
        int longest = Math.max(LONG_TEXT, rule.maxLength() + 1);
        values.add(HostileValue.text(longest + " characters", Shape.TOO_LONG, longText(sample, longest)));

        values.add(HostileValue.literal("-1", Shape.NEGATIVE, "-1", Shape.NEGATIVE));
        values.add(HostileValue.literal("0", Shape.ZERO, "0", Shape.ZERO));
        values.add(HostileValue.literal("4294967296", Shape.BEYOND_INT, "4294967296", Shape.BEYOND_INT));
        values.add(HostileValue.literal(BEYOND_LONG, Shape.BEYOND_LONG, BEYOND_LONG,
                Shape.NUMERIC_STRING_BEYOND_LONG));
        values.add(HostileValue.literal(BELOW_LONG, Shape.BEYOND_LONG, BELOW_LONG, Shape.NUMERIC_STRING_BEYOND_LONG));
        values.add(HostileValue.text("\"" + BEYOND_LONG + "\"", Shape.NUMERIC_STRING_BEYOND_LONG, BEYOND_LONG));
        values.add(HostileValue.literal("1e309", Shape.FRACTION, "1e309", Shape.FRACTION));
        values.add(HostileValue.literal("1.5", Shape.FRACTION, "1.5", Shape.FRACTION));
        values.add(HostileValue.literal("a 2000-digit number", Shape.ENDLESS_NUMBER, "7".repeat(2000),
                Shape.NUMERIC_STRING_BEYOND_LONG));

        values.add(HostileValue.text("a word", Shape.WORD, "twelve"));
        values.add(HostileValue.text("empty string", Shape.EMPTY_STRING, ""));
        values.add(HostileValue.text("blank string", Shape.BLANK_STRING, "   "));
        values.add(HostileValue.literal("true", Shape.BOOLEAN, "true", Shape.WORD));
        values.add(HostileValue.literal("null", Shape.NULL, "null", Shape.WORD));
        values.add(HostileValue.literal("an object", Shape.OBJECT, "{\"value\": " + Json.quote(sample) + "}",
                Shape.WORD));
        values.add(HostileValue.literal("an array", Shape.ARRAY, "[" + Json.quote(sample) + "]", Shape.WORD));
        values.add(HostileValue.literal(DEEP + " nested arrays", Shape.DEEP_NESTING, deepNesting(), Shape.TOO_LONG));
        return values;
    }

    /** Every control character (C0, DEL, C1) put into some field so far. */
    BitSet controlCharactersUsed() {
        return (BitSet) used.clone();
    }

    private HostileValue control(String sample, char c) {
        used.set(c);
        return HostileValue.text("U+%04X inside".formatted((int) c), Shape.CONTROL_CHARACTER,
                inside(sample, String.valueOf(c)));
    }

    /** The sample with the text put in its middle, where trimming cannot take it away. */
    private static String inside(String sample, String text) {
        int middle = sample.length() / 2;
        return sample.substring(0, middle) + text + sample.substring(middle);
    }

    /** Text of exactly this length that keeps the sample's shape (an email address stays one). */
    private static String longText(String sample, int length) {
        int at = sample.indexOf('@');
        String tail = at >= 0 ? sample.substring(at) : "";
        return "x".repeat(length - tail.length()) + tail;
    }

    static String deepNesting() {
        return "[".repeat(DEEP) + "]".repeat(DEEP);
    }
}
