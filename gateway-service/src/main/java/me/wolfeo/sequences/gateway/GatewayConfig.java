package me.wolfeo.sequences.gateway;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings; each has an environment variable override (GATEWAY_ADMIN_KEY, ...). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Admin admin();

    Tokens tokens();

    Limits limits();

    RateLimits rateLimits();

    Benchmark benchmark();

    interface Benchmark {

        /** Serves POST /v1/benchmark/echo, the benchmark's baseline of the messaging hop. Off in production. */
        @WithDefault("false")
        boolean echoEnabled();
    }

    interface Admin {

        /** The X-Admin-Key that guards /admin/v1. Without one the admin API refuses every call. */
        Optional<String> key();
    }

    interface Tokens {

        /**
         * How long an authenticated token is trusted without a database look-up: revocation takes this long. It is
         * the {@code expire-after-write} of the {@code api-tokens} cache (application.properties).
         */
        @WithDefault("5s")
        Duration cacheTtl();
    }

    /**
     * Requests per minute per API token, unless the account has its own (admin API). Counted by each gateway
     * instance on its own: with N replicas behind a load balancer a token gets up to N times as many.
     */
    interface RateLimits {

        /** The REST dialect (/v1), Wolfeo's own limit. */
        @WithDefault("600")
        int restPerMinute();

        /** The webhooks (/api/v1/webhook), Aloware's limit. */
        @WithDefault("5000")
        int webhooksPerMinute();

        /** The most tokens whose counts are kept at once; the least recently used beyond it start afresh. */
        @WithDefault("100000")
        int maxTrackedTokens();
    }

    interface Limits {

        /** The largest request body the API reads, in bytes; larger ones are answered 413. */
        @WithDefault("2097152")
        int maxRequestBytes();

        /** The longest request target (path and query), in characters; longer ones are answered 414. */
        @WithDefault("8192")
        int maxUriLength();

        /** The largest header block (names, values and separators), in bytes; larger ones are answered 431. */
        @WithDefault("20480")
        int maxHeaderBytes();

        /** The largest email HTML accepted by PUT /v1/sequence-stage-content, in bytes of UTF-8. */
        @WithDefault("524288")
        int maxHtmlBytes();

        /**
         * The most commands this instance has sent and awaits the reply of; a request past it is answered 503 with
         * {@code Retry-After} at once instead of queueing. Sized so that a full window drains well inside the
         * request timeout at the platform's measured rate (BENCHMARKS.md).
         */
        @WithDefault("256")
        int maxCommandsInFlight();
    }
}
