package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import io.agroal.api.AgroalDataSource;

/**
 * The per-minute throttle of one claim: how many more contacts may start each throttled sequence this minute. The
 * count of a (sequence, minute) is read under its row lock, which the claim's transaction holds until it commits,
 * so two engine replicas never hand out the same starts: the throttle holds in total, not per replica.
 */
final class SequenceStarts {

    private final AgroalDataSource dataSource;
    private final Instant minute;
    private final Map<Long, Integer> left = new HashMap<>();
    private final Map<Long, Integer> taken = new HashMap<>();

    SequenceStarts(AgroalDataSource dataSource, Instant now) {
        this.dataSource = dataSource;
        this.minute = now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** When the next minute begins: where a contact held back by the throttle waits. */
    Instant nextMinute() {
        return minute.plus(1, ChronoUnit.MINUTES);
    }

    /** Takes one start of the sequence in this minute, if its throttle has one left. */
    boolean take(long sequenceId, int perMinute) {
        int remaining = left.computeIfAbsent(sequenceId, id -> perMinute - startedThisMinute(id));
        if (remaining <= 0) {
            return false;
        }
        left.put(sequenceId, remaining - 1);
        taken.merge(sequenceId, 1, Integer::sum);
        return true;
    }

    /** Counts the starts taken; in the claim's transaction, so they count only if it commits. */
    void write() {
        if (taken.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE sequence_starts SET started = started + ? WHERE sequence_id = ? AND minute = ?")) {
            for (Map.Entry<Long, Integer> entry : taken.entrySet()) {
                update.setInt(1, entry.getValue());
                update.setLong(2, entry.getKey());
                update.setTimestamp(3, Timestamp.from(minute));
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the sequence starts", e);
        }
    }

    private int startedThisMinute(long sequenceId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sequence_starts (sequence_id, minute, started) VALUES (?, ?, 0)
                    ON CONFLICT (sequence_id, minute) DO NOTHING""")) {
                insert.setLong(1, sequenceId);
                insert.setTimestamp(2, Timestamp.from(minute));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT started FROM sequence_starts WHERE sequence_id = ? AND minute = ? FOR UPDATE")) {
                select.setLong(1, sequenceId);
                select.setTimestamp(2, Timestamp.from(minute));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sequence starts", e);
        }
    }
}
