package me.wolfeo.sequences.gateway.account;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import me.wolfeo.sequences.gateway.security.ApiTokenIdentityProvider;

/** The account whose API token authenticated the current /v1 request. */
@RequestScoped
public class CurrentAccount {

    private final SecurityIdentity identity;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    public long id() {
        return owner().accountId();
    }

    /** The token of the request and the account's settings that come with it. */
    public TokenOwner owner() {
        TokenOwner owner = identity.getAttribute(ApiTokenIdentityProvider.TOKEN_OWNER);
        if (owner == null) {
            throw new IllegalStateException("No authenticated account in this request");
        }
        return owner;
    }
}
