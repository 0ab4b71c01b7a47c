package me.wolfeo.sequences.gateway.ratelimit;

import java.util.Map;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.Dialect;

/** 429: the token has made its requests of the minute; {@code Retry-After} says when the next one is admitted. */
public class RateLimitedException extends ApiException {

    public static final String CODE = "RATE_LIMITED";
    /** The webhooks' words, as Aloware (a Laravel application) answers them. */
    static final String WEBHOOK_MESSAGE = "Too Many Attempts.";

    RateLimitedException(Dialect dialect, int perMinute, long retryAfterSeconds) {
        super(429, CODE, dialect == Dialect.WEBHOOK
                ? WEBHOOK_MESSAGE
                : "Too many requests: this API token may make " + perMinute + " requests a minute. Retry after "
                        + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s") + ".",
                Map.of(), Map.of(), retryAfterSeconds);
    }
}
