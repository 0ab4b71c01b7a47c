package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.agroal.api.AgroalDataSource;

/** The per-minute throttle of one claim: how many more contacts may start each throttled sequence this minute. */
final class SequenceStarts extends LockedQuota<Long> {

    private final Instant minute;

    SequenceStarts(AgroalDataSource dataSource, Instant now) {
        super(dataSource);
        this.minute = now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** When the next minute begins: where a contact held back by the throttle waits. */
    Instant nextMinute() {
        return minute.plus(1, ChronoUnit.MINUTES);
    }

    @Override
    String what() {
        return "the sequence starts";
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO sequence_starts (sequence_id, minute, started) VALUES (?, ?, 0)
                ON CONFLICT (sequence_id, minute) DO NOTHING""";
    }

    @Override
    String lockSql() {
        return "SELECT started FROM sequence_starts WHERE sequence_id = ? AND minute = ? FOR UPDATE";
    }

    @Override
    String updateSql() {
        return "UPDATE sequence_starts SET started = started + ? WHERE sequence_id = ? AND minute = ?";
    }

    @Override
    void bindKey(PreparedStatement statement, int first, Long sequenceId) throws SQLException {
        statement.setLong(first, sequenceId);
        statement.setTimestamp(first + 1, Timestamp.from(minute));
    }
}
