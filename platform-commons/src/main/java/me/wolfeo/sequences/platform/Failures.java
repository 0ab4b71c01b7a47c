package me.wolfeo.sequences.platform;

/** Describes a failure in one log line, without a stack trace, for failures that are expected to happen. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause's class and message, e.g. {@code TimeoutException: Topic x not present}. */
    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
