package me.wolfeo.sequences.sequenceservice.stage;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Stages, always looked up within their account. */
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

    /** Moves the stages after a deleted step up by one, keeping the steps contiguous. */
    public void closeGapAfter(long sequenceId, int deletedStep) {
        update("step = step - 1 where sequenceId = ?1 and step > ?2", sequenceId, deletedStep);
    }

    public void deleteInSequence(long sequenceId) {
        delete("sequenceId", sequenceId);
    }
}
