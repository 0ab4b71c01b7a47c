package me.wolfeo.sequences.platform.messaging.inbound;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the surroundings (a server down or busy, a deadlock) from a failure of the message itself.
 * The first is retried until the surroundings recover; only the second sends a message to the dead-letter topic.
 */
final class TransientFailures {

    /** Failures of other servers, by class name, to avoid depending on every client library. */
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "software.amazon.awssdk.core.exception.SdkClientException",
            "software.amazon.awssdk.core.exception.ApiCallTimeoutException",
            "software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException",
            "jakarta.ws.rs.ProcessingException",
            "org.apache.kafka.common.errors.RetriableException");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && isRetryableState(sql.getSQLState())) {
                return true;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (TRANSIENT_CLASS_NAMES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Connection failures (08), serialization failures and deadlocks (40001, 40P01), server shutdown (57P). */
    private static boolean isRetryableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                || state.startsWith("57P") || state.equals("53300"));
    }
}
