package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.enrollmentservice.stage.ProjectedStage;

/**
 * Keeps the timers of waiting enrollments true when their sequence changes, with one set-based statement per
 * change (in the caller's transaction). Where the next stage is no longer certain, the enrollment is marked for
 * resolution ({@code next_stage_id} null, due now): the engine then picks the first live stage it has not run.
 */
@ApplicationScoped
public class WaitingEnrollments {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public WaitingEnrollments(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A stage was added at the end of a sequence: the contacts that had run every stage now have one more. */
    public void stageAdded(long sequenceId) {
        update("""
                UPDATE enrollments SET due_at = ? WHERE sequence_id = ? AND active AND next_stage_id IS NULL
                AND due_at IS NULL""", sequenceId);
    }

    /** A stage's delay changed: those waiting for it wait for the new delay from the same instant. */
    public void stageChanged(ProjectedStage stage) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE enrollments SET due_at = anchor_at + make_interval(secs => ?)
                        WHERE next_stage_id = ? AND active AND attempts = 0""")) {
            update.setLong(1, stage.delay().toSeconds());
            update.setLong(2, stage.stageId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot re-time the enrollments of a stage", e);
        }
    }

    /** A stage was deleted: those waiting for it go on to the stage after it. */
    public void stageRemoved(long stageId) {
        update("""
                UPDATE enrollments SET next_stage_id = NULL, due_at = ?, attempts = 0, retrying_since = NULL
                WHERE next_stage_id = ? AND active""", stageId);
    }

    /** A sequence was paused or resumed: its enrollments leave or re-enter the timer. */
    public void sequencePaused(long sequenceId, boolean paused) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE enrollments SET sequence_paused = ? WHERE sequence_id = ? AND active
                        AND sequence_paused <> ?""")) {
            update.setBoolean(1, paused);
            update.setLong(2, sequenceId);
            update.setBoolean(3, paused);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot pause the enrollments of a sequence", e);
        }
    }

    private void update(String sql, long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot re-time enrollments", e);
        }
    }
}
