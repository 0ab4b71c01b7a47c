package me.wolfeo.sequences.sequenceservice.sequence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Sequences, always looked up within their account: another account's id finds nothing. */
@ApplicationScoped
public class SequenceRepository implements PanacheRepository<Sequence> {

    public Optional<Sequence> findOwned(long accountId, long sequenceId) {
        return find("id = ?1 and accountId = ?2", sequenceId, accountId).firstResultOptional();
    }

    /** Finds and locks the sequence, so that changes to it and its stages happen one at a time. */
    public Optional<Sequence> lockOwned(long accountId, long sequenceId) {
        return find("id = ?1 and accountId = ?2", sequenceId, accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Sequence> pageOwned(long accountId, int page, int perPage) {
        return find("accountId", Sort.by("id"), accountId).page(Page.of(page - 1, perPage)).list();
    }

    public long countOwned(long accountId) {
        return count("accountId", accountId);
    }
}
