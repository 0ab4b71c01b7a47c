package me.wolfeo.sequences.platform.testing;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;

/**
 * A bean in the tests of every module that depends on this test-jar (it is indexed). What a service's tests need to talk to it over the real broker: send a command and wait for its reply (as the
 * gateway does), publish an event (as another service would), and read the topics it writes to.
 */
@Singleton
public class MessagingTestClient {

    private final KafkaRequestor requestor;
    private final ObjectMapper mapper;
    private final KafkaTestClient kafka;

    public MessagingTestClient(KafkaRequestor requestor, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.requestor = requestor;
        this.mapper = mapper;
        this.kafka = new KafkaTestClient(bootstrapServers);
    }

    /** An account id no other test uses. */
    public static long newAccount() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 40);
    }

    /** How long a test waits for something to happen on the broker. */
    public static Duration patience() {
        return Duration.ofSeconds(15);
    }

    /** Sends a version 1 command keyed by account and returns its reply. */
    public Reply send(String topic, String type, long accountId, Object data) {
        return send(topic, UUID.randomUUID().toString(), type, accountId, data);
    }

    public Reply send(String topic, String messageId, String type, long accountId, Object data) {
        Envelope command = Envelope.withId(messageId, type, 1, accountId, mapper.valueToTree(data));
        try {
            return requestor.request(topic, Long.toString(accountId), command).toCompletableFuture()
                    .get(patience().toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No reply to " + type, e);
        }
    }

    /** Publishes a version 1 event as its owning service would; returns the event's envelope. */
    public Envelope publish(String topic, String key, String type, long accountId, Object data) {
        Envelope event = Envelope.create(type, 1, accountId, mapper.valueToTree(data));
        try {
            kafka.send(topic, key, mapper.writeValueAsBytes(event), java.util.Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return event;
    }

    /** The data of a successful reply, as the given type; fails on a refusal. */
    public <T> T ok(Reply reply, Class<T> type) {
        if (!reply.isOk()) {
            throw new AssertionError("Expected success, got " + reply.error());
        }
        try {
            return mapper.treeToValue(reply.data(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Unexpected reply data " + reply.data(), e);
        }
    }

    public KafkaTestClient kafka() {
        return kafka;
    }
}
