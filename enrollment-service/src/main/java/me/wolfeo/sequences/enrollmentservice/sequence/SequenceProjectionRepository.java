package me.wolfeo.sequences.enrollmentservice.sequence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The sequence projection, written with upserts (events and read-API answers may race). */
@ApplicationScoped
public class SequenceProjectionRepository implements PanacheRepositoryBase<SequenceProjection, Long> {

    public void rememberIfNew(long sequenceId, long accountId, String name, Instant createdAt) {
        getEntityManager().createNativeQuery("""
                INSERT INTO sequence_projection (sequence_id, account_id, name, created_at, deleted)
                VALUES (?1, ?2, ?3, ?4, false)
                ON CONFLICT (sequence_id) DO NOTHING""")
                .setParameter(1, sequenceId).setParameter(2, accountId).setParameter(3, name)
                .setParameter(4, createdAt).executeUpdate();
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

    public List<SequenceProjection> live(Collection<Long> sequenceIds) {
        return list("sequenceId in ?1 and deleted = false", Sort.by("sequenceId"), sequenceIds);
    }
}
