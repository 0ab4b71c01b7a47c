package me.wolfeo.sequences.platform.internalapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The calling service, from its token: the caller whose configured token it is, with the internal caller role.
 * Every configured token is compared, each in constant time, so the answer's timing tells nothing about any token.
 */
@ApplicationScoped
public class InternalCallerIdentityProvider implements IdentityProvider<InternalCallerAuthenticationRequest> {

    private final InternalApiConfig config;

    public InternalCallerIdentityProvider(InternalApiConfig config) {
        this.config = config;
    }

    @Override
    public Class<InternalCallerAuthenticationRequest> getRequestType() {
        return InternalCallerAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(InternalCallerAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String caller = callerOf(request.token());
        if (caller == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown internal token."));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller))
                .addRole(InternalApi.CALLER_ROLE)
                .build());
    }

    private String callerOf(String token) {
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        String caller = null;
        for (Map.Entry<String, String> accepted : config.callers().entrySet()) {
            if (MessageDigest.isEqual(presented, accepted.getValue().getBytes(StandardCharsets.UTF_8))
                    && !accepted.getValue().isBlank()) {
                caller = accepted.getKey();
            }
        }
        return caller;
    }
}
