package me.wolfeo.sequences.gateway.security;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiExceptionMappers;

/**
 * Answers Quarkus Security's refusals 401 in the dialect of the path, saying which credentials the route takes. A
 * caller whose credentials are good but of the wrong kind (an API token on /admin, the admin key on /v1) is told
 * the same: those credentials are not the ones of this route.
 */
public class AuthenticationRefusals {

    static final String MISSING_TOKEN = "Missing API token: send Authorization: Bearer <token>.";

    private final AdminKeyIdentityProvider admin;

    public AuthenticationRefusals(AdminKeyIdentityProvider admin) {
        this.admin = admin;
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException error, HttpServerRequest request) {
        String message = CredentialsRefused.callerMessage(error).orElseGet(() -> missing(request));
        return respond(message, request);
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException error, HttpServerRequest request) {
        return respond(missing(request), request);
    }

    @ServerExceptionMapper
    public Response wrongKind(ForbiddenException error, HttpServerRequest request) {
        return respond(missing(request), request);
    }

    private String missing(HttpServerRequest request) {
        if (request.path().startsWith("/admin/")) {
            return admin.isEnabled() ? AdminKeyIdentityProvider.WRONG_KEY : AdminKeyIdentityProvider.DISABLED;
        }
        return MISSING_TOKEN;
    }

    private static Response respond(String message, HttpServerRequest request) {
        Response answer = ApiExceptionMappers.respond(ApiException.unauthenticated(message), request);
        return Response.fromResponse(answer).header("WWW-Authenticate", "Bearer").build();
    }
}
