package me.wolfeo.sequences.gateway.security;

import java.util.Map;
import java.util.Optional;

import io.quarkus.security.AuthenticationFailedException;

/** Credentials that were given but are not good, with the words the caller is told. */
final class CredentialsRefused {

    private static final String CALLER_MESSAGE = "caller-message";

    private CredentialsRefused() {
    }

    static AuthenticationFailedException because(String callerMessage) {
        return new AuthenticationFailedException(callerMessage, Map.of(CALLER_MESSAGE, callerMessage));
    }

    /** The words for the caller, when the refusal is one of ours (not the framework's). */
    static Optional<String> callerMessage(AuthenticationFailedException refusal) {
        return Optional.ofNullable(refusal.getAttribute(CALLER_MESSAGE));
    }
}
