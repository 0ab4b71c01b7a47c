package me.wolfeo.sequences.systemtests;

/** JSON text written by hand, so that a test can send exactly the characters it means (a lone surrogate, say). */
final class Json {

    private Json() {
    }

    /**
     * A JSON string literal of the text: quotes, backslashes, control characters and lone surrogates escaped as
     * {@code \\uXXXX} (so the parser reads them and the field rules must refuse them), everything else as is.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.getType(c) == Character.CONTROL || Character.isSurrogate(c) && !isPaired(text, i)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
