package me.wolfeo.sequences.platform.internalapi;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Problem;

/**
 * Gives a call refused by a route's roles the JSON body of the internal APIs' other errors: 401 (anonymous) and 403
 * (a caller the route is not for). Quarkus Security's exception mappers answer the status and the challenge; this
 * filter adds the body on the internal paths only, so the refusals of other paths (the gateway's, in its own
 * dialect) stay as they are. A token refused before the routes is answered by {@link InternalAuthenticationFailures}.
 */
@Provider
public class InternalCallRefusals implements ContainerResponseFilter {

    static final Problem UNAUTHENTICATED = Problem.of(ErrorCodes.UNAUTHENTICATED,
            "A service token this service accepts is required: Authorization: Bearer <token>.");
    static final Problem FORBIDDEN = Problem.of(ErrorCodes.FORBIDDEN, "This caller may not call this route.");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!InternalApi.isInternalPath(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        if (response.getStatus() == 401) {
            answer(response, UNAUTHENTICATED);
        } else if (response.getStatus() == 403) {
            answer(response, FORBIDDEN);
        }
    }

    private static void answer(ContainerResponseContext response, Problem problem) {
        response.setEntity(problem, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }
}
