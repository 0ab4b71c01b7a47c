package me.wolfeo.sequences.gateway.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issues, revokes and checks API tokens. A checked token is trusted for a few seconds without a database look-up
 * (the {@value #CACHE} cache: Caffeine, bounded in size, each entry expiring {@code gateway.tokens.cache-ttl} after
 * it was looked up); a revocation therefore takes effect everywhere within that time, and at once on the instance
 * that made it, which forgets the token once the revocation is committed; a change of the account's rate limits
 * likewise. Only tokens found active are kept: unknown secrets never take room from real ones.
 */
@ApplicationScoped
public class Tokens {

    static final String CACHE = "api-tokens";

    private final ApiTokenRepository tokens;
    private final CaffeineCache trusted;

    public Tokens(ApiTokenRepository tokens, @CacheName(CACHE) Cache trusted) {
        this.tokens = tokens;
        this.trusted = trusted.as(CaffeineCache.class);
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
    public boolean revoke(long tokenId) {
        Optional<String> revoked = QuarkusTransaction.requiringNew().call(() -> {
            ApiToken token = tokens.findById(tokenId);
            if (token == null) {
                return Optional.<String>empty();
            }
            if (token.revokedAt == null) {
                token.revokedAt = Instant.now();
            }
            return Optional.of(token.tokenHash);
        });
        // After the commit: a look-up made meanwhile could otherwise trust the token again.
        revoked.ifPresent(hash -> trusted.invalidate(hash).await().indefinitely());
        return revoked.isPresent();
    }

    /** Forgets every trusted token, so that the next look-up of each reads the database again. */
    public void forgetAll() {
        trusted.invalidateAll().await().indefinitely();
    }

    /** Who a token belongs to, if the token exists and is not revoked. */
    public Optional<TokenOwner> ownerOf(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        CompletableFuture<TokenOwner> cached = trusted.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached.join());
        }
        Optional<TokenOwner> owner = QuarkusTransaction.joiningExisting().call(() -> tokens.activeOwner(hash));
        owner.ifPresent(found -> trusted.put(hash, CompletableFuture.completedFuture(found)));
        return owner;
    }
}
