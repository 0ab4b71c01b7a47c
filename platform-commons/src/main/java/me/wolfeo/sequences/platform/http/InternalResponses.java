package me.wolfeo.sequences.platform.http;

import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Problem;

/** Answers of the services' internal read APIs, read by {@link Lookups} and by the gateway. */
public final class InternalResponses {

    private InternalResponses() {
    }

    /** 404 with a {@link Problem} body. */
    public static RestResponse<Object> notFound(String message) {
        return RestResponse.status(RestResponse.Status.NOT_FOUND, Problem.of(ErrorCodes.NOT_FOUND, message));
    }
}
