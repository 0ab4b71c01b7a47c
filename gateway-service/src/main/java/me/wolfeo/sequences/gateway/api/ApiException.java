package me.wolfeo.sequences.gateway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Problem;

/**
 * A refusal to answer in the caller's dialect: {@code {"success": false, "error": {...}}} under /v1 and
 * {@code {"message": ..., "errors": {...}}} under /api/v1/webhook (see {@link ApiExceptionMappers}).
 */
public class ApiException extends RuntimeException {

    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

    private final int status;
    private final String code;
    private final Map<String, List<String>> details;
    private final Map<String, Object> extra;
    private final Long retryAfterSeconds;

    public ApiException(int status, String code, String message, Map<String, List<String>> details,
            Map<String, Object> extra) {
        this(status, code, message, details, extra, null);
    }

    /** @param retryAfterSeconds when a retry may succeed, sent as {@code Retry-After}; null: no such header */
    protected ApiException(int status, String code, String message, Map<String, List<String>> details,
            Map<String, Object> extra, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
        this.extra = extra == null ? Map.of() : extra;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public static ApiException validation(Map<String, List<String>> details) {
        String first = details.values().iterator().next().get(0);
        int more = details.values().stream().mapToInt(List::size).sum() - 1;
        String message = more == 0
                ? first
                : first + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
        return new ApiException(422, ErrorCodes.VALIDATION_ERROR, message, details, Map.of());
    }

    public static ApiException validation(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "UNAUTHENTICATED", message);
    }

    public static ApiException invalidJson(String message) {
        return new ApiException(400, "INVALID_JSON", message);
    }

    /** A request body over the gateway's limit, whether it declared its size or not. */
    public static ApiException payloadTooLarge(long limitBytes) {
        return new ApiException(413, PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limitBytes / 1024 + " KiB.");
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "SERVICE_UNAVAILABLE", message);
    }

    /** The gateway has as many commands in flight as it takes: this one is shed at once, not queued. */
    public static ApiException overloaded(long retryAfterSeconds) {
        return new ApiException(503, "SERVICE_UNAVAILABLE", "The platform is at capacity; please retry after "
                + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s") + ".", Map.of(), Map.of(),
                retryAfterSeconds);
    }

    /** The command was sent but its reply did not come in time; it may still be applied. */
    public static ApiException timeout(String commandId) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("command_id", commandId);
        return new ApiException(504, "GATEWAY_TIMEOUT",
                "The request was accepted but not answered in time, and may still be applied. "
                        + "Retry with the same Idempotency-Key to get its result.",
                Map.of(), extra);
    }

    /** A service's refusal of a command, with the HTTP status of its code. */
    public static ApiException of(Problem problem) {
        return new ApiException(statusOf(problem.code()), problem.code(), problem.message(), problem.details(),
                Map.of());
    }

    private static int statusOf(String code) {
        return switch (code) {
            case ErrorCodes.NOT_FOUND -> 404;
            case ErrorCodes.VALIDATION_ERROR, ErrorCodes.STAGE_NOT_EMAIL, ErrorCodes.STAGE_NOT_SMS,
                    ErrorCodes.STAGE_NOT_READY, ErrorCodes.IDEMPOTENCY_KEY_REUSED, ErrorCodes.CONTACT_OPTED_OUT ->
                422;
            case ErrorCodes.ALREADY_ENROLLED -> 400;
            default -> 500;
        };
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, List<String>> details() {
        return details;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    /** Seconds after which a retry may succeed, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
