package me.wolfeo.sequences.sequenceservice.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.DeleteStage;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStage;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStageSms;
import me.wolfeo.sequences.platform.messaging.Envelope;
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
    @Inject
    StageState state;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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

    private StageData createdStage(String name, String stageType) {
        return client.ok(createStage(new CreateStage(sequence.id(), name, stageType, null, null)), StageData.class);
    }

    private Reply update(UpdateStage update) {
        return client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE, account, update);
    }

    private Reply activate(StageData stage) {
        return update(new UpdateStage(stage.id(), null, null, null, true));
    }

    private Reply setSms(long stageId, String text) {
        return client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE_SMS, account,
                new UpdateStageSms(stageId, text));
    }

    /** The stage.updated events of a stage, oldest first, once there are this many. */
    private List<JsonNode> updatedEvents(StageData stage, int count) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> KafkaTestClient.value(record).contains("\"stage.updated\"")
                        && KafkaTestClient.value(record).contains("\"id\":" + stage.id() + ","),
                count, MessagingTestClient.patience());
        assertThat(records).hasSize(count);
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(Long.toString(sequence.id())));
        List<JsonNode> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(mapper.readTree(record.value()).path("data"));
        }
        return events;
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
    void twoDeletesOfOneSequencesStagesInOneBatchEachAnnounceTheStepsAsTheyAreAfterIt() throws Exception {
        StageData first = createdStage("A");
        StageData second = createdStage("B");
        StageData third = createdStage("C");

        sendInOneBatch(SequenceMessageTypes.DELETE_STAGE, new DeleteStage(second.id()), new DeleteStage(first.id()));

        List<ConsumerRecord<String, byte[]>> events = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> KafkaTestClient.value(record).contains("\"stage.deleted\"")
                        && KafkaTestClient.value(record).contains("\"sequence_id\":" + sequence.id() + ","),
                2, MessagingTestClient.patience());
        assertThat(events).hasSize(2);
        JsonNode firstDeleted = mapper.readTree(events.get(0).value()).path("data");
        JsonNode secondDeleted = mapper.readTree(events.get(1).value()).path("data");
        assertThat(firstDeleted.path("stage_id").asLong()).isEqualTo(second.id());
        assertThat(steps(firstDeleted)).containsExactly(first.id() + "@1", third.id() + "@2");
        assertThat(secondDeleted.path("stage_id").asLong()).isEqualTo(first.id());
        assertThat(steps(secondDeleted)).containsExactly(third.id() + "@1");
        assertThat(state.stage(account, third.id()).step).isEqualTo(1);
    }

    private static List<String> steps(JsonNode stageDeleted) {
        List<String> steps = new java.util.ArrayList<>();
        stageDeleted.path("steps").forEach(step -> steps.add(step.path("stage_id").asLong() + "@"
                + step.path("step").asInt()));
        return steps;
    }

    /**
     * Publishes the commands as one record batch of one partition (one producer batch, sent when flushed), so the
     * service's consumer takes them in one poll and applies them in one transaction.
     */
    private void sendInOneBatch(String type, Object... commands) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5_000),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Object command : commands) {
                Envelope envelope = Envelope.create(type, SequenceMessageTypes.VERSION, account,
                        mapper.valueToTree(command));
                producer.send(new ProducerRecord<>(Topics.SEQUENCE_COMMANDS, Long.toString(account),
                        mapper.writeValueAsBytes(envelope)));
            }
            producer.flush();
        }
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

    @Test
    void aStageIsRenamedAndItsDelayChangedAndTheChangeIsAnnouncedAsStageUpdated() throws Exception {
        StageData stage = createdStage("Day 1 Email", "send_email");

        StageData updated = client.ok(update(new UpdateStage(stage.id(), "Day 2 Email", 2, 604800, null)),
                StageData.class);

        assertThat(updated.name()).isEqualTo("Day 2 Email");
        assertThat(updated.timeValue()).isEqualTo(2);
        assertThat(updated.timeType()).isEqualTo(604800);
        assertThat(updated.step()).isEqualTo(stage.step());
        assertThat(updated.active()).isFalse();
        Stage stored = state.stage(account, stage.id());
        assertThat(stored.name).isEqualTo("Day 2 Email");
        assertThat(stored.timeValue).isEqualTo(2);
        assertThat(stored.timeType).isEqualTo(604800);
        JsonNode event = updatedEvents(stage, 1).get(0);
        assertThat(event.path("name").asText()).isEqualTo("Day 2 Email");
        assertThat(event.path("time_type").asInt()).isEqualTo(604800);
    }

    @Test
    void theSettingsAnUpdateLeavesOutStayAsTheyAre() {
        StageData stage = client.ok(createStage(new CreateStage(sequence.id(), "Kept", "action", 5, 3600)),
                StageData.class);

        StageData renamed = client.ok(update(new UpdateStage(stage.id(), "Renamed", null, null, null)),
                StageData.class);
        StageData nothing = client.ok(update(new UpdateStage(stage.id(), null, null, null, null)), StageData.class);

        assertThat(renamed.timeValue()).isEqualTo(5);
        assertThat(renamed.timeType()).isEqualTo(3600);
        assertThat(nothing).isEqualTo(renamed);
    }

    @Test
    void anUpdateThatChangesNothingIsNotAnnounced() throws Exception {
        StageData stage = createdStage("A", "action");

        update(new UpdateStage(stage.id(), "B", null, null, null));
        update(new UpdateStage(stage.id(), "B", 1, 86400, false));
        update(new UpdateStage(stage.id(), "C", null, null, null));

        List<JsonNode> events = updatedEvents(stage, 2);
        assertThat(events.get(0).path("name").asText()).isEqualTo("B");
        assertThat(events.get(1).path("name").asText()).isEqualTo("C");
    }

    @Test
    void aZeroDelayIsAllowed() {
        StageData stage = createdStage("Now", "action");

        assertThat(client.ok(update(new UpdateStage(stage.id(), null, 0, null, null)), StageData.class).timeValue())
                .isZero();
    }

    @Test
    void aSendEmailStageCannotBeActivatedBeforeItHasContent() {
        StageData noRecord = createdStage("No email record", "send_email");
        StageData noHtml = createdStage("Email record without HTML", "send_email");
        ContentServiceStub.register(account, new EmailMessage(1, noHtml.id(), "Subject", null, null, null));

        Reply withoutRecord = activate(noRecord);
        Reply withoutHtml = activate(noHtml);

        assertThat(withoutRecord.error().code()).isEqualTo(ErrorCodes.STAGE_NOT_READY);
        assertThat(withoutRecord.error().message())
                .isEqualTo("The stage cannot be activated before it has email content.");
        assertThat(withoutHtml.error()).isEqualTo(withoutRecord.error());
        assertThat(state.stage(account, noRecord.id()).active).isFalse();
        assertThat(state.stage(account, noHtml.id()).active).isFalse();
    }

    @Test
    void aSendEmailStageIsActivatedOnceItHasContent() throws Exception {
        StageData stage = createdStage("Welcome", "send_email");
        ContentServiceStub.register(account, new EmailMessage(2, stage.id(), "Welcome!", null, null,
                "<p>Hello {{first_name}}</p>"));

        StageData activated = client.ok(activate(stage), StageData.class);

        assertThat(activated.active()).isTrue();
        assertThat(state.stage(account, stage.id()).active).isTrue();
        assertThat(updatedEvents(stage, 1).get(0).path("active").asBoolean()).isTrue();
    }

    @Test
    void anSmsStageCannotBeActivatedBeforeItHasText() {
        StageData stage = createdStage("Reminder", "send_sms");

        Reply reply = activate(stage);

        assertThat(reply.error().code()).isEqualTo(ErrorCodes.STAGE_NOT_READY);
        assertThat(reply.error().message()).isEqualTo("The stage cannot be activated before it has SMS text.");
        assertThat(state.stage(account, stage.id()).active).isFalse();
    }

    @Test
    void anSmsStageIsActivatedOnceItHasText() {
        StageData stage = createdStage("Reminder", "send_sms");
        client.ok(setSms(stage.id(), "Hi {{first_name|there}}, see you tomorrow!"), StageData.class);

        StageData activated = client.ok(activate(stage), StageData.class);

        assertThat(activated.active()).isTrue();
        assertThat(activated.smsText()).isEqualTo("Hi {{first_name|there}}, see you tomorrow!");
    }

    @Test
    void anActionStageIsActivatedWithoutAnythingToSend() {
        StageData stage = createdStage("Tag the contact", "action");

        assertThat(client.ok(activate(stage), StageData.class).active()).isTrue();
    }

    @Test
    void anActiveStageIsAlwaysDeactivated() {
        StageData stage = createdStage("Welcome", "send_email");
        ContentServiceStub.register(account, new EmailMessage(3, stage.id(), null, null, null, "<p>Hi</p>"));
        client.ok(activate(stage), StageData.class);
        ContentServiceStub.register(account, new EmailMessage(3, stage.id(), null, null, null, null));

        StageData deactivated = client.ok(update(new UpdateStage(stage.id(), null, null, null, false)),
                StageData.class);

        assertThat(deactivated.active()).isFalse();
        assertThat(state.stage(account, stage.id()).active).isFalse();
    }

    @Test
    void aRefusedActivationChangesNothingElseOfTheUpdate() {
        StageData stage = createdStage("Original", "send_email");

        Reply reply = update(new UpdateStage(stage.id(), "Renamed", 9, 3600, true));

        assertThat(reply.error().code()).isEqualTo(ErrorCodes.STAGE_NOT_READY);
        Stage stored = state.stage(account, stage.id());
        assertThat(stored.name).isEqualTo("Original");
        assertThat(stored.timeValue).isEqualTo(1);
        assertThat(stored.timeType).isEqualTo(86400);
    }

    @Test
    void invalidUpdatesAreRefusedFieldByFieldAndChangeNothing() {
        StageData stage = createdStage("Unchanged", "action");

        assertThat(update(new UpdateStage(stage.id(), null, null, 60, null)).error().details())
                .containsKey("time_type");
        assertThat(update(new UpdateStage(stage.id(), null, -1, null, null)).error().details())
                .containsKey("time_value");
        assertThat(update(new UpdateStage(stage.id(), null, 1001, null, null)).error().details())
                .containsKey("time_value");
        assertThat(update(new UpdateStage(stage.id(), "  ", null, null, null)).error().details())
                .containsKey("name");
        assertThat(update(new UpdateStage(stage.id(), "n".repeat(256), null, null, null)).error().details())
                .containsKey("name");
        Reply control = update(new UpdateStage(stage.id(), "bell\u0007", 3, null, true));
        assertThat(control.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(control.error().details()).containsKey("name");
        Stage stored = state.stage(account, stage.id());
        assertThat(stored.name).isEqualTo("Unchanged");
        assertThat(stored.timeValue).isEqualTo(1);
        assertThat(stored.active).isFalse();
    }

    @Test
    void anUpdateWithoutAStageIdIsAValidationError() {
        Reply stage = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE, account,
                java.util.Map.of("name", "x"));
        Reply sms = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE_SMS, account,
                java.util.Map.of("text", "x"));

        assertThat(stage.error().details()).containsKey("stage_id");
        assertThat(sms.error().details()).containsKey("stage_id");
    }

    @Test
    void anSmsStageGetsItsTextAsSentAndTheChangeIsAnnounced() throws Exception {
        StageData stage = createdStage("Reminder", "send_sms");
        String text = "Hi {{first_name}},\n\tyour call is tomorrow ✓ ";

        StageData updated = client.ok(setSms(stage.id(), text), StageData.class);

        assertThat(updated.smsText()).isEqualTo(text);
        assertThat(state.stage(account, stage.id()).smsText).isEqualTo(text);
        assertThat(updatedEvents(stage, 1).get(0).path("sms_text").asText()).isEqualTo(text);
    }

    @Test
    void smsTextIsOnlyForSendSmsStages() {
        StageData email = createdStage("Email", "send_email");
        StageData action = createdStage("Action", "action");

        Reply onEmail = setSms(email.id(), "Hello");
        Reply onAction = setSms(action.id(), "Hello");

        assertThat(onEmail.error().code()).isEqualTo(ErrorCodes.STAGE_NOT_SMS);
        assertThat(onEmail.error().message()).isEqualTo("Stage is not a send_sms stage.");
        assertThat(onAction.error()).isEqualTo(onEmail.error());
        assertThat(state.stage(account, email.id()).smsText).isNull();
    }

    @Test
    void smsTextIsRequiredStorableAndAtMost1600Characters() {
        StageData stage = createdStage("Reminder", "send_sms");

        assertThat(setSms(stage.id(), null).error().details()).containsKey("text");
        assertThat(setSms(stage.id(), " \n ").error().details()).containsKey("text");
        assertThat(setSms(stage.id(), "x".repeat(StageRules.SMS_TEXT_MAX_LENGTH + 1)).error().details())
                .containsKey("text");
        assertThat(setSms(stage.id(), "nul\u0000inside").error().details()).containsKey("text");
        assertThat(setSms(stage.id(), "lone \ud800 surrogate").error().details()).containsKey("text");
        assertThat(state.stage(account, stage.id()).smsText).isNull();
        String longest = "\uD83D\uDE00".repeat(StageRules.SMS_TEXT_MAX_LENGTH);
        assertThat(client.ok(setSms(stage.id(), longest), StageData.class).smsText()).isEqualTo(longest);
    }

    @Test
    void anotherAccountsStageIsNotFoundForUpdatesLikeAMissingOne() {
        StageData mine = createdStage("Mine", "send_sms");
        long stranger = MessagingTestClient.newAccount();

        Reply updateForeign = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE, stranger,
                new UpdateStage(mine.id(), "Theirs", null, null, null));
        Reply updateUnknown = update(new UpdateStage(Long.MAX_VALUE, "Theirs", null, null, null));
        Reply smsForeign = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE_SMS, stranger,
                new UpdateStageSms(mine.id(), "Theirs"));
        Reply smsUnknown = setSms(Long.MAX_VALUE, "Theirs");

        assertThat(updateUnknown.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(updateUnknown.error().message()).isEqualTo("Stage not found.");
        assertThat(updateForeign.error()).isEqualTo(updateUnknown.error());
        assertThat(smsForeign.error()).isEqualTo(updateUnknown.error());
        assertThat(smsUnknown.error()).isEqualTo(updateUnknown.error());
        Stage stored = state.stage(account, mine.id());
        assertThat(stored.name).isEqualTo("Mine");
        assertThat(stored.smsText).isNull();
    }
}
