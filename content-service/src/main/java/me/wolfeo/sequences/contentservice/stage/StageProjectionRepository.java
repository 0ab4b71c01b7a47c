package me.wolfeo.sequences.contentservice.stage;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The stage projection. Rows are written with upserts so that the event consumer and the command consumer, which
 * may learn of the same stage at the same moment, never fail on each other.
 */
@ApplicationScoped
public class StageProjectionRepository implements PanacheRepositoryBase<StageProjection, Long> {

    /** Records a stage unless it is already known (as alive or as a tombstone). */
    public void rememberIfNew(long stageId, long accountId, long sequenceId, String stageType) {
        getEntityManager().createNativeQuery("""
                INSERT INTO stage_projection (stage_id, account_id, sequence_id, stage_type, deleted)
                VALUES (?1, ?2, ?3, ?4, false)
                ON CONFLICT (stage_id) DO NOTHING""")
                .setParameter(1, stageId).setParameter(2, accountId).setParameter(3, sequenceId)
                .setParameter(4, stageType).executeUpdate();
    }

    /** Marks a stage deleted, creating its tombstone if the stage was never seen. */
    public void markDeleted(long stageId, long accountId, long sequenceId, String stageType) {
        getEntityManager().createNativeQuery("""
                INSERT INTO stage_projection (stage_id, account_id, sequence_id, stage_type, deleted)
                VALUES (?1, ?2, ?3, ?4, true)
                ON CONFLICT (stage_id) DO UPDATE SET deleted = true""")
                .setParameter(1, stageId).setParameter(2, accountId).setParameter(3, sequenceId)
                .setParameter(4, stageType).executeUpdate();
    }

    /** The stage of this account, locked until the end of the transaction. */
    public Optional<StageProjection> lockOwned(long accountId, long stageId) {
        return find("stageId = ?1 and accountId = ?2", stageId, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<StageProjection> inSequence(long sequenceId) {
        return list("sequenceId", sequenceId);
    }
}
