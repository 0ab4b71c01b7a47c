package me.wolfeo.sequences.sequenceservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;
import me.wolfeo.sequences.sequenceservice.sequence.SequenceRepository;

/** The shared inbound mechanism, as sequence-service uses it: exactly-once effect and dead letters. */
@QuarkusTest
class InboundProcessingTest {

    @Inject
    MessagingTestClient client;
    @Inject
    SequenceRepository sequences;

    private final long account = MessagingTestClient.newAccount();

    @Test
    void aRedeliveredCommandIsAppliedOnceAndAnsweredWithItsFirstReply() {
        String commandId = UUID.randomUUID().toString();
        CreateSequence create = new CreateSequence("Once", "normal");

        Reply first = client.send(Topics.SEQUENCE_COMMANDS, commandId, SequenceMessageTypes.CREATE_SEQUENCE, account,
                create);
        Reply again = client.send(Topics.SEQUENCE_COMMANDS, commandId, SequenceMessageTypes.CREATE_SEQUENCE, account,
                create);

        assertThat(client.ok(again, SequenceData.class)).isEqualTo(client.ok(first, SequenceData.class));
        assertThat(sequences.countOwned(account)).isEqualTo(1);
    }

    @Test
    void aCommandIdReusedForADifferentCommandIsRefused() {
        String commandId = UUID.randomUUID().toString();
        client.ok(client.send(Topics.SEQUENCE_COMMANDS, commandId, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("First", "normal")), SequenceData.class);

        Reply reused = client.send(Topics.SEQUENCE_COMMANDS, commandId, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("Second", "normal"));

        assertThat(reused.error().code()).isEqualTo(ErrorCodes.IDEMPOTENCY_KEY_REUSED);
        assertThat(sequences.countOwned(account)).isEqualTo(1);
    }

    @Test
    void theSameCommandIdInTwoAccountsIsTwoCommands() {
        String commandId = UUID.randomUUID().toString();
        long other = MessagingTestClient.newAccount();

        client.ok(client.send(Topics.SEQUENCE_COMMANDS, commandId, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("Mine", "normal")), SequenceData.class);
        client.ok(client.send(Topics.SEQUENCE_COMMANDS, commandId, SequenceMessageTypes.CREATE_SEQUENCE, other,
                new CreateSequence("Theirs", "normal")), SequenceData.class);

        assertThat(sequences.countOwned(account)).isEqualTo(1);
        assertThat(sequences.countOwned(other)).isEqualTo(1);
    }

    @Test
    void aMessageThatIsNotJsonGoesToTheDeadLetterTopicWithTheReasonAndThePartitionKeepsFlowing() {
        String marker = "not json " + UUID.randomUUID();
        String key = Long.toString(account);
        client.kafka().send(Topics.SEQUENCE_COMMANDS, key, marker.getBytes(StandardCharsets.UTF_8), Map.of());

        Reply after = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("After", null));

        assertThat(after.isOk()).isTrue();
        List<ConsumerRecord<String, byte[]>> dead = client.kafka().readContaining(
                Topics.deadLetter(Topics.SEQUENCE_COMMANDS), marker, 1, MessagingTestClient.patience());
        assertThat(dead).hasSize(1);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason"))
                .isEqualTo("The message is not valid JSON");
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.SEQUENCE_COMMANDS);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-consumer")).isEqualTo("sequence-service");
    }

    @Test
    void aMessageOfAnUnknownTypeIsDeadLetteredAndItsRequesterToldWhy() {
        String marker = UUID.randomUUID().toString();

        Reply reply = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE + ".bogus", account,
                Map.of("marker", marker));

        assertThat(reply.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(reply.error().message()).contains("Unknown message type");
        List<ConsumerRecord<String, byte[]>> dead = client.kafka().readContaining(
                Topics.deadLetter(Topics.SEQUENCE_COMMANDS), marker, 1, MessagingTestClient.patience());
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason"))
                .isEqualTo("Unknown message type 'sequence.create.bogus' version 1");
    }

    @Test
    void anEnvelopeWithoutAnAccountIsDeadLettered() {
        String marker = UUID.randomUUID().toString();
        String envelope = "{\"id\":\"" + marker + "\",\"type\":\"sequence.create\",\"version\":1,"
                + "\"data\":{\"name\":\"x\"}}";
        client.kafka().send(Topics.SEQUENCE_COMMANDS, "k", envelope);

        List<ConsumerRecord<String, byte[]>> dead = client.kafka().readContaining(
                Topics.deadLetter(Topics.SEQUENCE_COMMANDS), marker, 1, MessagingTestClient.patience());

        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason"))
                .isEqualTo("The message has no integer 'account_id'");
    }
}
