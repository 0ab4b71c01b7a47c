package me.wolfeo.sequences.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.account.TokenOwner;
import me.wolfeo.sequences.gateway.api.Dialect;

/**
 * Admits at most N requests per minute per API token and dialect: a token bucket (Bucket4j) of N that refills
 * continuously over a minute, so a burst of N is allowed and then one request every 60/N seconds. A bucket unused
 * for a minute is full again, which is why forgetting it then loses nothing.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final GatewayConfig.RateLimits defaults;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig config) {
        this.defaults = config.rateLimits();
        this.buckets = Caffeine.newBuilder().maximumSize(defaults.maxTrackedTokens()).expireAfterAccess(PERIOD)
                .build();
    }

    /** Counts one request of this token, or refuses it with {@link RateLimitedException}. */
    public void admit(TokenOwner owner, Dialect dialect) {
        int perMinute = perMinute(owner, dialect);
        // The limit is part of the key: a changed limit starts a bucket of its own size.
        Bucket bucket = buckets.get(owner.tokenId() + ":" + dialect + ":" + perMinute, key -> newBucket(perMinute));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1,
                    TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw new RateLimitedException(dialect, perMinute, retryAfter);
        }
    }

    private int perMinute(TokenOwner owner, Dialect dialect) {
        Integer own = dialect == Dialect.WEBHOOK ? owner.webhookRequestsPerMinute() : owner.restRequestsPerMinute();
        if (own != null) {
            return own;
        }
        return dialect == Dialect.WEBHOOK ? defaults.webhooksPerMinute() : defaults.restPerMinute();
    }

    private static Bucket newBucket(int perMinute) {
        return Bucket.builder().addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, PERIOD)).build();
    }
}
