package me.wolfeo.sequences.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

import me.wolfeo.sequences.gateway.health.DatabaseUnavailableMapper;

/**
 * Answers every failure in the dialect of the request's path, never with a stack trace: the gateway's own
 * refusals, the framework's (unknown path, wrong method, unreadable parameter) and, as 500, the unexpected.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiException error, HttpServerRequest request) {
        return respond(error, request);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException error, HttpServerRequest request) {
        int status = error.getResponse().getStatus();
        ApiException answer = switch (status) {
            case 404 -> ApiException.notFound("The requested resource does not exist.");
            case 405 -> new ApiException(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this path.");
            case 406 -> new ApiException(406, "NOT_ACCEPTABLE", "This resource only answers application/json.");
            case 413 -> new ApiException(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
            case 415 -> new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
            default -> status >= 500
                    ? unexpected(error, request)
                    : new ApiException(status, "BAD_REQUEST", "The request is malformed.");
        };
        return respond(answer, request);
    }

    /** A database out of reach, however wrapped, is 503 (the platform is unavailable), anything else 500. */
    @ServerExceptionMapper
    public Response unexpected(Throwable error, HttpServerRequest request) {
        if (DatabaseUnavailableMapper.isUnreachable(error)) {
            return respond(ApiException.unavailable(DatabaseUnavailableMapper.MESSAGE), request);
        }
        return respond(unexpected(error, request.path()), request);
    }

    private static ApiException unexpected(WebApplicationException error, HttpServerRequest request) {
        return unexpected((Throwable) error, request.path());
    }

    private static ApiException unexpected(Throwable error, String path) {
        LOG.errorf(error, "Unexpected failure answering %s", path);
        return new ApiException(500, "INTERNAL_ERROR", "Something went wrong on our side; please try again.");
    }

    /** The refusal in the dialect of the request's path. */
    public static Response respond(ApiException error, HttpServerRequest request) {
        Dialect dialect = Dialect.ofPath(request.path());
        Response.ResponseBuilder answer = Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(dialect.errorBody(error));
        if (error.retryAfterSeconds() != null) {
            answer.header("Retry-After", error.retryAfterSeconds());
        }
        return answer.build();
    }
}
