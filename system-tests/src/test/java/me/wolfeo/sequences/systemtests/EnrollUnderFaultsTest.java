package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import me.wolfeo.sequences.local.LocalPlatform;

/**
 * A fault in the middle of an enroll load: 8 clients enroll 600 new contacts through the webhook, each request
 * with an Idempotency-Key of its own, sent again with the same key after any answer that is not final, and once
 * 200 are acknowledged, enrollment-service is killed or the Kafka broker restarted. The sequence's first stage is
 * an action due at once, so the engine runs steps through the fault too. Whatever the fault, every contact ends
 * up acknowledged; each acknowledged enrollment is in the sequence exactly once; and its {@code contact.enrolled}
 * event and its first step's {@code action.triggered} are on Kafka at least once, every copy under one id.
 */
class EnrollUnderFaultsTest {

    private static final int CONTACTS = 600;
    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_THE_FAULT = 200;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(100);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    private static final Duration EVENTS_LIMIT = Duration.ofSeconds(30);
    private static final List<String> SERVICES = List.of("gateway-service", "sequence-service", "content-service",
            "enrollment-service");

    private final LocalPlatform platform = Platform.get();
    private Platform.Account account;
    private long sequenceId;

    /** How the broker goes down, and how long it stays down. */
    enum BrokerFault {

        /** A rolling restart: down for less than the gateway's 10 s timeout. */
        RESTART("stopped (SIGTERM) and started again at once", false, Duration.ZERO),
        /** Down longer than the gateway's timeout: clients get 503 and 504 answers and retry. */
        CRASH_AND_15_S_DOWN("killed (SIGKILL) and started again 15 s later", true, Duration.ofSeconds(15));

        private final String description;
        private final boolean crash;
        private final Duration down;

        BrokerFault(String description, boolean crash, Duration down) {
            this.description = description;
            this.crash = crash;
            this.down = down;
        }

        void inflictOn(LocalPlatform platform) throws Exception {
            if (crash) {
                platform.crashAndRestartKafka(down);
            } else {
                platform.restartKafka(down);
            }
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aKillOfEnrollmentServiceUnderLoadLosesNoAcknowledgedEnrollmentAndDoublesNone() throws Exception {
        try (EnrollLoad load = startLoad("Kill under load")) {
            long killed = platform.processIds().get("enrollment-service");
            java.time.LocalDateTime clockBeforeTheKill = Platform.clockNow();

            long killedAt = System.nanoTime();
            platform.kill("enrollment-service");
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> platform.processIds().get("enrollment-service") != killed);
            Duration ready = awaitReady(List.of("enrollment-service"), killedAt).get("enrollment-service");
            // Other tests may have moved the engine's clock forward; the restarted service starts on the system
            // clock, which would leave the steps of the enrollments made before the kill due hours from now.
            Duration setBack = Duration.between(Platform.clockNow(), clockBeforeTheKill);
            if (!setBack.isNegative()) {
                Platform.advanceClock(setBack.plusSeconds(1));
            }
            EnrollLoad.Outcome outcome = load.finish();

            assertEveryAcknowledgedEnrollmentIsThereOnceWithItsEvents("kill -9 enrollment-service", outcome,
                    "restarted by the supervisor and ready " + seconds(ready) + " after the kill, first enrollment "
                            + "acknowledged " + outcome.firstAcknowledgementAfter(killedAt + ready.toNanos())
                            + " after that");
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerFault.class)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aRestartOfTheKafkaBrokerUnderLoadLosesNoAcknowledgedEnrollmentAndDoublesNone(BrokerFault fault)
            throws Exception {
        try (EnrollLoad load = startLoad("Broker " + fault)) {
            long stoppedAt = System.nanoTime();
            fault.inflictOn(platform);
            long backAt = System.nanoTime();
            // Nothing restarts the services: each finds the broker again by itself, or stays unready.
            Map<String, Duration> ready = awaitReady(SERVICES, backAt);
            EnrollLoad.Outcome outcome = load.finish();

            assertEveryAcknowledgedEnrollmentIsThereOnceWithItsEvents("Kafka broker " + fault.description, outcome,
                    "broker answering again " + seconds(Duration.ofNanos(backAt - stoppedAt)) + " after its stop, "
                            + "first enrollment acknowledged " + outcome.firstAcknowledgementAfter(backAt)
                            + " after that; services ready again after the broker: " + describe(ready));
        }
    }

    /**
     * A new account and sequence (an action due at once, then one a week later, so that the contacts stay in the
     * sequence), and the load on them, running; returns once the fault is due.
     */
    private EnrollLoad startLoad(String name) throws InterruptedException {
        account = Platform.newAccount(name);
        sequenceId = Fixtures.sequence(account, name);
        activate(actionStage(0, 3600));
        activate(actionStage(1, 604800));
        String run = "fault-" + UUID.randomUUID().toString().substring(0, 8);
        EnrollLoad load = EnrollLoad.start(platform.gatewayUrl(), account, sequenceId, run, CONTACTS, CLIENTS,
                LOAD_LIMIT);
        if (!load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_THE_FAULT, Duration.ofSeconds(60))) {
            load.close();
            throw new AssertionError("Not even " + ACKNOWLEDGED_BEFORE_THE_FAULT
                    + " enrollments acknowledged in 60 s, before any fault");
        }
        return load;
    }

    private long actionStage(int timeValue, int timeType) {
        return ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"action\", \"time_value\": "
                        + timeValue + ", \"time_type\": " + timeType + "}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
    }

    private void activate(long stageId) {
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage")
                .then().statusCode(200);
    }

    private void assertEveryAcknowledgedEnrollmentIsThereOnceWithItsEvents(String fault, EnrollLoad.Outcome outcome,
            String recovery) throws InterruptedException {
        List<ListedContact> listed = contactsOfSequence();
        Set<String> acknowledged = outcome.acknowledgedEmails();
        Set<String> listedEmails = listed.stream().map(ListedContact::email).collect(Collectors.toSet());
        Set<String> lost = new TreeSet<>(acknowledged);
        lost.removeAll(listedEmails);
        List<ListedContact> duplicated = repeated(listed, ListedContact::email);
        duplicated.addAll(repeated(listed, ListedContact::id));
        Set<Long> contactIds = listed.stream().map(ListedContact::id).collect(Collectors.toSet());
        ContactEvents enrolled = awaitEvents(ContactEvents.ENROLLED, contactIds);
        ContactEvents firstSteps = awaitEvents(ContactEvents.ACTION_TRIGGERED, contactIds);

        EnrollLoad.Enrollment slowest = outcome.slowest();
        System.out.printf("[fault test] %s: %d contacts, %d acknowledged, %d refused, %d unanswered, %s, "
                + "%d lost, %d duplicated; %s, %s, %d doubled under another id; no enrollment acknowledged for %s, "
                + "every attempt answered within %s, slowest enrollment %s (%s); %s%n",
                fault, outcome.contacts(), acknowledged.size(), outcome.refused(), outcome.unanswered(),
                outcome.retriesDescription(), lost.size(), duplicated.size(), enrolled.describe(),
                firstSteps.describe(), enrolled.doubledUnderAnotherId().size()
                        + firstSteps.doubledUnderAnotherId().size(),
                seconds(outcome.longestSilence()), seconds(outcome.longestAttempt()), seconds(slowest.took()),
                slowest.attempts() == 1 ? "1 attempt" : slowest.attempts() + " attempts", recovery);

        assertThat(outcome.notAcknowledged()).as("enrollments whose final answer is not a 200").isEmpty();
        assertThat(acknowledged).as("acknowledged enrollments").hasSize(outcome.contacts());
        assertThat(outcome.retriesByCause()).as("attempts the gateway left unanswered past its 10 s")
                .doesNotContainKey(EnrollLoad.CLIENT_TIME_OUT);
        assertThat(lost).as("acknowledged enrollments missing from the sequence's contacts").isEmpty();
        assertThat(duplicated).as("contacts listed twice").isEmpty();
        assertThat(listedEmails).as("the sequence's contacts").isEqualTo(acknowledged);
        for (ContactEvents events : List.of(enrolled, firstSteps)) {
            assertThat(events.contacts()).as("contacts with a " + events.type()).containsAll(contactIds);
            assertThat(events.doubledUnderAnotherId()).as(events.type() + " doubled under another id").isEmpty();
        }
    }

    /** How long after {@code since} each service answered its readiness check, polled side by side. */
    private Map<String, Duration> awaitReady(List<String> services, long since) throws InterruptedException {
        Map<String, Duration> ready = new LinkedHashMap<>();
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (ready.size() < services.size() && System.nanoTime() < deadline) {
            for (String service : services) {
                if (!ready.containsKey(service) && answersReady(service)) {
                    ready.put(service, since(since));
                }
            }
            Thread.sleep(100);
        }
        assertThat(ready.keySet()).as("services ready again within " + seconds(RECOVERY_LIMIT))
                .containsExactlyInAnyOrderElementsOf(services);
        return ready;
    }

    /** "gateway-service 0.1 s, content-service 5.4 s". */
    private static String describe(Map<String, Duration> ready) {
        return ready.entrySet().stream().map(service -> service.getKey() + " " + seconds(service.getValue()))
                .collect(Collectors.joining(", "));
    }

    private boolean answersReady(String service) {
        try {
            return RestAssured.given().baseUri(platform.serviceUrl(service)).when().get("/q/health/ready")
                    .statusCode() == 200;
        } catch (Exception e) { // RestAssured throws the connection's IOException unchecked
            return false;
        }
    }

    /**
     * The account's events of this kind once every contact has one, or as they are after a while: they leave
     * through the outbox shortly after their commit, and after a broker restart once the relay has caught up.
     */
    private ContactEvents awaitEvents(ContactEvents.Kind kind, Set<Long> contactIds) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTS_LIMIT.toNanos();
        while (true) {
            ContactEvents events = ContactEvents.read(platform.kafkaBootstrapServers(), kind, account.id(),
                    Duration.ofSeconds(20));
            if (events.contacts().containsAll(contactIds) || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(500);
        }
    }

    /** The sequence's contacts, through the public API, every page. */
    private List<ListedContact> contactsOfSequence() {
        List<ListedContact> contacts = new ArrayList<>();
        int lastPage = 1;
        for (int page = 1; page <= lastPage; page++) {
            JsonPath answer = Platform.as(account).queryParam("sequence_id", sequenceId).queryParam("page", page)
                    .queryParam("per_page", 100)
                    .when().get("/v1/sequences-contacts")
                    .then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> contact : answer.<Map<String, Object>>getList("data")) {
                contacts.add(new ListedContact(((Number) contact.get("id")).longValue(),
                        (String) contact.get("email")));
            }
            lastPage = answer.getInt("meta.last_page");
        }
        return contacts;
    }

    private record ListedContact(long id, String email) {
    }

    private static <K> List<ListedContact> repeated(List<ListedContact> contacts,
            Function<ListedContact, K> identity) {
        Set<K> seen = new HashSet<>();
        return contacts.stream().filter(contact -> !seen.add(identity.apply(contact)))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
