package me.wolfeo.sequences.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An X-Admin-Key to check. */
public final class AdminKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public AdminKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
