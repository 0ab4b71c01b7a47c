package me.wolfeo.sequences.systemtests;

import java.util.Map;
import java.util.Optional;

import io.restassured.path.json.JsonPath;

import me.wolfeo.sequences.local.testing.RawHttp;

/**
 * What a refusal must look like (README, "Errors"): JSON in the dialect of its endpoint. REST:
 * {@code {"success": false, "error": {"code", "message", ...}}}; webhooks: {@code {"message": ...}} and no
 * {@code success}.
 */
final class Refusals {

    private Refusals() {
    }

    /** Why this 4xx answer is not a refusal in the dialect, if it is not one. */
    static Optional<String> offDialect(Endpoint.Dialect dialect, RawHttp.Response answer) {
        String type = answer.headers().getOrDefault("content-type", "");
        if (!type.startsWith("application/json")) {
            return Optional.of("Content-Type '" + type + "'");
        }
        Map<String, Object> body;
        try {
            Object parsed = JsonPath.from(answer.body()).get("$");
            if (!(parsed instanceof Map<?, ?>)) {
                return Optional.of("the body is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) parsed;
            body = object;
        } catch (RuntimeException e) {
            return Optional.of("the body is not JSON");
        }
        if (dialect == Endpoint.Dialect.WEBHOOK) {
            if (!isText(body.get("message"))) {
                return Optional.of("no message");
            }
            return body.containsKey("success") ? Optional.of("a REST envelope on a webhook") : Optional.empty();
        }
        if (!Boolean.FALSE.equals(body.get("success"))) {
            return Optional.of("success is not false");
        }
        if (!(body.get("error") instanceof Map<?, ?> error) || !isText(error.get("code"))
                || !isText(error.get("message"))) {
            return Optional.of("no error.code and error.message");
        }
        return Optional.empty();
    }

    private static boolean isText(Object value) {
        return value instanceof String text && !text.isBlank();
    }
}
