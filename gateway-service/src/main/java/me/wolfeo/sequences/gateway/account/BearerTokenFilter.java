package me.wolfeo.sequences.gateway.account;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import me.wolfeo.sequences.gateway.api.ApiException;

/**
 * Authenticates every /v1 request by its {@code Authorization: Bearer <token>} header. It runs on the thread of
 * the (blocking) resource method, so a token look-up in the database is allowed here.
 */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";

    private final Tokens tokens;
    private final CurrentAccount currentAccount;

    public BearerTokenFilter(Tokens tokens, CurrentAccount currentAccount) {
        this.tokens = tokens;
        this.currentAccount = currentAccount;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthenticated("Missing API token: send Authorization: Bearer <token>.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthenticated("Unsupported authorization scheme: send Authorization: Bearer <token>.");
        }
        long accountId = tokens.accountOf(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> ApiException.unauthenticated("Invalid or revoked API token."));
        currentAccount.set(accountId);
    }
}
