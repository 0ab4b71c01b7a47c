package me.wolfeo.sequences.gateway.api;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.http.Lookups;

/** Calls a service's internal read API, turning its 404 and its absence into the public answers. */
public final class ServiceReads {

    private static final Logger LOG = Logger.getLogger(ServiceReads.class);

    private ServiceReads() {
    }

    public static <T> T read(String notFoundMessage, Supplier<T> call) {
        try {
            return Lookups.orEmptyIfNotFound(call).orElseThrow(() -> ApiException.notFound(notFoundMessage));
        } catch (WebApplicationException e) {
            LOG.warnf("A service read failed with %d", e.getResponse().getStatus());
            throw ApiException.unavailable("The platform cannot answer right now; please retry.");
        } catch (ProcessingException e) {
            LOG.warnf("A service read failed: %s", Failures.describe(e));
            throw ApiException.unavailable("The platform cannot answer right now; please retry.");
        }
    }
}
