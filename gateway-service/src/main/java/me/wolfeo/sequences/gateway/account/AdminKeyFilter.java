package me.wolfeo.sequences.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.api.ApiException;

/** Guards /admin/v1 with the configured {@code X-Admin-Key}; without a configured key it refuses every call. */
public class AdminKeyFilter {

    static final String HEADER = "X-Admin-Key";

    private final GatewayConfig config;

    public AdminKeyFilter(GatewayConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void checkAdminKey(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/admin/")) {
            return;
        }
        String given = request.getHeaderString(HEADER);
        String expected = config.admin().key().orElse(null);
        if (expected == null || expected.isBlank()) {
            throw ApiException.unauthenticated("The admin API is disabled: no admin key is configured.");
        }
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthenticated("Missing or wrong " + HEADER + ".");
        }
    }
}
