package me.wolfeo.sequences.enrollmentservice.sequence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import me.wolfeo.sequences.enrollmentservice.stage.ProjectedStage;
import me.wolfeo.sequences.enrollmentservice.stage.StageProjectionStore;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.http.Lookups;

/**
 * Finds a live sequence of an account. The projection fed by sequences.events is asked first; a sequence it does
 * not know yet (created a moment ago) is asked of sequence-service and remembered, so that a sequence can be
 * enrolled into as soon as its creation was answered.
 */
@ApplicationScoped
public class SequenceDirectory {

    private final SequenceProjectionRepository projection;
    private final StageProjectionStore stages;
    private final SequenceServiceClient sequenceService;
    private final TransactionSynchronizationRegistry transactions;

    public SequenceDirectory(SequenceProjectionRepository projection, StageProjectionStore stages,
            @RestClient SequenceServiceClient sequenceService, TransactionSynchronizationRegistry transactions) {
        this.projection = projection;
        this.stages = stages;
        this.sequenceService = sequenceService;
        this.transactions = transactions;
    }

    /**
     * Loads these sequences into the transaction's session in one query, locked for share until it ends (see
     * {@link #lockLive}); later look-ups by id read from the session.
     */
    public void prefetch(java.util.Collection<Long> sequenceIds) {
        if (!sequenceIds.isEmpty()) {
            projection.lockForShare(sequenceIds).forEach(sequence -> lockedForShare().add(sequence.sequenceId));
        }
    }

    /**
     * A live sequence to enroll into, locked for share until the transaction ends: a {@code sequence.deleted}
     * being applied at the same time (which updates the row) waits for this enrollment to commit and then ends it,
     * or has committed first and the sequence is not found. Enrollments into one sequence do not wait on each
     * other.
     */
    public Optional<SequenceProjection> lockLive(long accountId, long sequenceId) {
        Optional<SequenceProjection> live = findLive(accountId, sequenceId);
        live.ifPresent(sequence -> {
            LockModeType held = projection.getEntityManager().getLockMode(sequence);
            if (!lockedForShare().contains(sequence.sequenceId) && held != LockModeType.PESSIMISTIC_READ
                    && held != LockModeType.PESSIMISTIC_WRITE) {
                // read again under the lock: what was read before it may be stale
                projection.getEntityManager().refresh(sequence, LockModeType.PESSIMISTIC_READ);
                lockedForShare().add(sequence.sequenceId);
            }
        });
        return live.filter(sequence -> !sequence.deleted);
    }

    public Optional<SequenceProjection> findLive(long accountId, long sequenceId) {
        Optional<SequenceProjection> known = projection.findOwned(accountId, sequenceId);
        if (known.isEmpty()) {
            known = askSequenceService(accountId, sequenceId);
        }
        return known.filter(sequence -> !sequence.deleted);
    }

    /**
     * The live stages of a sequence, in step order. A sequence known from before the engine existed has its stages
     * asked of sequence-service once.
     */
    public List<ProjectedStage> stagesOf(SequenceProjection sequence) {
        if (!sequence.stagesKnown) {
            Lookups.orEmptyIfNotFound(() -> sequenceService.sequence(sequence.accountId, sequence.sequenceId))
                    .ifPresent(detail -> stages.remember(sequence.accountId, detail.stages()));
            projection.stagesLearned(sequence.sequenceId);
            sequence.stagesKnown = true;
        }
        return stages.liveStagesOf(List.of(sequence.sequenceId)).getOrDefault(sequence.sequenceId, List.of());
    }

    private Optional<SequenceProjection> askSequenceService(long accountId, long sequenceId) {
        Optional<SequenceDetail> found = Lookups.orEmptyIfNotFound(
                () -> sequenceService.sequence(accountId, sequenceId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SequenceDetail sequence = found.get();
        projection.rememberIfNew(accountId, new SequenceData(sequence.id(), sequence.name(), sequence.type(),
                sequence.createdAt(), sequence.paused(), sequence.schedule(), sequence.stopOnReply(),
                sequence.stopOnMeeting()));
        stages.remember(accountId, sequence.stages());
        return projection.findOwned(accountId, sequenceId);
    }

    /** The sequences this transaction has read under a share lock (the session does not know of a native lock). */
    @SuppressWarnings("unchecked")
    private Set<Long> lockedForShare() {
        Set<Long> locked = (Set<Long>) transactions.getResource(SequenceDirectory.class);
        if (locked == null) {
            locked = new HashSet<>();
            transactions.putResource(SequenceDirectory.class, locked);
        }
        return locked;
    }
}
