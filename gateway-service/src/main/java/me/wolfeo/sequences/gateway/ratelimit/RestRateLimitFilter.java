package me.wolfeo.sequences.gateway.ratelimit;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

import me.wolfeo.sequences.gateway.account.TokenOwner;
import me.wolfeo.sequences.gateway.api.Dialect;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.gateway.security.ApiTokenIdentityProvider;

/**
 * Counts every request made with an API token in the header (the REST dialect). The webhooks' token comes in the
 * body: they count their requests themselves once they have read it.
 */
public class RestRateLimitFilter {

    private final SecurityIdentity identity;
    private final RateLimiter limiter;

    public RestRateLimitFilter(SecurityIdentity identity, RateLimiter limiter) {
        this.identity = identity;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public void admit() {
        if (identity.hasRole(ApiRoles.ACCOUNT)) {
            TokenOwner owner = identity.getAttribute(ApiTokenIdentityProvider.TOKEN_OWNER);
            limiter.admit(owner, Dialect.REST);
        }
    }
}
