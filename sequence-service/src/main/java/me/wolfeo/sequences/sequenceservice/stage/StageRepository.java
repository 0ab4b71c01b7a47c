package me.wolfeo.sequences.sequenceservice.stage;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/**
 * Stages, always looked up within their account. Changes go through the entities (no bulk JPQL updates), so that
 * the stages a batch's transaction has loaded always hold what the database holds.
 */
@ApplicationScoped
public class StageRepository implements PanacheRepository<Stage> {

    public Optional<Stage> findOwned(long accountId, long stageId) {
        return find("id = ?1 and accountId = ?2", stageId, accountId).firstResultOptional();
    }

    /** The sequence of this account's stage, read without loading the stage. */
    public Optional<Long> sequenceIdOf(long accountId, long stageId) {
        return find("select sequenceId from Stage where id = ?1 and accountId = ?2", stageId, accountId)
                .project(Long.class).firstResultOptional();
    }

    public List<Stage> inSequence(long sequenceId) {
        return find("sequenceId", Sort.by("step"), sequenceId).list();
    }

    public List<Long> idsInSequence(long sequenceId) {
        return find("select id from Stage where sequenceId = ?1 order by step", sequenceId)
                .project(Long.class).list();
    }

    /** The step a new stage at the end of the sequence gets. */
    public int nextStep(long sequenceId) {
        Integer last = find("select max(step) from Stage where sequenceId = ?1", sequenceId)
                .project(Integer.class).firstResult();
        return last == null ? 1 : last + 1;
    }

    /**
     * Deletes a sequence's stages through their entities, not with a bulk delete: a stage loaded earlier in the same
     * transaction (a batch of commands) must leave the persistence context too, or a later flush would write it
     * back.
     */
    public void deleteInSequence(long sequenceId) {
        inSequence(sequenceId).forEach(this::delete);
    }
}
