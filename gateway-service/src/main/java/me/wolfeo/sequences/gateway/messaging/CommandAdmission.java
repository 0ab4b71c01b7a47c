package me.wolfeo.sequences.gateway.messaging;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.api.ApiException;

/**
 * Bounds the commands this gateway instance awaits replies to. Past the bound a request is shed at once (503 with
 * {@code Retry-After}) rather than queued behind the others: under overload the accepted requests keep their
 * latency, and the rest learn at once that they should come back.
 */
@ApplicationScoped
public class CommandAdmission {

    static final long RETRY_AFTER_SECONDS = 1;
    private static final Logger LOG = Logger.getLogger(CommandAdmission.class);

    private final Semaphore inFlight;
    private final int limit;
    private long shedSinceLastLog;
    private long lastLogNanos;

    public CommandAdmission(GatewayConfig config) {
        this.limit = config.limits().maxCommandsInFlight();
        this.inFlight = new Semaphore(limit);
    }

    /** Admits one command, or refuses it as overloaded; an admitted command must be {@link #release()}d once. */
    public void admit() {
        if (!inFlight.tryAcquire()) {
            logShed();
            throw ApiException.overloaded(RETRY_AFTER_SECONDS);
        }
    }

    public void release() {
        inFlight.release();
    }

    /** How many commands await their replies now. */
    public int inFlight() {
        return limit - inFlight.availablePermits();
    }

    /** One line per second at most while shedding, not one per refused request. */
    private synchronized void logShed() {
        shedSinceLastLog++;
        long now = System.nanoTime();
        if (now - lastLogNanos >= 1_000_000_000L) {
            LOG.warnf("At capacity (%d commands in flight): shed %d requests with 503", limit, shedSinceLastLog);
            shedSinceLastLog = 0;
            lastLogNanos = now;
        }
    }
}
