package me.wolfeo.sequences.enrollmentservice.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccountProjectionRepository implements PanacheRepositoryBase<AccountProjection, Long> {

    public void remember(long accountId, String name, Instant createdAt) {
        getEntityManager().createNativeQuery("""
                INSERT INTO account_projection (account_id, name, created_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (account_id) DO NOTHING""")
                .setParameter(1, accountId).setParameter(2, name).setParameter(3, createdAt).executeUpdate();
    }

    public void capEmailsPerSender(long accountId, Integer perDay) {
        getEntityManager().createNativeQuery(
                "UPDATE account_projection SET emails_per_sender_per_day = ?1 WHERE account_id = ?2")
                .setParameter(1, perDay).setParameter(2, accountId).executeUpdate();
    }

    public boolean isKnown(long accountId) {
        return findByIdOptional(accountId).isPresent();
    }
}
