package me.wolfeo.sequences.enrollmentservice.sequence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import me.wolfeo.sequences.platform.contract.sequence.ScheduleJson;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;

/** The sequence projection, written with upserts (events and read-API answers may race). */
@ApplicationScoped
public class SequenceProjectionRepository implements PanacheRepositoryBase<SequenceProjection, Long> {

    /**
     * Remembers a sequence heard of for the first time, from its creation event or from the read API: either way,
     * its stages are learned with it (the events that follow, or the read API's answer).
     */
    public void rememberIfNew(long accountId, SequenceData sequence) {
        getEntityManager().createNativeQuery("""
                INSERT INTO sequence_projection (sequence_id, account_id, name, created_at, deleted, paused,
                    stages_known, schedule, stop_on_reply, stop_on_meeting)
                VALUES (?1, ?2, ?3, ?4, false, ?5, true, cast(?6 AS jsonb), ?7, ?8)
                ON CONFLICT (sequence_id) DO NOTHING""")
                .setParameter(1, sequence.id()).setParameter(2, accountId).setParameter(3, sequence.name())
                .setParameter(4, sequence.createdAt()).setParameter(5, sequence.paused())
                .setParameter(6, ScheduleJson.write(sequence.schedule())).setParameter(7, sequence.stopOnReply())
                .setParameter(8, sequence.stopOnMeeting()).executeUpdate();
    }

    /** Renamed, paused or resumed, rescheduled; a deleted sequence stays deleted. */
    public void updated(long accountId, SequenceData sequence) {
        getEntityManager().createNativeQuery("""
                INSERT INTO sequence_projection (sequence_id, account_id, name, created_at, deleted, paused,
                    stages_known, schedule, stop_on_reply, stop_on_meeting)
                VALUES (?1, ?2, ?3, ?4, false, ?5, false, cast(?6 AS jsonb), ?7, ?8)
                ON CONFLICT (sequence_id) DO UPDATE SET name = excluded.name, paused = excluded.paused,
                    schedule = excluded.schedule, stop_on_reply = excluded.stop_on_reply,
                    stop_on_meeting = excluded.stop_on_meeting""")
                .setParameter(1, sequence.id()).setParameter(2, accountId).setParameter(3, sequence.name())
                .setParameter(4, sequence.createdAt()).setParameter(5, sequence.paused())
                .setParameter(6, ScheduleJson.write(sequence.schedule())).setParameter(7, sequence.stopOnReply())
                .setParameter(8, sequence.stopOnMeeting()).executeUpdate();
    }

    /** The stages of these sequences were learned from the read API. */
    public void stagesLearned(long sequenceId) {
        getEntityManager().createNativeQuery(
                "UPDATE sequence_projection SET stages_known = true WHERE sequence_id = ?1")
                .setParameter(1, sequenceId).executeUpdate();
    }

    public void markDeleted(long sequenceId, long accountId) {
        getEntityManager().createNativeQuery("""
                INSERT INTO sequence_projection (sequence_id, account_id, name, created_at, deleted)
                VALUES (?1, ?2, '', now(), true)
                ON CONFLICT (sequence_id) DO UPDATE SET deleted = true""")
                .setParameter(1, sequenceId).setParameter(2, accountId).executeUpdate();
    }

    /** By id, so that a batch enrolling many contacts in one sequence reads it once (the session caches it). */
    public Optional<SequenceProjection> findOwned(long accountId, long sequenceId) {
        return findByIdOptional(sequenceId).filter(sequence -> sequence.accountId == accountId);
    }

    /** These sequences, locked for share until the transaction ends; one statement for any number of ids. */
    @SuppressWarnings("unchecked")
    public List<SequenceProjection> lockForShare(Collection<Long> sequenceIds) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM sequence_projection WHERE sequence_id = ANY (?1) ORDER BY sequence_id FOR SHARE""",
                SequenceProjection.class).setParameter(1, sequenceIds.toArray(Long[]::new)).getResultList();
    }

    public List<SequenceProjection> live(Collection<Long> sequenceIds) {
        return list("sequenceId in ?1 and deleted = false", Sort.by("sequenceId"), sequenceIds);
    }
}
