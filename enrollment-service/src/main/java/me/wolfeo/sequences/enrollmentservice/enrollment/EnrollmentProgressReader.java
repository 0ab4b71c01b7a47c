package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;

/** Tells how far an enrollment has come: its state, the step it waits for and why, and every step it ran. */
@ApplicationScoped
public class EnrollmentProgressReader {

    private final AgroalDataSource dataSource;

    public EnrollmentProgressReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public EnrollmentProgress progressOf(Enrollment enrollment) {
        try (Connection connection = dataSource.getConnection()) {
            List<EnrollmentProgress.StepRecord> history = history(connection, enrollment.id);
            Integer step = enrollment.nextStageId == null ? null : currentStep(connection, enrollment.nextStageId);
            if (step == null && !enrollment.active && !history.isEmpty()) {
                step = history.get(history.size() - 1).step();
            }
            return new EnrollmentProgress(enrollment.id, enrollment.contactId, enrollment.sequenceId,
                    enrollment.state, step, enrollment.active ? enrollment.dueAt : null, waitingFor(enrollment),
                    enrollment.enrolledAt, enrollment.endedAt, enrollment.endReason, history);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the progress of an enrollment", e);
        }
    }

    /** What an enrollment waits for: {@code delay}, {@code retry}, {@code paused}, ...; null once it ended. */
    static String waitingFor(Enrollment enrollment) {
        if (!enrollment.active) {
            return null;
        }
        if (EnrollmentState.PAUSED.equals(enrollment.state)) {
            return "paused";
        }
        if (enrollment.sequencePaused) {
            return "sequence_paused";
        }
        if (enrollment.nextStageId == null && enrollment.dueAt == null) {
            return "stages";
        }
        if (enrollment.waitReason != null) {
            return enrollment.waitReason;
        }
        return enrollment.attempts > 0 ? "retry" : "delay";
    }

    private static Integer currentStep(Connection connection, long stageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT step FROM stage_projection WHERE stage_id = ? AND NOT deleted")) {
            select.setLong(1, stageId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    private static List<EnrollmentProgress.StepRecord> history(Connection connection, long enrollmentId)
            throws SQLException {
        List<EnrollmentProgress.StepRecord> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT stage_id, step, stage_type, outcome, reason, attempts, ran_at FROM enrollment_steps
                WHERE enrollment_id = ? ORDER BY ran_at, step""")) {
            select.setLong(1, enrollmentId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(new EnrollmentProgress.StepRecord(rows.getLong(1), rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getTimestamp(7).toInstant()));
                }
            }
        }
        return steps;
    }
}
