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
import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleRules;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.UpdateSequence;
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
    @Inject
    SequenceState state;

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

    private SequenceData created(String name) {
        return client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence(name, null)), SequenceData.class);
    }

    private Reply update(UpdateSequence update) {
        return client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_SEQUENCE, account, update);
    }

    /** The sequence.updated events of a sequence, oldest first, once there are this many. */
    private List<JsonNode> updatedEvents(SequenceData sequence, int count) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = client.kafka().read(Topics.SEQUENCE_EVENTS,
                record -> Long.toString(sequence.id()).equals(record.key())
                        && KafkaTestClient.value(record).contains("\"sequence.updated\""),
                count, MessagingTestClient.patience());
        assertThat(records).hasSize(count);
        List<JsonNode> events = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            events.add(mapper.readTree(record.value()).path("data"));
        }
        return events;
    }

    @Test
    void aNewSequenceIsNotPaused() {
        assertThat(created("Running").paused()).isFalse();
    }

    @Test
    void aSequenceIsRenamedAndTheOtherFieldsStay() {
        SequenceData sequence = created("Old name");

        SequenceData renamed = client.ok(update(new UpdateSequence(sequence.id(), "New name", null)),
                SequenceData.class);

        assertThat(renamed.name()).isEqualTo("New name");
        assertThat(renamed.type()).isEqualTo(sequence.type());
        assertThat(renamed.createdAt()).isEqualTo(sequence.createdAt());
        assertThat(renamed.paused()).isFalse();
        assertThat(state.sequence(account, sequence.id()).name).isEqualTo("New name");
    }

    @Test
    void pausingASequenceIsAnnouncedAsSequenceUpdated() throws Exception {
        SequenceData sequence = created("To pause");

        SequenceData paused = client.ok(update(new UpdateSequence(sequence.id(), null, true)), SequenceData.class);

        assertThat(paused.paused()).isTrue();
        assertThat(state.sequence(account, sequence.id()).paused).isTrue();
        JsonNode event = updatedEvents(sequence, 1).get(0);
        assertThat(event.path("id").asLong()).isEqualTo(sequence.id());
        assertThat(event.path("paused").asBoolean()).isTrue();
        assertThat(event.path("name").asText()).isEqualTo("To pause");
    }

    @Test
    void aPausedSequenceIsResumed() throws Exception {
        SequenceData sequence = created("Paused then resumed");
        update(new UpdateSequence(sequence.id(), null, true));

        SequenceData resumed = client.ok(update(new UpdateSequence(sequence.id(), null, false)),
                SequenceData.class);

        assertThat(resumed.paused()).isFalse();
        assertThat(state.sequence(account, sequence.id()).paused).isFalse();
        assertThat(updatedEvents(sequence, 2).get(1).path("paused").asBoolean()).isFalse();
    }

    @Test
    void anUpdateThatChangesNothingIsNotAnnounced() throws Exception {
        SequenceData sequence = created("Same");

        update(new UpdateSequence(sequence.id(), "Same", false));
        update(new UpdateSequence(sequence.id(), null, null));
        update(new UpdateSequence(sequence.id(), "Other", null));
        update(new UpdateSequence(sequence.id(), "Other", true));

        List<JsonNode> events = updatedEvents(sequence, 2);
        assertThat(events.get(0).path("name").asText()).isEqualTo("Other");
        assertThat(events.get(0).path("paused").asBoolean()).isFalse();
        assertThat(events.get(1).path("paused").asBoolean()).isTrue();
    }

    @Test
    void aScheduleAndStoppingRulesAreSetShownAndAnnounced() throws Exception {
        SequenceData sequence = created("Scheduled");
        assertThat(sequence.schedule()).isEqualTo(Schedule.ANY_TIME);
        assertThat(sequence.stopOnReply()).isTrue();

        JsonNode schedule = mapper.readTree("""
                {"days": "business_days", "holidays": {"country": "us", "subdivision": "ny"},
                 "window": {"open": "09:00", "close": "17:00"}, "timezone": "America/New_York",
                 "throttle_per_minute": 30}""");
        SequenceData updated = client.ok(update(new UpdateSequence(sequence.id(), null, null, schedule, false,
                null)), SequenceData.class);

        assertThat(updated.schedule()).isEqualTo(ScheduleRules.parse(schedule));
        assertThat(updated.schedule().holidays().country()).isEqualTo("US");
        assertThat(updated.stopOnReply()).isFalse();
        assertThat(updated.stopOnMeeting()).isTrue();
        JsonNode event = updatedEvents(sequence, 1).get(0);
        assertThat(event.path("schedule").path("window").path("open").asText()).isEqualTo("09:00");
        assertThat(event.path("stop_on_reply").asBoolean()).isFalse();

        SequenceData reset = client.ok(update(new UpdateSequence(sequence.id(), null, null,
                mapper.createObjectNode(), null, null)), SequenceData.class);
        assertThat(reset.schedule()).isEqualTo(Schedule.ANY_TIME);
    }

    @Test
    void aBadScheduleIsRefusedNamingItsFieldAndChangesNothing() throws Exception {
        SequenceData sequence = created("Badly scheduled");

        Reply refused = update(new UpdateSequence(sequence.id(), "Renamed", null,
                mapper.readTree("{\"window\": {\"open\": \"17:00\", \"close\": \"09:00\"}}"), null, null));

        assertThat(refused.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(refused.error().details()).containsKey("schedule.window.close");
        assertThat(state.sequence(account, sequence.id()).name).isEqualTo("Badly scheduled");
        assertThat(state.sequence(account, sequence.id()).schedule).isNull();
    }

    @Test
    void aRenameFollowsTheRulesOfANewNameAndARefusalChangesNothing() {
        SequenceData sequence = created("Kept");

        Reply blank = update(new UpdateSequence(sequence.id(), "   ", true));
        Reply tooLong = update(new UpdateSequence(sequence.id(), "x".repeat(256), true));
        Reply control = update(new UpdateSequence(sequence.id(), "esc\u001b[31m", true));

        assertThat(blank.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(blank.error().details()).containsKey("name");
        assertThat(tooLong.error().details()).containsKey("name");
        assertThat(control.error().details()).containsKey("name");
        Sequence stored = state.sequence(account, sequence.id());
        assertThat(stored.name).isEqualTo("Kept");
        assertThat(stored.paused).isFalse();
    }

    @Test
    void updatingAnUnknownOrAnotherAccountsSequenceIsNotFoundAndChangesNothing() {
        SequenceData mine = created("Mine");

        Reply foreign = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_SEQUENCE,
                MessagingTestClient.newAccount(), new UpdateSequence(mine.id(), "Theirs", true));
        Reply unknown = update(new UpdateSequence(Long.MAX_VALUE, "Theirs", true));

        assertThat(unknown.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(unknown.error().message()).isEqualTo("Sequence not found.");
        assertThat(foreign.error()).isEqualTo(unknown.error());
        Sequence stored = state.sequence(account, mine.id());
        assertThat(stored.name).isEqualTo("Mine");
        assertThat(stored.paused).isFalse();
    }

    @Test
    void anUpdateWithoutASequenceIdIsAValidationError() {
        Reply reply = client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_SEQUENCE, account,
                Map.of("paused", true));

        assertThat(reply.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        assertThat(reply.error().details()).containsKey("sequence_id");
    }
}
