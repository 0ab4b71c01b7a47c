package me.wolfeo.sequences.enrollmentservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.Disenroll;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.enrollment.SetEnrollmentPaused;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * The engine moves enrolled contacts through the stages of their sequence on time, on the real broker and
 * database. Time is this service's adjustable clock, moved forward by the tests instead of waited for.
 */
@QuarkusTest
class SequenceEngineTest {

    private static final int HOUR = 3600;
    private static final int DAY = 86400;
    /** Long enough for the engine (polling every 250 ms) to have looked several times. */
    private static final Duration A_FEW_POLLS = Duration.ofMillis(1500);

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;
    @Inject
    ObjectMapper mapper;
    @Inject
    EngineClock clock;
    @Inject
    StepBatch batch;

    private long account;
    private long sequenceId;

    @BeforeEach
    void accountWithASequence() {
        account = fixtures.knownAccount();
        sequenceId = fixtures.knownSequence(account, "Engine");
    }

    private void advance(Duration by) {
        clock.adjustable().orElseThrow().advance(by);
    }

    private long enroll(String crmId) {
        return enroll(sequenceId, crmId, false);
    }

    private long enroll(long sequence, String crmId, boolean force) {
        return client.ok(client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequence, force, "hubspot", crmId, null, crmId + "@example.com", "Ada", null)),
                EnrollmentResult.class).contactId();
    }

    private void disenroll(String crmId) {
        client.ok(client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.DISENROLL, account,
                new Disenroll("hubspot", crmId, null)), EnrollmentResult.class);
    }

    private EnrollmentProgress setPaused(long contactId, boolean paused) {
        return client.ok(client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.SET_PAUSED, account,
                new SetEnrollmentPaused(contactId, sequenceId, paused)), EnrollmentProgress.class);
    }

    private EnrollmentProgress progress(long contactId) {
        return fixtures.progress(contactId, sequenceId);
    }

    private List<ConsumerRecord<String, byte[]>> actions(long contactId, int atLeast, Duration within) {
        return client.kafka().read(Topics.ENROLLMENT_ACTIONS, record -> Long.toString(contactId).equals(record.key()),
                atLeast, within);
    }

    private String actionId(ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.readTree(record.value()).path("data").path("action_id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHistory(long contactId, int steps) {
        EnrollmentFixtures.eventually().until(() -> progress(contactId).history().size() >= steps);
    }

    private List<String> outcomes(long contactId) {
        return progress(contactId).history().stream().map(step -> step.step() + ":" + step.outcome()).toList();
    }

    @Test
    void aStageRunsWhenItsDelayHasPassedAndNotBefore() throws Exception {
        StageData stage = fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        long contact = enroll("timed");

        advance(Duration.ofMinutes(59));
        Thread.sleep(A_FEW_POLLS.toMillis());
        assertThat(progress(contact).history()).isEmpty();
        assertThat(progress(contact).waitingFor()).isEqualTo("delay");
        assertThat(progress(contact).step()).isEqualTo(1);

        advance(Duration.ofMinutes(1));
        awaitHistory(contact, 1);
        EnrollmentProgress done = progress(contact);
        assertThat(done.state()).isEqualTo("finished");
        assertThat(done.history().get(0).outcome()).isEqualTo("done");
        assertThat(done.history().get(0).stageId()).isEqualTo(stage.id());
        JsonNode action = mapper.readTree(actions(contact, 1, MessagingTestClient.patience()).get(0).value());
        assertThat(action.path("type").asText()).isEqualTo("action.triggered");
        assertThat(action.path("data").path("action_id").asText())
                .isEqualTo("enrollment-" + done.enrollmentId() + "-stage-" + stage.id());
        assertThat(action.path("data").path("contact").path("email").asText()).isEqualTo("timed@example.com");
        assertThat(events(contact, "contact.finished")).hasSize(1);
    }

    private List<ConsumerRecord<String, byte[]>> events(long contactId, String type) {
        return client.kafka().read(Topics.ENROLLMENT_EVENTS, record -> Long.toString(contactId).equals(record.key())
                && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("\"type\":\"" + type + "\""),
                1, MessagingTestClient.patience());
    }

    @Test
    void eachLaterStageWaitsItsDelayFromWhenThePreviousStepRan() throws Exception {
        fixtures.knownActionStage(account, sequenceId, 1, 0, HOUR);
        fixtures.knownActionStage(account, sequenceId, 2, 1, DAY);
        long contact = enroll("two-steps");

        awaitHistory(contact, 1);
        var firstRanAt = progress(contact).history().get(0).at();
        assertThat(progress(contact).nextDueAt()).isEqualTo(firstRanAt.plus(Duration.ofDays(1)));

        advance(Duration.ofHours(23));
        Thread.sleep(A_FEW_POLLS.toMillis());
        assertThat(progress(contact).history()).hasSize(1);
        advance(Duration.ofHours(1));
        awaitHistory(contact, 2);
        assertThat(outcomes(contact)).containsExactly("1:done", "2:done");
        assertThat(progress(contact).state()).isEqualTo("finished");
        assertThat(actions(contact, 2, MessagingTestClient.patience())).hasSize(2);
    }

    @Test
    void anInactiveStageIsSkippedWhenTheContactReachesItAndTheSequenceGoesOn() {
        fixtures.knownStage(account, sequenceId, 1, StageRules.ACTION, 0, HOUR, false, null);
        fixtures.knownActionStage(account, sequenceId, 2, 0, HOUR);
        long contact = enroll("inactive-first");

        awaitHistory(contact, 2);
        assertThat(outcomes(contact)).containsExactly("1:skipped", "2:done");
        assertThat(progress(contact).history().get(0).reason()).isEqualTo("inactive");
        assertThat(events(contact, "step.skipped")).hasSize(1);
    }

    @Test
    void anEnrollmentIntoASequenceWithoutStagesWaitsForOneToBeAdded() {
        long contact = enroll("early");
        assertThat(progress(contact).waitingFor()).isEqualTo("stages");

        fixtures.knownActionStage(account, sequenceId, 1, 0, HOUR);
        awaitHistory(contact, 1);
        assertThat(progress(contact).state()).isEqualTo("finished");
    }

    @Test
    void aStageAddedWhileTheContactWaitsIsReachedInStepOrder() {
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        long contact = enroll("growing");
        fixtures.knownActionStage(account, sequenceId, 2, 0, HOUR);

        advance(Duration.ofHours(1));
        awaitHistory(contact, 2);
        assertThat(outcomes(contact)).containsExactly("1:done", "2:done");
    }

    @Test
    void aDeletedStageIsNeverRunAndTheContactGoesOnToTheNextOne() {
        StageData first = fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        StageData second = fixtures.knownActionStage(account, sequenceId, 2, 0, HOUR);
        long contact = enroll("deleted-stage");

        fixtures.stageDeleted(account, first, List.of(new StageDeleted.StageStep(second.id(), 1)));
        advance(Duration.ofMinutes(1));
        awaitHistory(contact, 1);
        assertThat(progress(contact).history()).extracting(EnrollmentProgress.StepRecord::stageId)
                .containsExactly(second.id());
    }

    @Test
    void aLongerDelayOnAStageMovesTheDueTimeOfThoseWaitingForIt() {
        StageData stage = fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        long contact = enroll("retimed");
        var enrolledAt = progress(contact).enrolledAt();

        fixtures.stageUpdated(account, new StageData(stage.id(), sequenceId, 1, stage.name(), stage.stageType(), 2,
                DAY, true, stage.createdAt(), null));
        EnrollmentFixtures.eventually()
                .until(() -> enrolledAt.plus(Duration.ofDays(2)).equals(progress(contact).nextDueAt()));
    }

    @Test
    void aPausedEnrollmentRunsNothingUntilResumedThenRunsWhatFellDueAtOnce() throws Exception {
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        long contact = enroll("paused");

        assertThat(setPaused(contact, true).state()).isEqualTo("paused");
        advance(Duration.ofHours(2));
        Thread.sleep(A_FEW_POLLS.toMillis());
        assertThat(progress(contact).history()).isEmpty();
        assertThat(progress(contact).waitingFor()).isEqualTo("paused");

        assertThat(setPaused(contact, false).state()).isEqualTo("active");
        awaitHistory(contact, 1);
        assertThat(progress(contact).state()).isEqualTo("finished");
    }

    @Test
    void aPausedSequenceRunsNoStepForAnyContactUntilResumed() throws Exception {
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        long contact = enroll("sequence-paused");

        fixtures.sequencePaused(account, sequenceId, true);
        advance(Duration.ofHours(2));
        Thread.sleep(A_FEW_POLLS.toMillis());
        assertThat(progress(contact).history()).isEmpty();
        assertThat(progress(contact).waitingFor()).isEqualTo("sequence_paused");

        fixtures.sequencePaused(account, sequenceId, false);
        awaitHistory(contact, 1);
    }

    @Test
    void aDisenrolledContactGetsNothingMoreEvenAStepDueAtThatInstant() throws Exception {
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        fixtures.knownActionStage(account, sequenceId, 2, 0, HOUR);
        List<String> ids = new ArrayList<>();
        Map<String, Long> contacts = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            String id = "race-" + i;
            ids.add(id);
            contacts.put(id, enroll(id));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            advance(Duration.ofHours(1));
            CompletableFuture.allOf(ids.stream()
                    .map(id -> CompletableFuture.runAsync(() -> disenroll(id), pool))
                    .toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        Thread.sleep(A_FEW_POLLS.toMillis());

        for (String id : ids) {
            EnrollmentProgress ended = progress(contacts.get(id));
            assertThat(ended.state()).as(id).isIn("disenrolled", "finished");
            if (ended.state().equals("disenrolled")) {
                assertThat(ended.history()).as(id).allMatch(step -> !step.at().isAfter(ended.endedAt()));
            }
        }
    }

    @Test
    void forceEnrollingIntoAnotherSequenceStartsThereAtStepOne() {
        fixtures.knownActionStage(account, sequenceId, 1, 1, DAY);
        long other = fixtures.knownSequence(account, "Other");
        fixtures.knownActionStage(account, other, 1, 0, HOUR);
        long contact = enroll("mover");

        enroll(other, "mover", true);
        EnrollmentFixtures.eventually()
                .until(() -> fixtures.progress(contact, other).history().size() == 1);
        assertThat(progress(contact).state()).isEqualTo("disenrolled");
        assertThat(progress(contact).endReason()).isEqualTo("moved");
        assertThat(progress(contact).history()).isEmpty();
    }

    @Test
    void claimLoopsRunningSideBySideNeverRunOneStepTwice() throws Exception {
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        List<Long> enrolled = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            enrolled.add(enroll("shared-" + i));
        }

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            advance(Duration.ofHours(1));
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(CompletableFuture.runAsync(() -> {
                    while (batch.runOnce() > 0) {
                        // like another replica, claiming beside the engine's own loops
                    }
                }, replicas));
            }
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get();
        } finally {
            replicas.shutdown();
        }

        for (long contact : enrolled) {
            EnrollmentFixtures.eventually().until(() -> progress(contact).history().size() == 1);
        }
        // Ask for one more than expected: a step run twice would show as a second event of its action id.
        List<ConsumerRecord<String, byte[]>> events = client.kafka().read(Topics.ENROLLMENT_ACTIONS,
                record -> enrolled.contains(Long.parseLong(record.key())), enrolled.size() + 1,
                Duration.ofSeconds(5));
        Map<String, Long> perAction = events.stream().map(this::actionId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perAction).hasSize(enrolled.size());
        assertThat(events).hasSize(enrolled.size());
    }
}
