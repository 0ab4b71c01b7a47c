package me.wolfeo.sequences.enrollmentservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.enrollmentservice.delivery.ContentServiceStub;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * The limits that hold steps back without dropping them: a sequence's throttle of contacts starting it per minute,
 * which holds in total however many claim loops (or replicas) share the work, and an account's daily cap of emails
 * per sender address across its sequences. A held step waits with the reason {@code throttle} and runs later.
 */
@QuarkusTest
class SendingLimitsTest {

    private static final int HOUR = 3600;
    private static final Duration A_FEW_POLLS = Duration.ofMillis(1500);

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;
    @Inject
    EngineClock clock;
    @Inject
    StepBatch batch;

    private long account;

    @BeforeEach
    void newAccount() {
        account = fixtures.knownAccount();
    }

    private void advance(Duration by) {
        clock.adjustable().orElseThrow().advance(by);
    }

    private static Schedule throttled(int perMinute) {
        return new Schedule(Schedule.Days.EVERY_DAY, null, null, null, perMinute);
    }

    private long enroll(long sequenceId) {
        String crmId = "limited-" + UUID.randomUUID();
        return client.ok(client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequenceId, false, "hubspot", crmId, null, crmId + "@example.com", "Ada", null)),
                EnrollmentResult.class).contactId();
    }

    private List<Long> enrollMany(long sequenceId, int count) {
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(enroll(sequenceId));
        }
        return contacts;
    }

    private Map<Long, EnrollmentProgress> progress(List<Long> contacts, long sequenceId) {
        return contacts.stream().collect(Collectors.toMap(Function.identity(),
                contact -> fixtures.progress(contact, sequenceId)));
    }

    private static long ran(Map<Long, EnrollmentProgress> progress) {
        return progress.values().stream().filter(one -> !one.history().isEmpty()).count();
    }

    /** How many first steps ran in each minute of the engine's clock. */
    private static Map<Instant, Long> startsPerMinute(Map<Long, EnrollmentProgress> progress) {
        return progress.values().stream().flatMap(one -> one.history().stream())
                .collect(Collectors.groupingBy(step -> step.at().truncatedTo(ChronoUnit.MINUTES),
                        Collectors.counting()));
    }

    /** Moves the clock a minute at a time until every contact has run its step, each time letting the engine work. */
    private Map<Long, EnrollmentProgress> runAllMinuteByMinute(List<Long> contacts, long sequenceId, int minutes)
            throws InterruptedException {
        Map<Long, EnrollmentProgress> progress = progress(contacts, sequenceId);
        for (int minute = 0; minute < minutes && ran(progress) < contacts.size(); minute++) {
            advance(Duration.ofMinutes(1));
            Thread.sleep(A_FEW_POLLS.toMillis());
            progress = progress(contacts, sequenceId);
        }
        return progress;
    }

    @Test
    void aThrottledSequenceStartsAtMostItsNumberOfContactsAMinuteAndTheOthersWaitTheirTurn() throws Exception {
        long sequenceId = fixtures.knownSequence(account, "Throttled");
        fixtures.knownActionStage(account, sequenceId, 1, 0, HOUR);
        fixtures.scheduled(account, sequenceId, throttled(5), true);
        List<Long> contacts = enrollMany(sequenceId, 12);

        fixtures.scheduled(account, sequenceId, throttled(5), false);
        EnrollmentFixtures.eventually().until(() -> ran(progress(contacts, sequenceId)) >= 5);
        Thread.sleep(A_FEW_POLLS.toMillis());
        Map<Long, EnrollmentProgress> first = progress(contacts, sequenceId);
        assertThat(first.values()).filteredOn(one -> one.history().isEmpty()).isNotEmpty()
                .allSatisfy(waiting -> assertThat(waiting.waitingFor()).isEqualTo("throttle"));

        Map<Long, EnrollmentProgress> all = runAllMinuteByMinute(contacts, sequenceId, 6);
        assertThat(all.values()).allSatisfy(one -> assertThat(one.history()).hasSize(1));
        assertThat(startsPerMinute(all).values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(5));
    }

    @Test
    void theThrottleHoldsInTotalWhenMoreClaimLoopsThanTheEnginesOwnRaceForTheSameDueSteps() throws Exception {
        long sequenceId = fixtures.knownSequence(account, "Throttled across replicas");
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
        fixtures.scheduled(account, sequenceId, throttled(10), false);
        List<Long> contacts = enrollMany(sequenceId, 40);

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loops.add(replicas.submit(() -> {
                while (running.get()) {
                    batch.runOnce();
                }
                return null;
            }));
        }
        try {
            advance(Duration.ofHours(1));
            Map<Long, EnrollmentProgress> all = runAllMinuteByMinute(contacts, sequenceId, 10);

            assertThat(all.values()).allSatisfy(one -> assertThat(one.history()).hasSize(1));
            assertThat(startsPerMinute(all).values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(10));
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            replicas.shutdown();
        }
    }

    private StageData emailStage(long sequenceId, String from) {
        StageData stage = fixtures.knownStage(account, sequenceId, 1, StageRules.SEND_EMAIL, 1, HOUR, true, null);
        ContentServiceStub.register(account, new EmailMessage(EnrollmentFixtures.newId(), stage.id(), "Hello",
                "Acme", from, "<p>Hello</p>"));
        return stage;
    }

    @Test
    void anAccountsDailyCapOfEmailsPerSenderHoldsAcrossItsSequencesAndTheRestGoNextDay() throws Exception {
        fixtures.emailsPerSenderPerDay(account, 3);
        long first = fixtures.knownSequence(account, "Capped first");
        long second = fixtures.knownSequence(account, "Capped second");
        long otherSender = fixtures.knownSequence(account, "Another sender");
        emailStage(first, "Hello@Acme.test");
        emailStage(second, "hello@acme.test");
        emailStage(otherSender, "sales@acme.test");
        List<Long> inFirst = enrollMany(first, 2);
        List<Long> inSecond = enrollMany(second, 2);
        List<Long> ofOtherSender = enrollMany(otherSender, 1);

        advance(Duration.ofHours(1));
        EnrollmentFixtures.eventually().until(() -> ran(progress(inFirst, first)) + ran(progress(inSecond, second)) >= 3
                && ran(progress(ofOtherSender, otherSender)) == 1);
        Thread.sleep(A_FEW_POLLS.toMillis());
        List<EnrollmentProgress> sameSender = new ArrayList<>(progress(inFirst, first).values());
        sameSender.addAll(progress(inSecond, second).values());
        assertThat(sameSender).filteredOn(one -> !one.history().isEmpty()).hasSize(3)
                .allSatisfy(sent -> assertThat(sent.history().get(0).outcome()).isEqualTo("done"));
        EnrollmentProgress held = sameSender.stream().filter(one -> one.history().isEmpty()).findFirst().orElseThrow();
        assertThat(held.waitingFor()).isEqualTo("throttle");
        Instant nextDay = LocalDate.ofInstant(clock.adjustable().orElseThrow().instant(), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(held.nextDueAt()).isEqualTo(nextDay);

        advance(Duration.between(clock.adjustable().orElseThrow().instant(), nextDay).plusMinutes(1));
        EnrollmentFixtures.eventually().until(() -> !fixtures.progress(held.contactId(), held.sequenceId()).history()
                .isEmpty());
        assertThat(fixtures.progress(held.contactId(), held.sequenceId()).history().get(0).outcome())
                .isEqualTo("done");
    }
}
