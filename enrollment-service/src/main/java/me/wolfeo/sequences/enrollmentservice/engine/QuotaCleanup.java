package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Forgets the throttle and cap counters of minutes and days that are over: only the current minute's starts and
 * the current day's sends are ever read. A day of margin keeps a replica whose clock lags from recounting.
 */
@ApplicationScoped
class QuotaCleanup {

    private static final Logger LOG = Logger.getLogger(QuotaCleanup.class);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    QuotaCleanup(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetPastCounters() {
        Instant now = clock.instant();
        int forgotten = forget(now);
        if (forgotten > 0) {
            LOG.infof("Forgot %d throttle and sending-cap counters of past minutes and days", forgotten);
        }
    }

    /** Deletes the counters older than a day before {@code now}; returns how many. */
    int forget(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement starts = connection.prepareStatement(
                        "DELETE FROM sequence_starts WHERE minute < ?");
                PreparedStatement sends = connection.prepareStatement("DELETE FROM sender_daily_sends WHERE day < ?")) {
            starts.setTimestamp(1, Timestamp.from(now.minus(1, ChronoUnit.DAYS)));
            sends.setObject(1, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
            return starts.executeUpdate() + sends.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget past throttle counters", e);
        }
    }
}
