package me.wolfeo.sequences.gateway.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import me.wolfeo.sequences.gateway.GatewayConfig;

/**
 * Answers, in the dialect of the path, what the HTTP server refuses before JAX-RS sees a request: a request target
 * or headers over the gateway's limits (414 {@code URI_TOO_LONG}, 431 {@code HEADERS_TOO_LARGE}), a body that
 * declares a size over the limit (413 {@code PAYLOAD_TOO_LARGE}), a URI that is not one (400 {@code BAD_REQUEST},
 * e.g. {@code ?sequence_id=%zz}), and whatever the router itself fails.
 *
 * <p>
 * Vert.x answers the requests its HTTP decoder refuses with an empty body, and never shows them to the router (a
 * too-long request line even loses its path); Quarkus's own body-size check and its URI check do the same. So the
 * decoder's limits ({@code quarkus.http.limits.*}) are set far above the gateway's, Quarkus's URI check is turned
 * off ({@link me.wolfeo.sequences.gateway.GatewayMain}), and the gateway's checks are made here, in the first
 * route, before Quarkus's body-size check. A request refused before its body was read ends its connection
 * (HTTP/1.1), as Quarkus's own refusals do: the rest of its body is never read.
 */
@ApplicationScoped
public class HttpRefusals {

    private static final Logger LOG = Logger.getLogger(HttpRefusals.class);

    private final GatewayConfig.Limits limits;
    private final ObjectMapper mapper;

    public HttpRefusals(GatewayConfig config, ObjectMapper mapper) {
        this.limits = config.limits();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        int first = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
        router.route().order(first).handler(this::check);
        // The router's failures: in a route, and before any route can run (a path or query it cannot decode).
        router.route().order(first).failureHandler(context -> {
            if (context.response().headWritten()) {
                context.next();
            } else {
                failed(context);
            }
        });
        for (int status : new int[]{400, 404, 405, 413, 414, 431, 500}) {
            router.errorHandler(status, context -> {
                if (!context.response().headWritten()) {
                    failed(context);
                }
            });
        }
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        ApiException refusal = refusal(request);
        if (refusal != null) {
            answer(context, refusal);
            return;
        }
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A body without a declared size is counted as it is read; refused, it was not read to its end.
            context.addEndHandler(ended -> {
                if (context.response().getStatusCode() == 413) {
                    closeConnection(request);
                }
            });
        }
        context.next();
    }

    private ApiException refusal(HttpServerRequest request) {
        if (request.uri().length() > limits.maxUriLength()) {
            return new ApiException(414, "URI_TOO_LONG",
                    "The request URI is longer than " + limits.maxUriLength() + " characters.");
        }
        try {
            new URI(request.uri()); // Quarkus's own check, which GatewayMain turns off: it answers with no body
        } catch (URISyntaxException e) {
            return new ApiException(400, "BAD_REQUEST", "The request URI is malformed: " + e.getReason() + ".");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            return new ApiException(431, "HEADERS_TOO_LARGE",
                    "The request headers are larger than " + limits.maxHeaderBytes() / 1024 + " KiB.");
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit)
                && (length.length() > 12 || Long.parseLong(length) > limits.maxRequestBytes())) {
            return ApiException.payloadTooLarge(limits.maxRequestBytes());
        }
        return null;
    }

    private void failed(RoutingContext context) {
        // A route before the checks failed on a request they refuse (the HTTP metrics' and traces' route decodes the
        // path, and fails on one like /v1/seq%zzuence): the checks' answer.
        ApiException refusal = refusal(context.request());
        if (refusal != null) {
            answer(context, refusal);
            return;
        }
        int status = context.failure() instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        ApiException answer = switch (status) {
            case 404 -> ApiException.notFound("The requested resource does not exist.");
            case 405 -> new ApiException(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this path.");
            case 413 -> ApiException.payloadTooLarge(limits.maxRequestBytes());
            default -> status >= 400 && status < 500
                    ? new ApiException(status, "BAD_REQUEST", "The request is malformed.")
                    : unexpected(context);
        };
        answer(context, answer);
    }

    private static ApiException unexpected(RoutingContext context) {
        LOG.errorf(context.failure(), "Unexpected failure answering %s", context.request().path());
        return new ApiException(500, "INTERNAL_ERROR", "Something went wrong on our side; please try again.");
    }

    private void answer(RoutingContext context, ApiException error) {
        HttpServerRequest request = context.request();
        String body;
        try {
            body = mapper.writeValueAsString(Dialect.ofPath(request.path()).errorBody(error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (request.version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            context.addEndHandler(ended -> closeConnection(request));
        }
        context.response().end(body);
    }

    private static void closeConnection(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2) {
            request.connection().close();
        }
    }
}
