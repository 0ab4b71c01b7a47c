package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.metrics.CommittedCounts;
import me.wolfeo.sequences.platform.metrics.MetricsConfig;

/**
 * The engine's meters: the steps it ran, by outcome and stage type (counted when their claim commits), and its due
 * backlog: how many enrollments are due now and how late the most overdue one is. The backlog is read by one query
 * on the timer's partial index every {@code platform.metrics.refresh-interval} (counted up to
 * {@code platform.metrics.count-limit}, so its cost is bounded), never by a scrape.
 */
@ApplicationScoped
public class EngineMetrics {

    public static final String STEPS = "enrollment.engine.steps";
    public static final String DUE = "enrollment.engine.due";
    public static final String DUE_OLDEST_AGE = "enrollment.engine.due.oldest.age";

    private static final Logger LOG = Logger.getLogger(EngineMetrics.class);
    private static final String DUE_NOW = "WHERE state = 'active' AND NOT sequence_paused AND due_at IS NOT NULL"
            + " AND due_at <= ?";
    private static final String SQL = "SELECT (SELECT count(*) FROM (SELECT 1 FROM enrollments " + DUE_NOW
            + " LIMIT ?) AS d), (SELECT min(due_at) FROM enrollments " + DUE_NOW + ")";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final CommittedCounts counts;
    private final MetricsConfig config;
    private final Clock clock;
    private final Map<String, Counter> steps = new ConcurrentHashMap<>();
    private volatile double due = Double.NaN;
    /** The most overdue enrollment's due instant in epoch milliseconds; 0 when none is due, -1 unknown. */
    private volatile long oldestDueMillis = -1;
    private boolean failing;

    public EngineMetrics(AgroalDataSource dataSource, MeterRegistry registry, CommittedCounts counts,
            MetricsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.counts = counts;
        this.config = config;
        this.clock = clock;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder(DUE, this, metrics -> metrics.due)
                .description("Enrollments whose next step is due now (refreshed every "
                        + "platform.metrics.refresh-interval; counted up to platform.metrics.count-limit)")
                .register(registry);
        TimeGauge.builder(DUE_OLDEST_AGE, this, TimeUnit.MILLISECONDS, EngineMetrics::oldestDueAgeMillis)
                .description("How long the most overdue step has been due; 0 when none is due")
                .register(registry);
    }

    /**
     * Counts a step the engine ran: {@code done}, {@code skipped}, {@code failed}, {@code retried} (the provider
     * could not take it now) or {@code held} (its sender's daily cap), once the claim's transaction commits.
     */
    void stepRun(String outcome, String type) {
        String stageType = type == null ? "unknown" : type;
        counts.incrementOnCommit(steps.computeIfAbsent(outcome + "\n" + stageType, key -> Counter.builder(STEPS)
                .description("Steps the engine ran, by outcome and stage type")
                .tag("outcome", outcome).tag("stage_type", stageType).register(registry)));
    }

    @Scheduled(every = "${platform.metrics.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setTimestamp(1, now);
            select.setInt(2, config.countLimit());
            select.setTimestamp(3, now);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                due = row.getLong(1);
                Timestamp oldest = row.getTimestamp(2);
                oldestDueMillis = oldest == null ? 0 : oldest.getTime();
            }
            if (failing) {
                LOG.info("The engine's backlog gauges are read again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            due = Double.NaN;
            oldestDueMillis = -1;
            if (!failing) {
                LOG.warnf("Cannot read the engine's backlog: %s", Failures.describe(e));
                failing = true;
            }
        }
    }

    private double oldestDueAgeMillis() {
        long oldest = oldestDueMillis;
        if (oldest < 0) {
            return Double.NaN;
        }
        return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest);
    }
}
