package me.wolfeo.sequences.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import me.wolfeo.sequences.gateway.GatewayConfig;

/**
 * Refuses a request whose declared body is over the gateway's limit with 413 in the dialect of its path, before
 * the body is read. (The HTTP server's own, higher hard limit answers a bare 413 to bodies that lie about their
 * size; {@link RequestInput} checks the bytes actually read.)
 */
public class RequestSizeFilter {

    private final GatewayConfig config;

    public RequestSizeFilter(GatewayConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void checkDeclaredSize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && (length.length() > 12 || Long.parseLong(length) > config.limits().maxRequestBytes())) {
            throw tooLarge(config.limits().maxRequestBytes());
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + limit / 1024 + " KiB.");
    }
}
