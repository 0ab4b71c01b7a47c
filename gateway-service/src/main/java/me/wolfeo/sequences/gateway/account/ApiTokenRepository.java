package me.wolfeo.sequences.gateway.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

    /** The account of a token that has not been revoked. */
    public Optional<Long> activeAccountId(String tokenHash) {
        return find("select accountId from ApiToken where tokenHash = ?1 and revokedAt is null", tokenHash)
                .project(Long.class).firstResultOptional();
    }
}
