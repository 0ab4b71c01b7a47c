package me.wolfeo.sequences.platform.http;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;

/** Calls to another service's read API where "not found" is an answer, not a failure. */
public final class Lookups {

    private Lookups() {
    }

    /** The call's result, or empty when the service answered 404; other failures propagate. */
    public static <T> Optional<T> orEmptyIfNotFound(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
