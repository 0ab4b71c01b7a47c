package me.wolfeo.sequences.platform.internalapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends this service's token ({@code platform.internal-api.token}) on a REST client's calls: register it on every
 * client of another service's internal API with {@code @RegisterProvider(InternalTokenClientFilter.class)}. Without a
 * configured token the call goes without one, and the other service refuses it.
 */
@ApplicationScoped
public class InternalTokenClientFilter implements ClientRequestFilter {

    private final InternalApiConfig config;

    public InternalTokenClientFilter(InternalApiConfig config) {
        this.config = config;
    }

    @Override
    public void filter(ClientRequestContext request) {
        config.token().filter(token -> !token.isBlank())
                .ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
