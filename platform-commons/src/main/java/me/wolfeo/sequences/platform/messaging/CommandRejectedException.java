package me.wolfeo.sequences.platform.messaging;

/**
 * Thrown by a handler that refuses a well-formed command for a business reason (unknown id, rule broken).
 * The handler must throw it before changing anything; the refusal becomes the reply.
 */
public class CommandRejectedException extends RuntimeException {

    private final transient Problem problem;

    public CommandRejectedException(Problem problem) {
        super(problem.code() + ": " + problem.message(), null, false, false);
        this.problem = problem;
    }

    public CommandRejectedException(String code, String message) {
        this(Problem.of(code, message));
    }

    /** A refusal because one field of the command is wrong. */
    public static CommandRejectedException invalidField(String field, String message) {
        return new CommandRejectedException(new Problem(ErrorCodes.VALIDATION_ERROR, message,
                java.util.Map.of(field, java.util.List.of(message))));
    }

    /** A refusal because fields of the command are wrong: each with its messages, the first one as the message. */
    public static CommandRejectedException invalid(java.util.Map<String, java.util.List<String>> problems) {
        String first = problems.values().iterator().next().get(0);
        return new CommandRejectedException(new Problem(ErrorCodes.VALIDATION_ERROR, first, problems));
    }

    public static CommandRejectedException notFound(String message) {
        return new CommandRejectedException(ErrorCodes.NOT_FOUND, message);
    }

    public Problem problem() {
        return problem;
    }
}
