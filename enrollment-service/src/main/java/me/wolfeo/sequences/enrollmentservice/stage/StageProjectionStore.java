package me.wolfeo.sequences.enrollmentservice.stage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;

/**
 * SQL on {@code stage_projection}, in the caller's transaction. Written with upserts, because events and
 * read-API answers may race; a tombstone (deleted stage) is never brought back.
 */
@ApplicationScoped
public class StageProjectionStore {

    private static final String COLUMNS = "stage_id, sequence_id, account_id, step, name, stage_type, time_value, "
            + "time_type, active, sms_text";

    private final AgroalDataSource dataSource;

    public StageProjectionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Remembers a stage as an event or the read API describes it, unless it was deleted meanwhile. */
    public void remember(long accountId, Collection<StageData> stages) {
        if (stages.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO stage_projection (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (stage_id) DO UPDATE SET step = excluded.step, name = excluded.name, "
                + "time_value = excluded.time_value, time_type = excluded.time_type, active = excluded.active, "
                + "sms_text = excluded.sms_text WHERE NOT stage_projection.deleted";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (StageData stage : stages) {
                upsert.setLong(1, stage.id());
                upsert.setLong(2, stage.sequenceId());
                upsert.setLong(3, accountId);
                upsert.setInt(4, stage.step());
                upsert.setString(5, stage.name());
                upsert.setString(6, stage.stageType());
                upsert.setInt(7, stage.timeValue());
                upsert.setInt(8, stage.timeType());
                upsert.setBoolean(9, stage.active());
                upsert.setString(10, stage.smsText());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remember stages", e);
        }
    }

    /** Marks a stage deleted and gives the remaining stages of its sequence their new steps. */
    public void markDeleted(long accountId, StageDeleted deleted) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement tombstone = connection.prepareStatement("""
                    INSERT INTO stage_projection (stage_id, sequence_id, account_id, step, name, stage_type,
                        time_value, time_type, active, deleted)
                    VALUES (?, ?, ?, 0, '', coalesce(?, 'action'), 0, 3600, false, true)
                    ON CONFLICT (stage_id) DO UPDATE SET deleted = true""")) {
                tombstone.setLong(1, deleted.stageId());
                tombstone.setLong(2, deleted.sequenceId());
                tombstone.setLong(3, accountId);
                tombstone.setString(4, deleted.stageType());
                tombstone.executeUpdate();
            }
            if (deleted.steps() != null && !deleted.steps().isEmpty()) {
                try (PreparedStatement renumber = connection.prepareStatement("""
                        UPDATE stage_projection p SET step = s.step
                        FROM unnest(?::bigint[], ?::int[]) AS s(stage_id, step)
                        WHERE p.stage_id = s.stage_id AND NOT p.deleted""")) {
                    renumber.setArray(1, connection.createArrayOf("bigint",
                            deleted.steps().stream().map(StageDeleted.StageStep::stageId).toArray(Long[]::new)));
                    renumber.setArray(2, connection.createArrayOf("integer",
                            deleted.steps().stream().map(StageDeleted.StageStep::step).toArray(Integer[]::new)));
                    renumber.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget a stage", e);
        }
    }

    public void markSequenceDeleted(long sequenceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE stage_projection SET deleted = true WHERE sequence_id = ?")) {
            update.setLong(1, sequenceId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot forget the stages of a sequence", e);
        }
    }

    /** The live stages of these sequences, each list in step order. */
    public Map<Long, List<ProjectedStage>> liveStagesOf(Collection<Long> sequenceIds) {
        Map<Long, List<ProjectedStage>> stages = new LinkedHashMap<>();
        if (sequenceIds.isEmpty()) {
            return stages;
        }
        String sql = "SELECT " + COLUMNS + " FROM stage_projection WHERE sequence_id = ANY (?) AND NOT deleted "
                + "ORDER BY sequence_id, step";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", sequenceIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ProjectedStage stage = read(rows);
                    stages.computeIfAbsent(stage.sequenceId(), id -> new ArrayList<>()).add(stage);
                }
            }
            return stages;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read stages", e);
        }
    }

    private static ProjectedStage read(ResultSet rows) throws SQLException {
        return new ProjectedStage(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getInt(4),
                rows.getString(5), rows.getString(6), rows.getInt(7), rows.getInt(8), rows.getBoolean(9),
                rows.getString(10));
    }
}
