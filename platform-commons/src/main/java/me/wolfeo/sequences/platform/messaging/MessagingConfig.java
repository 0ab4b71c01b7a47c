package me.wolfeo.sequences.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the platform's messaging mechanisms; every one has a local default and an env override. */
@ConfigMapping(prefix = "platform.messaging")
public interface MessagingConfig {

    /** Name of this service in message sources and logs. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /**
     * This instance's name among the service's instances: unique, and the same after a restart. Its consumers'
     * {@code group.instance.id}s start with it (static group membership). Set in platform-commons'
     * microprofile-config.properties: {@code ${HOSTNAME}} (the pod) and the HTTP port.
     */
    String instanceId();

    Producer producer();

    Requests requests();

    Outbox outbox();

    Inbox inbox();

    Inbound inbound();

    interface Producer {

        /** 0 on the request path: kafka-clients 4 waits 5 ms by default to fill batches. */
        @WithDefault("0")
        int lingerMs();

        /** The largest message this service sends (email HTML travels in content commands). */
        @WithDefault("4194304")
        int maxRequestSize();

        @WithDefault("lz4")
        String compressionType();

        /**
         * The most bytes of one partition's records sent in one request. Larger than kafka-clients' 16 KiB, so a
         * burst (the outbox relay sends up to a batch of rows at once) goes out in a few requests; it never makes a
         * single send wait (linger stays 0).
         */
        @WithDefault("262144")
        int batchSize();

        /**
         * How long a send may wait for the broker's metadata (or for room in the send buffer) before it fails:
         * while the broker is unreachable, a command that cannot be handed over within this is answered 503 at
         * once. Keep it below {@code platform.messaging.requests.timeout}.
         */
        @WithDefault("5s")
        Duration maxBlock();
    }

    interface Requests {

        /** The topic replies come back on. */
        @WithDefault("gateway.replies")
        String replyTopic();

        /**
         * How long a request takes at most, from the call to the answer, whatever the broker does: a command sent
         * but not answered in time completes with {@code ReplyTimeoutException} (504), one that could not even be
         * sent with {@code RequestNotSentException} (503).
         */
        @WithDefault("10s")
        Duration timeout();

        /** How long the reply listener blocks in one poll. */
        @WithDefault("100ms")
        Duration pollTimeout();

        /** How often the reply listener looks for partitions added to the reply topic, to read them too. */
        @WithDefault("30s")
        Duration partitionCheck();
    }

    interface Outbox {

        /** Off in services that never emit events (the gateway): no relay thread, no inbound processing. */
        @WithDefault("true")
        boolean enabled();

        /** The relay sends rows at once after each commit; this is its fallback poll for other writers. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Wait before retrying after the broker or the database failed. */
        @WithDefault("1s")
        Duration retryBackoff();
    }

    interface Inbound {

        /**
         * How long a message that fails because a server it needs is down (database, S3, another service) is
         * retried before the consumer gives up and reports itself unhealthy. Such a message never goes to the
         * dead-letter topic: only a message that fails by itself does.
         */
        @WithDefault("5m")
        Duration outageTolerance();
    }

    interface Inbox {

        /** How long processed message ids (and so idempotency keys) are remembered. */
        @WithDefault("P7D")
        Duration retention();

        /** When to delete expired processed message ids. */
        @WithDefault("1h")
        Duration cleanupInterval();
    }

}
