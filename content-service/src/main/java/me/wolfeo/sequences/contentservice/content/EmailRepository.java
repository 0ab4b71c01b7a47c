package me.wolfeo.sequences.contentservice.content;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EmailRepository implements PanacheRepository<Email> {

    public Optional<Email> findByStage(long stageId) {
        return find("stageId", stageId).firstResultOptional();
    }

    /** The email of this account's stage: another account's stage finds nothing. */
    public Optional<Email> findOwnedByStage(long accountId, long stageId) {
        return find("stageId = ?1 and accountId = ?2", stageId, accountId).firstResultOptional();
    }
}
