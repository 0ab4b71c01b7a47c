package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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
        String sql = "SELECT id, email, first_name, last_name, phone_number FROM contacts WHERE id = ANY (?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", contactIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    contacts.put(rows.getLong(1), new StepContact(rows.getLong(1), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            return contacts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the contacts of due steps", e);
        }
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

    private static void updateEnrollments(Connection connection, List<EnrollmentChange> changes)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE enrollments SET state = ?, active = ?, next_stage_id = ?, anchor_at = ?, due_at = ?,
                    attempts = ?, retrying_since = ?, last_error = ?, ended_at = ?, end_reason = ?
                WHERE id = ?""")) {
            for (EnrollmentChange change : changes) {
                update.setString(1, change.state());
                update.setBoolean(2, change.active());
                setLong(update, 3, change.nextStageId());
                update.setTimestamp(4, Timestamp.from(change.anchorAt()));
                setInstant(update, 5, change.dueAt());
                update.setInt(6, change.attempts());
                setInstant(update, 7, change.retryingSince());
                update.setString(8, change.lastError());
                setInstant(update, 9, change.endedAt());
                update.setString(10, change.endReason());
                update.setLong(11, change.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
