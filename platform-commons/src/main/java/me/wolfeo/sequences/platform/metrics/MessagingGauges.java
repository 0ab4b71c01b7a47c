package me.wolfeo.sequences.platform.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import me.wolfeo.sequences.platform.Failures;

/**
 * Gauges of the messaging tables: the outbox's backlog (rows not sent yet) and the age of its oldest row, and the
 * inbox's size (processed message ids remembered). They are read by one query every
 * {@code platform.metrics.refresh-interval}, never by a scrape; each count stops at
 * {@code platform.metrics.count-limit} rows and a larger table is reported from PostgreSQL's estimate, so the query
 * costs the same however large the tables grow. The oldest row's age is computed at the scrape from its creation
 * instant, so it keeps growing between refreshes while the relay is stuck.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class MessagingGauges {

    public static final String OUTBOX_BACKLOG = "platform.outbox.backlog";
    public static final String OUTBOX_OLDEST_AGE = "platform.outbox.oldest.age";
    public static final String INBOX_SIZE = "platform.inbox.size";

    private static final Logger LOG = Logger.getLogger(MessagingGauges.class);
    private static final String SQL = "SELECT"
            + " (SELECT count(*) FROM (SELECT 1 FROM platform_outbox LIMIT ?) AS o),"
            + " (SELECT created_at FROM platform_outbox ORDER BY id LIMIT 1),"
            + " (SELECT count(*) FROM (SELECT 1 FROM platform_processed_message LIMIT ?) AS p),"
            + " (SELECT reltuples FROM pg_class WHERE oid = to_regclass('platform_outbox')),"
            + " (SELECT reltuples FROM pg_class WHERE oid = to_regclass('platform_processed_message'))";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final MetricsConfig config;
    private volatile double outboxBacklog = Double.NaN;
    private volatile double inboxSize = Double.NaN;
    /** Creation instant of the oldest outbox row in epoch milliseconds; 0 when the outbox is empty, -1 unknown. */
    private volatile long oldestOutboxRowMillis = -1;
    private boolean failing;

    public MessagingGauges(AgroalDataSource dataSource, MeterRegistry registry, MetricsConfig config) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.config = config;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder(OUTBOX_BACKLOG, this, gauges -> gauges.outboxBacklog)
                .description("Outbox rows not sent to Kafka yet (refreshed every platform.metrics.refresh-interval)")
                .register(registry);
        TimeGauge.builder(OUTBOX_OLDEST_AGE, this, TimeUnit.MILLISECONDS, MessagingGauges::oldestAgeMillis)
                .description("Age of the oldest outbox row not sent yet; 0 when the outbox is empty")
                .register(registry);
        Gauge.builder(INBOX_SIZE, this, gauges -> gauges.inboxSize)
                .description("Processed message ids remembered (platform_processed_message); an estimate above "
                        + "platform.metrics.count-limit")
                .register(registry);
    }

    @Scheduled(every = "${platform.metrics.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        int limit = config.countLimit();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setInt(1, limit);
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long outbox = row.getLong(1);
                Timestamp oldest = row.getTimestamp(2);
                long inbox = row.getLong(3);
                outboxBacklog = sizeOf(outbox, row.getDouble(4), limit);
                oldestOutboxRowMillis = oldest == null ? 0 : oldest.getTime();
                inboxSize = sizeOf(inbox, row.getDouble(5), limit);
            }
            if (failing) {
                LOG.info("The messaging gauges are read again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            // Unknown until the database answers again: a stale figure would look like a healthy one.
            outboxBacklog = Double.NaN;
            inboxSize = Double.NaN;
            oldestOutboxRowMillis = -1;
            if (!failing) {
                LOG.warnf("Cannot read the messaging gauges: %s", Failures.describe(e));
                failing = true;
            }
        }
    }

    /** The exact count below the limit; at the limit, PostgreSQL's estimate when it is larger. */
    private static double sizeOf(long counted, double estimate, int limit) {
        return counted < limit ? counted : Math.max(counted, estimate);
    }

    private double oldestAgeMillis() {
        long oldest = oldestOutboxRowMillis;
        if (oldest < 0) {
            return Double.NaN;
        }
        return oldest == 0 ? 0 : Math.max(0, System.currentTimeMillis() - oldest);
    }
}
