package me.wolfeo.sequences.enrollmentservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;

/** The throttle and cap counters of minutes and days long over are forgotten; the current ones are kept. */
@QuarkusTest
class QuotaCleanupTest {

    @Inject
    QuotaCleanup cleanup;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void countersOlderThanADayGoAndTodaysStay() throws SQLException {
        Instant now = Instant.parse("2031-03-10T12:00:30Z");
        long sequenceId = EnrollmentFixtures.newId();
        long accountId = EnrollmentFixtures.newId();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection()) {
            insertStart(connection, sequenceId, now.truncatedTo(ChronoUnit.MINUTES));
            insertStart(connection, sequenceId, now.minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES));
            insertSend(connection, accountId, today);
            insertSend(connection, accountId, today.minusDays(3));
        }

        assertThat(cleanup.forget(now)).isGreaterThanOrEqualTo(2);

        assertThat(count("SELECT count(*) FROM sequence_starts WHERE sequence_id = " + sequenceId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sender_daily_sends WHERE account_id = " + accountId)).isEqualTo(1);
    }

    private static void insertStart(Connection connection, long sequenceId, Instant minute) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sequence_starts (sequence_id, minute, started) VALUES (?, ?, 1)")) {
            insert.setLong(1, sequenceId);
            insert.setTimestamp(2, Timestamp.from(minute));
            insert.executeUpdate();
        }
    }

    private static void insertSend(Connection connection, long accountId, LocalDate day) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sender_daily_sends (account_id, sender, day, sent) VALUES (?, 'a@b.test', ?, 1)")) {
            insert.setLong(1, accountId);
            insert.setObject(2, day);
            insert.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
