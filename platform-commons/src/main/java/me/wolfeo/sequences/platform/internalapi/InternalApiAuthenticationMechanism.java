package me.wolfeo.sequences.platform.internalapi;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the calling service's {@code Authorization: Bearer <token>} on the internal routes, and only there: on every
 * other path it has no opinion (no identity, no challenge), so it never stands in the way of the gateway's own
 * authentication of its public API. A call without the header is anonymous, and the routes' {@code @RolesAllowed}
 * refuse it; a header that is not a bearer token is refused here.
 */
@ApplicationScoped
public class InternalApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final ChallengeData CHALLENGE = new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!InternalApi.isInternalPath(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "Internal routes take Authorization: Bearer <token>."));
        }
        return identities.authenticate(
                new InternalCallerAuthenticationRequest(authorization.substring(BEARER.length()).trim()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return InternalApi.isInternalPath(context.normalizedPath())
                ? Uni.createFrom().item(CHALLENGE)
                : Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(InternalCallerAuthenticationRequest.class);
    }
}
