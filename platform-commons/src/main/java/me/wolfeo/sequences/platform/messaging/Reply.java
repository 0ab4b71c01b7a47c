package me.wolfeo.sequences.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a command sent with request-reply: either the result data or the problem that refused it.
 */
public record Reply(Status status, JsonNode data, Problem error) {

    public enum Status {
        OK, REJECTED
    }

    public static Reply ok(JsonNode data) {
        return new Reply(Status.OK, data, null);
    }

    public static Reply rejected(Problem problem) {
        return new Reply(Status.REJECTED, null, problem);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
