package me.wolfeo.sequences.sequenceservice.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;

/** Sends commands to sequence-service over the real broker, as the gateway does, and reads its events. */
@ApplicationScoped
public class CommandClient {

    private final KafkaRequestor requestor;
    private final ObjectMapper mapper;
    private final KafkaTestClient kafka;

    public CommandClient(KafkaRequestor requestor, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.requestor = requestor;
        this.mapper = mapper;
        this.kafka = new KafkaTestClient(bootstrapServers);
    }

    /** An account id no other test uses. */
    public static long newAccount() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 40);
    }

    public Reply send(String type, long accountId, Object data) {
        return send(UUID.randomUUID().toString(), type, accountId, data);
    }

    public Reply send(String messageId, String type, long accountId, Object data) {
        Envelope command = Envelope.withId(messageId, type, SequenceMessageTypes.VERSION, accountId,
                mapper.valueToTree(data));
        try {
            return requestor.request(Topics.SEQUENCE_COMMANDS, Long.toString(accountId), command)
                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("No reply to " + type, e);
        }
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

    public static Duration patience() {
        return Duration.ofSeconds(15);
    }
}
