package me.wolfeo.sequences.gateway.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the caller's credentials from the headers: {@code X-Admin-Key} (the operator), else
 * {@code Authorization: Bearer <token>} (an account). No credentials: an anonymous caller, whom every route refuses
 * unless it is declared public (application.properties: deny-unannotated-endpoints). The webhooks are such public
 * routes: their token comes in the JSON body, and they check it before anything else.
 */
@ApplicationScoped
public class ApiCredentialsMechanism implements HttpAuthenticationMechanism {

    public static final String ADMIN_KEY_HEADER = "X-Admin-Key";
    static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String adminKey = context.request().getHeader(ADMIN_KEY_HEADER);
        if (adminKey != null) {
            return identities.authenticate(new AdminKeyAuthenticationRequest(adminKey));
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(CredentialsRefused.because(
                    "Unsupported authorization scheme: send Authorization: Bearer <token>."));
        }
        String token = authorization.substring(BEARER.length()).trim();
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, AdminKeyAuthenticationRequest.class);
    }
}
