package me.wolfeo.sequences.sequenceservice.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.DeleteStage;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

@QuarkusTest
class StageCommandsTest {

    @Inject
    MessagingTestClient client;
    @Inject
    StageRepository stages;
    @Inject
    ObjectMapper mapper;

    private final long account = MessagingTestClient.newAccount();
    private SequenceData sequence;

    @BeforeEach
    void createSequence() {
        sequence = client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence("Stages", null)), SequenceData.class);
    }

    private Reply createStage(CreateStage stage) {
        return client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, account, stage);
    }

    private StageData createdStage(String name) {
        return client.ok(createStage(new CreateStage(sequence.id(), name, "send_sms", null, null)), StageData.class);
    }

    @Test
    void aNewStageIsTheNextStepInactiveWithTheDefaults() {
        StageData stage = client.ok(createStage(new CreateStage(sequence.id(), null, null, null, null)),
                StageData.class);

        assertThat(stage.sequenceId()).isEqualTo(sequence.id());
        assertThat(stage.step()).isEqualTo(1);
        assertThat(stage.name()).isEqualTo("Step 1");
        assertThat(stage.stageType()).isEqualTo("send_email");
        assertThat(stage.timeValue()).isEqualTo(1);
        assertThat(stage.timeType()).isEqualTo(86400);
        assertThat(stage.active()).isFalse();
    }

    @Test
    void theGivenSettingsAreKept() {
        StageData stage = client.ok(createStage(new CreateStage(sequence.id(), "Day 3 SMS", "send_sms", 3, 3600)),
                StageData.class);

        assertThat(stage.name()).isEqualTo("Day 3 SMS");
        assertThat(stage.stageType()).isEqualTo("send_sms");
        assertThat(stage.timeValue()).isEqualTo(3);
        assertThat(stage.timeType()).isEqualTo(3600);
    }

    @Test
    void stepsFollowEachOtherAndUnnamedStagesAreNamedAfterTheirStep() {
        createdStage("First");
        StageData second = client.ok(createStage(new CreateStage(sequence.id(), null, "action", 0, 604800)),
                StageData.class);

        assertThat(second.step()).isEqualTo(2);
        assertThat(second.name()).isEqualTo("Step 2");
    }

    @Test
    void aNewStageIsAnnounced() throws Exception {
        StageData stage = createdStage("Announced");

        List<ConsumerRecord<String, byte[]>> events = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> KafkaTestClient.value(record).contains("\"stage.created\"")
                        && KafkaTestClient.value(record).contains("\"id\":" + stage.id() + ","),
                1, MessagingTestClient.patience());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).key()).isEqualTo(Long.toString(sequence.id()));
        JsonNode data = mapper.readTree(events.get(0).value()).path("data");
        assertThat(data.path("stage_type").asText()).isEqualTo("send_sms");
        assertThat(data.path("step").asInt()).isEqualTo(1);
    }

    @Test
    void deletingAMiddleStageMovesTheLaterStagesUpAndAnnouncesTheirSteps() throws Exception {
        StageData first = createdStage("A");
        StageData middle = createdStage("B");
        StageData last = createdStage("C");

        Reply reply = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_STAGE, account,
                new DeleteStage(middle.id()));

        assertThat(reply.isOk()).isTrue();
        assertThat(stages.inSequence(sequence.id())).extracting(stage -> stage.id + "@" + stage.step)
                .containsExactly(first.id() + "@1", last.id() + "@2");
        List<ConsumerRecord<String, byte[]>> events = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> KafkaTestClient.value(record).contains("\"stage.deleted\"")
                        && KafkaTestClient.value(record).contains("\"stage_id\":" + middle.id() + ","),
                1, MessagingTestClient.patience());
        JsonNode steps = mapper.readTree(events.get(0).value()).path("data").path("steps");
        assertThat(steps.get(1).path("stage_id").asLong()).isEqualTo(last.id());
        assertThat(steps.get(1).path("step").asInt()).isEqualTo(2);
    }

    @Test
    void stagesCreatedAtTheSameTimeNeverShareAStep() {
        ExecutorService senders = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Reply>> replies = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> createStage(
                            new CreateStage(sequence.id(), "Parallel " + i, "action", null, null)), senders))
                    .toList();

            List<Integer> steps = replies.stream().map(CompletableFuture::join)
                    .map(reply -> client.ok(reply, StageData.class).step()).sorted().toList();
            assertThat(steps).containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void invalidSettingsAreRefusedAndNothingIsStored() {
        assertThat(createStage(new CreateStage(sequence.id(), null, "send_fax", null, null)).error().details())
                .containsKey("stage_type");
        assertThat(createStage(new CreateStage(sequence.id(), null, null, null, 60)).error().details())
                .containsKey("time_type");
        assertThat(createStage(new CreateStage(sequence.id(), null, null, -1, null)).error().details())
                .containsKey("time_value");
        assertThat(createStage(new CreateStage(sequence.id(), null, null, 1001, null)).error().details())
                .containsKey("time_value");
        assertThat(createStage(new CreateStage(sequence.id(), "n".repeat(256), null, null, null)).error().details())
                .containsKey("name");
        assertThat(stages.inSequence(sequence.id())).isEmpty();
    }

    @Test
    void anotherAccountsSequenceOrStageIsNotFound() {
        StageData mine = createdStage("Mine");
        long stranger = MessagingTestClient.newAccount();

        Reply addToForeign = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, stranger,
                new CreateStage(sequence.id(), null, null, null, null));
        Reply deleteForeign = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_STAGE, stranger,
                new DeleteStage(mine.id()));
        Reply deleteUnknown = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.DELETE_STAGE, account,
                new DeleteStage(Long.MAX_VALUE));

        assertThat(addToForeign.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(deleteForeign.error()).isEqualTo(deleteUnknown.error());
        assertThat(deleteUnknown.error().message()).isEqualTo("Stage not found.");
        assertThat(stages.inSequence(sequence.id())).hasSize(1);
    }
}
