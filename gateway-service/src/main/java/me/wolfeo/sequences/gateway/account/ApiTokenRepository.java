package me.wolfeo.sequences.gateway.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

    /** The owner of a token that has not been revoked. */
    public Optional<TokenOwner> activeOwner(String tokenHash) {
        return getEntityManager().createQuery("select new " + TokenOwner.class.getName()
                + "(t.accountId, t.id, a.restRequestsPerMinute, a.webhookRequestsPerMinute)"
                + " from ApiToken t, Account a where a.id = t.accountId and t.tokenHash = :hash and t.revokedAt is null",
                TokenOwner.class).setParameter("hash", tokenHash).getResultStream().findFirst();
    }
}
