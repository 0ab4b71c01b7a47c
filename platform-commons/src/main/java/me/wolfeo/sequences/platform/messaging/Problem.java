package me.wolfeo.sequences.platform.messaging;

import java.util.List;
import java.util.Map;

/**
 * Why a command was refused: a stable machine-readable code, a sentence for people, and the failing fields.
 *
 * @param code one of {@link ErrorCodes}
 * @param message a sentence that explains the refusal
 * @param details failing field name to its messages; empty when no field is at fault
 */
public record Problem(String code, String message, Map<String, List<String>> details) {

    public Problem {
        details = details == null ? Map.of() : details;
    }

    public static Problem of(String code, String message) {
        return new Problem(code, message, Map.of());
    }
}
