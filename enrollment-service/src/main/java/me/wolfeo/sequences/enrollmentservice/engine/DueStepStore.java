package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleJson;

/**
 * The engine's SQL, in plain JDBC on the caller's transaction: claim due enrollments in a batch
 * ({@code FOR UPDATE SKIP LOCKED}, so any number of claim loops and replicas share the work without waiting on
 * each other), read what their steps need in one query each, and write the outcomes back as JDBC batches.
 */
@ApplicationScoped
class DueStepStore {

    private final AgroalDataSource dataSource;

    DueStepStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<DueEnrollment> claim(Instant now, int limit) {
        String sql = """
                SELECT id, account_id, contact_id, sequence_id, next_stage_id, anchor_at, due_at, attempts,
                    retrying_since
                FROM enrollments
                WHERE state = 'active' AND NOT sequence_paused AND due_at IS NOT NULL AND due_at <= ?
                ORDER BY due_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            List<DueEnrollment> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long nextStage = rows.getLong(5);
                    due.add(new DueEnrollment(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.wasNull() ? null : nextStage, instant(rows, 6), instant(rows, 7), rows.getInt(8),
                            instant(rows, 9)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim due steps", e);
        }
    }

    Map<Long, StepContact> contacts(Collection<Long> contactIds) {
        Map<Long, StepContact> contacts = new HashMap<>();
        String sql = "SELECT id, email, first_name, last_name, phone_number, timezone FROM contacts WHERE id = ANY (?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", contactIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    contacts.put(rows.getLong(1), new StepContact(rows.getLong(1), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
            return contacts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the contacts of due steps", e);
        }
    }

    /** The throttle counts of one claim, for the minute of {@code now}. */
    SequenceStarts startsIn(Instant now) {
        return new SequenceStarts(dataSource, now);
    }

    /** The daily caps of emails per sender of these accounts, for the day of {@code now}. */
    SenderSends sendsIn(Instant now, Collection<Long> accountIds) {
        return new SenderSends(dataSource, now, byId("SELECT account_id, emails_per_sender_per_day"
                + " FROM account_projection WHERE account_id = ANY (?) AND emails_per_sender_per_day IS NOT NULL",
                accountIds, rows -> rows.getInt(2), "the sending caps"));
    }

    /** The schedules of these sequences; a sequence without one (or unknown) is absent. */
    Map<Long, Schedule> schedules(Collection<Long> sequenceIds) {
        return byId("SELECT sequence_id, schedule FROM sequence_projection WHERE sequence_id = ANY (?)"
                + " AND schedule IS NOT NULL", sequenceIds, rows -> ScheduleJson.read(rows.getString(2)),
                "the schedules");
    }

    /** Reads one value per id: the query takes the ids as its one array parameter and gives each id first. */
    private <V> Map<Long, V> byId(String sql, Collection<Long> ids, ColumnReader<V> value, String what) {
        Map<Long, V> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getLong(1), value.read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what + " of due steps", e);
        }
    }

    @FunctionalInterface
    private interface ColumnReader<V> {

        V read(ResultSet rows) throws SQLException;
    }

    /** The stages each of these enrollments has already run (done, skipped or failed). */
    Map<Long, Set<Long>> stagesRun(Collection<Long> enrollmentIds) {
        Map<Long, Set<Long>> run = new HashMap<>();
        String sql = "SELECT enrollment_id, stage_id FROM enrollment_steps WHERE enrollment_id = ANY (?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", enrollmentIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    run.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getLong(2));
                }
            }
            return run;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the steps enrollments ran", e);
        }
    }

    void write(List<StepRecord> steps, List<EnrollmentChange> changes) {
        try (Connection connection = dataSource.getConnection()) {
            if (!steps.isEmpty()) {
                insertSteps(connection, steps);
            }
            if (!changes.isEmpty()) {
                updateEnrollments(connection, changes);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the steps run", e);
        }
    }

    private static void insertSteps(Connection connection, List<StepRecord> steps) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO enrollment_steps (enrollment_id, stage_id, step, stage_type, outcome, reason,
                    delivery_id, attempts, ran_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (StepRecord step : steps) {
                insert.setLong(1, step.enrollmentId());
                insert.setLong(2, step.stageId());
                insert.setInt(3, step.step());
                insert.setString(4, step.stageType());
                insert.setString(5, step.outcome());
                insert.setString(6, step.reason());
                insert.setString(7, step.deliveryId());
                insert.setInt(8, step.attempts());
                insert.setTimestamp(9, Timestamp.from(step.ranAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** One statement for the whole batch: the rows' new values travel as arrays. */
    private static void updateEnrollments(Connection connection, List<EnrollmentChange> changes)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE enrollments e SET state = c.state, active = c.active, next_stage_id = c.next_stage_id,
                    anchor_at = c.anchor_at, due_at = c.due_at, attempts = c.attempts,
                    retrying_since = c.retrying_since, last_error = c.last_error, ended_at = c.ended_at,
                    end_reason = c.end_reason, wait_reason = c.wait_reason
                FROM unnest(?::bigint[], ?::text[], ?::boolean[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],
                    ?::int[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                    AS c(id, state, active, next_stage_id, anchor_at, due_at, attempts, retrying_since, last_error,
                        ended_at, end_reason, wait_reason)
                WHERE e.id = c.id""")) {
            update.setArray(1, connection.createArrayOf("bigint",
                    changes.stream().map(EnrollmentChange::id).toArray(Long[]::new)));
            update.setArray(2, connection.createArrayOf("text",
                    changes.stream().map(EnrollmentChange::state).toArray(String[]::new)));
            update.setArray(3, connection.createArrayOf("boolean",
                    changes.stream().map(EnrollmentChange::active).toArray(Boolean[]::new)));
            update.setArray(4, connection.createArrayOf("bigint",
                    changes.stream().map(EnrollmentChange::nextStageId).toArray(Long[]::new)));
            update.setArray(5, timestamps(connection, changes.stream().map(EnrollmentChange::anchorAt).toList()));
            update.setArray(6, timestamps(connection, changes.stream().map(EnrollmentChange::dueAt).toList()));
            update.setArray(7, connection.createArrayOf("integer",
                    changes.stream().map(EnrollmentChange::attempts).toArray(Integer[]::new)));
            update.setArray(8, timestamps(connection,
                    changes.stream().map(EnrollmentChange::retryingSince).toList()));
            update.setArray(9, connection.createArrayOf("text",
                    changes.stream().map(EnrollmentChange::lastError).toArray(String[]::new)));
            update.setArray(10, timestamps(connection, changes.stream().map(EnrollmentChange::endedAt).toList()));
            update.setArray(11, connection.createArrayOf("text",
                    changes.stream().map(EnrollmentChange::endReason).toArray(String[]::new)));
            update.setArray(12, connection.createArrayOf("text",
                    changes.stream().map(EnrollmentChange::waitReason).toArray(String[]::new)));
            update.executeUpdate();
        }
    }

    private static java.sql.Array timestamps(Connection connection, List<Instant> instants) throws SQLException {
        return connection.createArrayOf("timestamptz",
                instants.stream().map(instant -> instant == null ? null : Timestamp.from(instant))
                        .toArray(Timestamp[]::new));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
