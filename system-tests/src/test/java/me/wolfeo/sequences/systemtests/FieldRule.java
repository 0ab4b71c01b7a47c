package me.wolfeo.sequences.systemtests;

import java.util.EnumSet;
import java.util.Set;

import me.wolfeo.sequences.systemtests.HostileValue.Shape;

/**
 * A field's documented rule (README, "Input types" and the routes' tables), reduced to what the sweep needs: a
 * valid sample to hide hostile characters in, the longest value allowed, and which shapes of value the rule
 * accepts. A hostile value of any other shape must be refused; one of an accepted shape is odd but valid (a
 * {@code null} for an optional field is the field left out, {@code 0} is {@code false} for a boolean).
 *
 * @param integer whether the field holds a number (it gets fewer text values)
 */
record FieldRule(String sample, int maxLength, Set<Shape> accepted, boolean integer) {

    static final int NAME_MAX = 255;

    boolean accepts(Shape shape) {
        return accepted.contains(shape);
    }

    /** A required id (a sequence, a stage, a contact, an account, a token): nothing hostile is one. */
    static FieldRule id() {
        return new FieldRule("12", 18, EnumSet.noneOf(Shape.class), true);
    }

    /** An optional integer within bounds; left out (null, "") it takes its default. */
    static FieldRule optionalInteger(long min, long max) {
        Set<Shape> accepted = EnumSet.of(Shape.NULL, Shape.EMPTY_STRING);
        if (min <= 0 && max >= 0) {
            accepted.add(Shape.ZERO);
        }
        if (min <= -1) {
            accepted.add(Shape.NEGATIVE);
        }
        return new FieldRule("12", 18, accepted, true);
    }

    /** An optional integer that must be one of a few values (time_type). */
    static FieldRule optionalIntegerChoice() {
        return new FieldRule("3600", 18, EnumSet.of(Shape.NULL, Shape.EMPTY_STRING), true);
    }

    static FieldRule requiredString(String sample) {
        return new FieldRule(sample, NAME_MAX, EnumSet.of(Shape.WORD, Shape.NUMERIC_STRING_BEYOND_LONG), false);
    }

    /** A string that an update changes only when it is given (null: left as it is), following the create rule. */
    static FieldRule givenString(String sample) {
        return new FieldRule(sample, NAME_MAX, EnumSet.of(Shape.NULL, Shape.WORD, Shape.NUMERIC_STRING_BEYOND_LONG),
                false);
    }

    /** An optional string; left out, empty or blank it is absent. */
    static FieldRule optionalString(String sample, int maxLength) {
        return new FieldRule(sample, maxLength, EnumSet.of(Shape.NULL, Shape.EMPTY_STRING, Shape.BLANK_STRING,
                Shape.WORD, Shape.NUMERIC_STRING_BEYOND_LONG), false);
    }

    static FieldRule optionalEmail() {
        return new FieldRule("kept@example.com", 254,
                EnumSet.of(Shape.NULL, Shape.EMPTY_STRING, Shape.BLANK_STRING), false);
    }

    /**
     * An optional phone number beside a CRM id, a string or a JSON integer: a 10-digit integer (2^32) is a possible
     * US number; no other hostile value is a possible phone number.
     */
    static FieldRule optionalPhone() {
        return new FieldRule("8181234567", 40,
                EnumSet.of(Shape.NULL, Shape.EMPTY_STRING, Shape.BLANK_STRING, Shape.BEYOND_INT), false);
    }

    /**
     * An optional text of a fixed form, checked whole (an ISO-8601 instant with its offset, an IANA zone name):
     * left out, empty or blank it is absent; any other hostile value is not of the form.
     */
    static FieldRule optionalFormatted(String sample, int maxLength) {
        return new FieldRule(sample, maxLength, EnumSet.of(Shape.NULL, Shape.EMPTY_STRING, Shape.BLANK_STRING),
                false);
    }

    /**
     * A field that must be left out because another field of the request already names the same thing (a second
     * way to name the contact): only absent values (null, "") pass.
     */
    static FieldRule leftOut(String sample, int maxLength) {
        return new FieldRule(sample, maxLength, EnumSet.of(Shape.NULL, Shape.EMPTY_STRING), false);
    }

    /** One of a list of words; when optional, left out it takes its default. */
    static FieldRule choice(String sample, boolean optional) {
        return new FieldRule(sample, NAME_MAX,
                optional ? EnumSet.of(Shape.NULL, Shape.EMPTY_STRING) : EnumSet.noneOf(Shape.class), false);
    }

    /** An optional boolean: true, false, "true", "false", 1, 0, "1", "0"; left out it stays as it is. */
    static FieldRule optionalBoolean() {
        return new FieldRule("true", NAME_MAX,
                EnumSet.of(Shape.NULL, Shape.EMPTY_STRING, Shape.BOOLEAN, Shape.ZERO), false);
    }

    static FieldRule requiredBoolean() {
        return new FieldRule("true", NAME_MAX, EnumSet.of(Shape.BOOLEAN, Shape.ZERO), false);
    }

    /** Multi-line text kept as sent (SMS text): tabs and line breaks allowed, blank is missing. */
    static FieldRule multilineText(String sample, int maxLength) {
        return new FieldRule(sample, maxLength,
                EnumSet.of(Shape.WORD, Shape.NUMERIC_STRING_BEYOND_LONG, Shape.LINE_BREAK), false);
    }

    /** Email HTML: kept as sent, so a blank page is a page; up to 512 KiB. */
    static FieldRule html() {
        return new FieldRule("<p>Kept</p>", 512 * 1024, EnumSet.of(Shape.WORD, Shape.NUMERIC_STRING_BEYOND_LONG,
                Shape.LINE_BREAK, Shape.BLANK_STRING), false);
    }

    /** A CRM's contact id: an integer of any size or a string without spaces, up to 64 characters. */
    static FieldRule crmId() {
        return new FieldRule("kept-1", 64, EnumSet.of(Shape.WORD, Shape.ZERO, Shape.NEGATIVE, Shape.BEYOND_INT,
                Shape.BEYOND_LONG, Shape.NUMERIC_STRING_BEYOND_LONG), false);
    }

    /** A credential: anything but the token itself is refused (401). */
    static FieldRule credential(String token) {
        return new FieldRule(token, 200, EnumSet.noneOf(Shape.class), false);
    }
}
