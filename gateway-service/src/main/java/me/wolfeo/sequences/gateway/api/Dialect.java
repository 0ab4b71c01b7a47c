package me.wolfeo.sequences.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two error formats the public API speaks: the REST dialect of sequences-api.txt and the webhook dialect of
 * enrollment-webhook-api.txt. A request's path decides which one it gets.
 */
public enum Dialect {

    /** {@code {"success": false, "error": {"code": ..., "message": ..., "details": {...}}}} */
    REST {

        @Override
        public Object errorBody(ApiException error) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", error.code());
            body.put("message", error.getMessage());
            Map<String, Object> details = new LinkedHashMap<>(error.details());
            details.putAll(error.extra());
            body.put("details", details);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("success", false);
            envelope.put("error", body);
            return envelope;
        }
    },

    /** {@code {"message": ...}}, plus {@code "errors": {"field": ["..."]}} on a validation failure. */
    WEBHOOK {

        @Override
        public Object errorBody(ApiException error) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", error.getMessage());
            if (!error.details().isEmpty()) {
                body.put("errors", error.details());
            }
            body.putAll(error.extra());
            return body;
        }
    };

    public static final String WEBHOOK_PATH = "/api/v1/webhook/";

    public static Dialect ofPath(String path) {
        return path != null && path.startsWith(WEBHOOK_PATH) ? WEBHOOK : REST;
    }

    public abstract Object errorBody(ApiException error);

}
