package me.wolfeo.sequences.platform.internalapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers an internal call whose token was refused (unknown, or not a bearer token) with the challenge and the JSON
 * body of {@link InternalCallRefusals}. Such a call fails during authentication, before any route runs, so neither
 * the JAX-RS exception mappers nor its response filters see it; a failure handler of the internal paths does.
 */
@ApplicationScoped
public class InternalAuthenticationFailures {

    private final ObjectMapper json;

    public InternalAuthenticationFailures(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route(InternalApi.PATH_PREFIX + "*").failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (!isAuthenticationFailure(context.failure()) || context.response().ended()) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(401)
                    .putHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    .end(json.writeValueAsString(InternalCallRefusals.UNAUTHENTICATED));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        return failure instanceof AuthenticationFailedException
                || (failure != null && failure.getCause() instanceof AuthenticationFailedException);
    }
}
