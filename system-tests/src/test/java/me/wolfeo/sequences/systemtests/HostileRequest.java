package me.wolfeo.sequences.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the sweep: what it changes in a valid request ({@code label}), the request itself, and whether
 * the documented rules must refuse it.
 *
 * @param target the path and query, percent-encoded as it goes on the request line
 */
record HostileRequest(String label, String method, String target, Map<String, String> headers, byte[] body,
        Verdict verdict) {

    enum Verdict {
        /** The rules refuse it: a 4xx in the endpoint's dialect, and nothing stored changes. */
        MUST_REFUSE,
        /** Odd but valid by the rules: it may be applied; it must still never be a 5xx. */
        VALID_BY_RULE
    }

    static HostileRequest of(String label, String method, String target, Map<String, String> headers, String body,
            Verdict verdict) {
        return new HostileRequest(label, method, target, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), verdict);
    }

    HostileRequest withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new HostileRequest(label, method, target, changed, body, verdict);
    }

    HostileRequest withoutHeader(String name) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.remove(name);
        return new HostileRequest(label, method, target, changed, body, verdict);
    }

    HostileRequest labelled(String newLabel) {
        return new HostileRequest(newLabel, method, target, headers, body, verdict);
    }
}
