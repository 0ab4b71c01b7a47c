package me.wolfeo.sequences.sequenceservice.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.DeleteSequence;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;
import me.wolfeo.sequences.sequenceservice.stage.StageRepository;

@QuarkusTest
class SequenceCommandsTest {

    @Inject
    MessagingTestClient client;
    @Inject
    SequenceRepository sequences;
    @Inject
    StageRepository stages;
    @Inject
    ObjectMapper mapper;

    private final long account = MessagingTestClient.newAccount();

    @Test
    void createRepliesWithTheNewSequenceAndStoresIt() {
        Reply reply = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("Welcome Series", "inverted"));

        SequenceData created = client.ok(reply, SequenceData.class);
        assertThat(created.id()).isPositive();
        assertThat(created.name()).isEqualTo("Welcome Series");
        assertThat(created.type()).isEqualTo("inverted");
        assertThat(created.createdAt()).isNotNull();
        Sequence stored = sequences.findOwned(account, created.id()).orElseThrow();
        assertThat(stored.name).isEqualTo("Welcome Series");
        assertThat(stored.createdAt).isEqualTo(created.createdAt());
    }

    @Test
    void createDefaultsTheTypeToNormal() {
        SequenceData created = client
                .ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                        new CreateSequence("No type", null)), SequenceData.class);

        assertThat(created.type()).isEqualTo("normal");
    }

    @Test
    void createAnnouncesTheSequenceOnTheEventsTopic() throws Exception {
        SequenceData created = client
                .ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                        new CreateSequence("Announced", "normal")), SequenceData.class);

        List<ConsumerRecord<String, byte[]>> events = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> Long.toString(created.id()).equals(record.key()), 1, MessagingTestClient.patience());
        assertThat(events).hasSize(1);
        JsonNode event = mapper.readTree(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("sequence.created");
        assertThat(event.path("version").asInt()).isEqualTo(1);
        assertThat(event.path("account_id").asLong()).isEqualTo(account);
        assertThat(event.path("data").path("id").asLong()).isEqualTo(created.id());
        assertThat(event.path("data").path("name").asText()).isEqualTo("Announced");
        assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("sequence.created");
    }

    @Test
    void createRefusesABlankTooLongOrUntypedSequenceAndStoresNothing() {
        long before = sequences.countOwned(account);

        Reply blank = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("  ", null));
        Reply tooLong = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("x".repeat(256), null));
        Reply unknownType = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("Fine", "sideways"));

        assertThat(blank.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(blank.error().details()).containsKey("name");
        assertThat(tooLong.error().details()).containsKey("name");
        assertThat(unknownType.error().details()).containsKey("type");
        assertThat(sequences.countOwned(account)).isEqualTo(before);
    }

    @Test
    void deleteRemovesTheSequenceWithItsStagesAndAnnouncesTheStageIds() throws Exception {
        SequenceData sequence = client
                .ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                        new CreateSequence("Doomed", null)), SequenceData.class);
        StageData stage = client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, account,
                new CreateStage(sequence.id(), null, "send_email", null, null)), StageData.class);

        Reply reply = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_SEQUENCE, account,
                new DeleteSequence(sequence.id()));

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.data().path("deleted").asBoolean()).isTrue();
        assertThat(sequences.findOwned(account, sequence.id())).isEmpty();
        assertThat(stages.findOwned(account, stage.id())).isEmpty();
        List<ConsumerRecord<String, byte[]>> deleted = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> Long.toString(sequence.id()).equals(record.key())
                        && KafkaTestClient.value(record).contains("\"sequence.deleted\""),
                1, MessagingTestClient.patience());
        assertThat(deleted).hasSize(1);
        JsonNode data = mapper.readTree(deleted.get(0).value()).path("data");
        assertThat(data.path("stage_ids").get(0).asLong()).isEqualTo(stage.id());
    }

    @Test
    void deleteOfAnUnknownOrAnotherAccountsSequenceIsNotFoundAndChangesNothing() {
        SequenceData mine = client
                .ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                        new CreateSequence("Mine", null)), SequenceData.class);
        long stranger = MessagingTestClient.newAccount();

        Reply foreign = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_SEQUENCE, stranger,
                new DeleteSequence(mine.id()));
        Reply unknown = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_SEQUENCE, account,
                new DeleteSequence(Long.MAX_VALUE));

        assertThat(foreign.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(unknown.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(foreign.error()).isEqualTo(unknown.error());
        assertThat(sequences.findOwned(account, mine.id())).isPresent();
    }

    @Test
    void deleteWithoutASequenceIdIsAValidationError() {
        Reply reply = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_SEQUENCE, account, Map.of());

        assertThat(reply.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(reply.error().details()).containsKey("sequence_id");
    }
}
