package me.wolfeo.sequences.gateway.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import me.wolfeo.sequences.gateway.GatewayConfig;

/**
 * Issues, revokes and checks API tokens. A checked token is trusted for a few seconds without a database look-up;
 * a revocation therefore takes effect everywhere within that time (and at once on the instance that revoked it).
 */
@ApplicationScoped
public class Tokens {

    private final ApiTokenRepository tokens;
    private final GatewayConfig.Tokens config;
    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();

    public Tokens(ApiTokenRepository tokens, GatewayConfig config) {
        this.tokens = tokens;
        this.config = config.tokens();
    }

    /** A token's id and its secret, which exists nowhere else once shown to the caller. */
    public record IssuedToken(long id, long accountId, String secret, Instant createdAt) {
    }

    @Transactional
    public IssuedToken issue(long accountId) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken();
        token.accountId = accountId;
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tokens.persist(token);
        return new IssuedToken(token.id, accountId, secret, token.createdAt);
    }

    /** Revokes a token; false when there is no such token. */
    @Transactional
    public boolean revoke(long tokenId) {
        ApiToken token = tokens.findById(tokenId);
        if (token == null) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        trusted.remove(token.tokenHash);
        return true;
    }

    /** The account a token belongs to, if the token exists and is not revoked. */
    public Optional<Long> accountOf(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        long now = System.nanoTime();
        Trusted cached = trusted.get(hash);
        if (cached != null && cached.until() - now > 0) {
            return Optional.of(cached.accountId());
        }
        Optional<Long> account = tokens.activeAccountId(hash);
        if (account.isPresent()) {
            if (trusted.size() >= config.cacheSize()) {
                trusted.clear();
            }
            trusted.put(hash, new Trusted(account.get(), now + config.cacheTtl().toNanos()));
        } else {
            trusted.remove(hash);
        }
        return account;
    }

    private record Trusted(long accountId, long until) {
    }
}
