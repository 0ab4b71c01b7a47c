package me.wolfeo.sequences.gateway.health;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiExceptionMappers;
import me.wolfeo.sequences.gateway.api.Dialect;
import me.wolfeo.sequences.platform.Failures;

/**
 * A database that cannot be reached (down, restarting, out of connections) is answered 503
 * {@code SERVICE_UNAVAILABLE} in the request's dialect, not 500: every authenticated request looks its token up
 * there, so during a PostgreSQL restart the caller is told to retry rather than that the gateway is broken. Any
 * other database failure is left to {@link ApiExceptionMappers} (500).
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    public static final String MESSAGE = "The platform cannot take requests right now; please retry.";

    private final ApiExceptionMappers others = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response databaseFailure(PersistenceException error, HttpServerRequest request) {
        if (!isUnreachable(error)) {
            return others.unexpected(error, request);
        }
        LOG.warnf("The database is unreachable, answering %s with 503: %s", request.path(),
                Failures.describe(error));
        ApiException unavailable = ApiException.unavailable(MESSAGE);
        return Response.status(unavailable.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Dialect.ofPath(request.path()).errorBody(unavailable)).build();
    }

    /**
     * True when the failure is the database being out of reach rather than the request or the code: no
     * connection (refused, timed out, unknown host, pool exhausted), a broken one, or a server shutting down or
     * starting up. Public for ApiExceptionMappers, to answer a wrapped one (a failed commit, an outbox write) the
     * same way.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).startsWith("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /** 08: connection exceptions; 57P01-57P03: shutting down, crashed, starting up; 53300: too many connections. */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
