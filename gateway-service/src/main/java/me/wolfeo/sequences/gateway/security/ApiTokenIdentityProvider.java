package me.wolfeo.sequences.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import me.wolfeo.sequences.gateway.account.TokenOwner;
import me.wolfeo.sequences.gateway.account.Tokens;

/** An account's identity from its API token (looked up in the gateway's database, or its short-lived cache). */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The {@link TokenOwner} of the identity's token. */
    public static final String TOKEN_OWNER = "token-owner";

    private final Tokens tokens;

    public ApiTokenIdentityProvider(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(request.getToken().getToken()));
    }

    private SecurityIdentity identityOf(String secret) {
        TokenOwner owner = tokens.ownerOf(secret)
                .orElseThrow(() -> CredentialsRefused.because("Invalid or revoked API token."));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("account-" + owner.accountId()))
                .addRole(ApiRoles.ACCOUNT)
                .addAttribute(TOKEN_OWNER, owner)
                .build();
    }
}
