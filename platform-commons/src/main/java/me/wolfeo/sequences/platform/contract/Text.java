package me.wolfeo.sequences.platform.contract;

/**
 * The one rule for text the platform stores: no control characters (PostgreSQL refuses NUL, and the others have
 * no business in a name or an id) and no lone surrogates (they cannot be encoded as UTF-8, so they would be
 * stored as something else than what was sent). Multi-line text (email HTML, SMS text) may hold tabs and line
 * breaks.
 */
public final class Text {

    private Text() {
    }

    /** True when a one-line value (a name, an id, a subject) holds nothing that cannot be stored as sent. */
    public static boolean isStorable(String value) {
        return firstUnstorable(value, false) < 0;
    }

    /** True when a multi-line value (HTML, SMS text) holds nothing but tabs and line breaks among controls. */
    public static boolean isStorableMultiline(String value) {
        return firstUnstorable(value, true) < 0;
    }

    /** The message for a field that breaks the rule, in the wording of the other field messages. */
    public static String unstorableMessage(String label) {
        return "The " + label + " field must not contain control characters or invalid Unicode.";
    }

    private static int firstUnstorable(String value, boolean multiline) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return i;
            }
            if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
