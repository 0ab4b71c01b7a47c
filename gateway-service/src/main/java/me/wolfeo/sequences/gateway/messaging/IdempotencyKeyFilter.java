package me.wolfeo.sequences.gateway.messaging;

import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.Dialect;

/**
 * Checks a command's {@code Idempotency-Key} header before the command is read: when sent, it is one header of 1
 * to {@value #MAX_LENGTH} characters, not all blank. The header is read as it arrived, because JAX-RS gives an
 * empty value as no value at all: an empty key would then be taken for none, and a retry applied twice.
 */
public class IdempotencyKeyFilter {

    private static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "DELETE", "PATCH");

    @ServerRequestFilter
    public void check(HttpServerRequest request) {
        String path = request.path();
        if (!COMMANDS.contains(request.method().name())
                || !(path.startsWith("/v1/") || path.startsWith(Dialect.WEBHOOK_PATH))) {
            return;
        }
        List<String> keys = request.headers().getAll(HEADER);
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() > 1 || keys.get(0).isBlank() || keys.get(0).length() > MAX_LENGTH) {
            throw new ApiException(400, "INVALID_IDEMPOTENCY_KEY",
                    "The Idempotency-Key header must be one value of 1 to " + MAX_LENGTH + " characters.");
        }
    }
}
