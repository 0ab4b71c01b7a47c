package me.wolfeo.sequences.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import me.wolfeo.sequences.gateway.GatewayConfig;

/** The operator's identity from the configured X-Admin-Key; without a configured key nobody is the operator. */
@ApplicationScoped
public class AdminKeyIdentityProvider implements IdentityProvider<AdminKeyAuthenticationRequest> {

    static final String WRONG_KEY = "Missing or wrong " + ApiCredentialsMechanism.ADMIN_KEY_HEADER + ".";
    static final String DISABLED = "The admin API is disabled: no admin key is configured.";

    private final GatewayConfig config;

    public AdminKeyIdentityProvider(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public Class<AdminKeyAuthenticationRequest> getRequestType() {
        return AdminKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(AdminKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String expected = config.admin().key().filter(key -> !key.isBlank()).orElse(null);
        if (expected == null) {
            return Uni.createFrom().failure(CredentialsRefused.because(DISABLED));
        }
        if (!MessageDigest.isEqual(request.key().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(CredentialsRefused.because(WRONG_KEY));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("operator"))
                .addRole(ApiRoles.ADMIN)
                .build());
    }

    boolean isEnabled() {
        return config.admin().key().filter(key -> !key.isBlank()).isPresent();
    }
}
