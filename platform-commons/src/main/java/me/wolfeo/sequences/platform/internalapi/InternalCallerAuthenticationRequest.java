package me.wolfeo.sequences.platform.internalapi;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * The bearer token of a call to an internal route. A type of its own, so that its identity provider never sees the
 * gateway's API tokens (TokenAuthenticationRequest), nor the gateway's provider these tokens.
 */
public final class InternalCallerAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public InternalCallerAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
