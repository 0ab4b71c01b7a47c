package me.wolfeo.sequences.platform.messaging.inbound;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import me.wolfeo.sequences.platform.messaging.MessagingConfig;

/** Forgets processed message ids (and so idempotency keys) once they are older than the retention. */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class InboxCleanup {

    private static final Logger LOG = Logger.getLogger(InboxCleanup.class);

    private final Inbox inbox;
    private final MessagingConfig config;

    public InboxCleanup(Inbox inbox, MessagingConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    @Scheduled(every = "${platform.messaging.inbox.cleanup-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        Instant cutoff = Instant.now().minus(config.inbox().retention());
        int forgotten = QuarkusTransaction.requiringNew().call(() -> inbox.forgetBefore(cutoff));
        if (forgotten > 0) {
            LOG.infof("Forgot %d processed message ids older than %s", forgotten, cutoff);
        }
    }
}
