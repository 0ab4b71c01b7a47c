package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import me.wolfeo.sequences.systemtests.HostileRequest.Verdict;

/**
 * A generated sweep of hostile input over every public endpoint (the REST dialect, the two webhooks, the admin
 * API) and over the enrollment command topic that internal systems publish to. BadInputTest states the refusals
 * case by case; this sweep puts a corpus of hostile values into every field of a valid request and proves, for
 * all of them at once: never a 5xx, every refusal JSON in its endpoint's dialect, another account's ids answered
 * exactly like missing ones, no stored row changed by a refused request, and no partition held back by a record
 * that can never be applied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final String COMMANDS = "enrollments.commands";
    private static final int CONTROL_CHARACTERS = 0x20 + 1 + 0x20; // C0, DEL, C1

    @Test
    @Order(1)
    void everyHostileValueIsRefusedInTheDialectOfItsEndpointAndChangesNoStoredRow() throws Exception {
        HostileTargets targets = HostileTargets.create("Hostile");
        List<Endpoint> endpoints = HostileEndpoints.of(targets);
        HostileCorpus corpus = new HostileCorpus();
        HostileSweep sweep = new HostileSweep();
        StoredRows before = StoredRows.settled(Duration.ofSeconds(30));
        long started = System.nanoTime();

        for (Endpoint endpoint : endpoints) {
            List<HostileRequest> requests = new ArrayList<>(endpoint.fieldCases(corpus).stream()
                    .filter(request -> request.verdict() == Verdict.MUST_REFUSE).toList());
            requests.addAll(endpoint.wholeBodyCases());
            requests.addAll(endpoint.transportCases());
            HostileSweep.Tally tally = sweep.send(endpoint, requests);
            List<Endpoint.ForeignIdPair> pairs = endpoint.foreignIdPairs();
            pairs.forEach(pair -> sweep.compare(endpoint, pair));
            System.out.println(tally.line(endpoint.name())
                    + (pairs.isEmpty() ? "" : ", " + pairs.size() + " foreign ids compared with missing ones"));
        }
        StoredRows after = StoredRows.capture();
        System.out.printf("[hostile] %d requests to %d endpoints in %.1f s; %d rows in %d tables compared%n",
                sweep.requestsSent(), endpoints.size(), (System.nanoTime() - started) / 1e9, after.rowCount(),
                after.tableCount());

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(corpus.controlCharactersUsed().cardinality()).as("control characters sent")
                    .isEqualTo(CONTROL_CHARACTERS);
            soft.assertThat(sweep.problems()).as("answers that break the rules").isEmpty();
            soft.assertThat(after.differencesFrom(before)).as("stored rows changed by refused requests").isEmpty();
        });
        assertTheValidRequestsAreAccepted(endpoints);
    }

    /**
     * The valid requests the hostile values were put into are accepted (in an order that keeps the targets until
     * their deletion), so every refusal above was the hostile value's.
     */
    private static void assertTheValidRequestsAreAccepted(List<Endpoint> endpoints) {
        HostileSweep sweep = new HostileSweep();
        List<String> refused = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (sweep.send(endpoint, List.of(endpoint.valid())).accepted() != 1) {
                refused.add(endpoint.name());
            }
        }
        assertThat(sweep.problems()).isEmpty();
        assertThat(refused).as("endpoints whose valid request was refused").isEmpty();
    }

    @Test
    @Order(2)
    void valuesThatAreOddButValidByTheRulesNeverGetAServerErrorAndAreRefusedOnlyInTheDialect() {
        HostileTargets targets = HostileTargets.create("Odd but valid");
        HostileCorpus corpus = new HostileCorpus();
        HostileSweep sweep = new HostileSweep();

        for (Endpoint endpoint : HostileEndpoints.of(targets)) {
            List<HostileRequest> requests = new ArrayList<>(endpoint.fieldCases(corpus).stream()
                    .filter(request -> request.verdict() == Verdict.VALID_BY_RULE).toList());
            requests.addAll(endpoint.oddButValidBodyCases());
            if (!requests.isEmpty()) {
                System.out.println(sweep.send(endpoint, requests).line(endpoint.name() + " (odd but valid)"));
            }
        }

        assertThat(sweep.problems()).as("answers that break the rules").isEmpty();
    }

    /**
     * The HTTP server's decoder (Netty) refuses a header value holding a C0 control character or DEL before any
     * route runs, with a bare 400 (the README lists this beside the server's size stops: Quarkus does not let the
     * gateway answer it). A C1 character passes the decoder and is the gateway's to refuse, in the dialect.
     */
    @Test
    @Order(3)
    void aControlCharacterInAHeaderValueIsRefused() {
        HostileTargets targets = HostileTargets.create("Hostile headers");
        HostileSweep sweep = new HostileSweep();

        for (Endpoint endpoint : HostileEndpoints.of(targets)) {
            List<HostileRequest> cases = endpoint.headerControlCharacterCases();
            List<HostileRequest> c1 = cases.stream().filter(c -> c.label().startsWith("U+0085")).toList();
            List<HostileRequest> c0 = cases.stream().filter(c -> !c.label().startsWith("U+0085")).toList();
            System.out.println(sweep.sendRefusedByTheServer(endpoint, c0)
                    .line(endpoint.name() + " (C0 and DEL in headers: the server's 400)"));
            System.out.println(sweep.send(endpoint, c1).line(endpoint.name() + " (C1 in headers)"));
        }

        assertThat(sweep.problems()).as("answers that break the rules").isEmpty();
    }

    @Test
    @Order(4)
    void everyPartitionOfTheEnrollmentCommandTopicKeepsFlowingPastHostileRecords() throws Exception {
        Platform.Account account = Platform.newAccount("Internal system");
        long sequenceId = Fixtures.sequence(account, "Fed by an internal system");
        EnrollmentServiceRows.awaitAccountKnown(account.id());
        Map<String, String> hostileByPosition = new LinkedHashMap<>();
        List<String> flowNames = new ArrayList<>();
        long started = System.nanoTime();
        int partitions;

        try (RawProducer producer = new RawProducer(Platform.get().kafkaBootstrapServers())) {
            partitions = producer.partitionsOf(COMMANDS);
            for (int partition = 0; partition < partitions; partition++) {
                for (HostileRecords.HostileRecord record : HostileRecords.forPartition(partition, account.id(),
                        sequenceId)) {
                    RecordMetadata sent = producer.send(COMMANDS, partition, record);
                    hostileByPosition.put(sent.partition() + "@" + sent.offset(), record.label());
                }
            }
            for (int partition = 0; partition < partitions; partition++) {
                String hubspotId = PartitionKeys.hubspotIdOn(partition, partitions, account.id(), "flow");
                String firstName = "Flow " + partition;
                RecordMetadata sent = producer.send(COMMANDS, PartitionKeys.contactKey(account.id(), hubspotId),
                        HostileRecords.enroll("flow-" + account.id() + "-" + partition, account.id(), sequenceId,
                                hubspotId, firstName));
                assertThat(sent.partition()).as("the partition of " + hubspotId).isEqualTo(partition);
                flowNames.add(firstName);
            }
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                Platform.as(account).queryParam("sequence_id", sequenceId).queryParam("per_page", 100)
                        .when().get("/v1/sequences-contacts").then().statusCode(200).extract()
                        .<List<String>>path("data.first_name"))
                .as("contacts enrolled by the valid command after the hostile ones, one per partition")
                .containsAll(flowNames));
        double flowing = (System.nanoTime() - started) / 1e9;
        List<String> deadLettered = DeadLetters.positionsFound(COMMANDS, hostileByPosition.keySet(),
                Duration.ofSeconds(90));
        System.out.printf("[hostile] %s: %d hostile records on %d partitions; a valid enroll after them applied on "
                + "each partition after %.1f s; %d of them in %s.dlq after %.1f s%n", COMMANDS,
                hostileByPosition.size(), partitions, flowing, deadLettered.size(), COMMANDS,
                (System.nanoTime() - started) / 1e9);

        Map<String, String> notDeadLettered = new LinkedHashMap<>(hostileByPosition);
        deadLettered.forEach(notDeadLettered::remove);
        assertThat(notDeadLettered).as("hostile records (partition@offset) missing from " + COMMANDS + ".dlq")
                .isEmpty();
    }

    /**
     * The broker takes records up to 5 MiB ({@code message.max.bytes}), the services' producer sends at most 4 MiB
     * ({@code platform.messaging.producer.max-request-size}): the dead letter of a record that large keeps only the
     * start of its value (header {@code dead-letter-truncated-from}), so that it can be sent; before, the relay
     * retried it for ever and held back everything written after it.
     */
    @Test
    @Order(5)
    void aRecordAsLargeAsTheBrokerTakesIsDeadLetteredAndHoldsBackNothing() throws Exception {
        Platform.Account account = Platform.newAccount("Internal system, large records");
        long sequenceId = Fixtures.sequence(account, "Fed large records");
        EnrollmentServiceRows.awaitAccountKnown(account.id());
        String position;
        try (RawProducer producer = new RawProducer(Platform.get().kafkaBootstrapServers())) {
            RecordMetadata sent = producer.send(COMMANDS, 0, HostileRecords.asLargeAsTheBrokerTakes(account.id()));
            position = sent.partition() + "@" + sent.offset();
            String hubspotId = PartitionKeys.hubspotIdOn(0, producer.partitionsOf(COMMANDS), account.id(), "after");
            producer.send(COMMANDS, PartitionKeys.contactKey(account.id(), hubspotId), HostileRecords.enroll(
                    "after-largest-" + account.id(), account.id(), sequenceId, hubspotId, "After the largest"));
        }
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                    Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/sequences-contacts")
                            .then().statusCode(200).extract().<List<String>>path("data.first_name"))
                    .as("the contact of the valid command after the largest record").contains("After the largest"));
            List<String> deadLettered = DeadLetters.positionsFound(COMMANDS, Set.of(position), Duration.ofSeconds(20));
            boolean drained = EnrollmentServiceRows.outboxDrains(Duration.ofSeconds(10));
            System.out.printf("[hostile] %s: a record of %d bytes at %s: dead-lettered %s; enrollment-service's "
                    + "outbox drains: %s%n", COMMANDS, HostileRecords.LARGEST_VALUE, position,
                    !deadLettered.isEmpty(), drained);
            SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(deadLettered).as("the largest record in " + COMMANDS + ".dlq")
                        .containsExactly(position);
                soft.assertThat(drained).as("enrollment-service's outbox drains after it").isTrue();
            });
        } finally {
            // Should the dead letter ever be unsendable again, the other test classes of this platform still run.
            EnrollmentServiceRows.deleteOutboxRowsOfAtLeast(HostileRecords.LARGEST_VALUE);
        }
    }
}
