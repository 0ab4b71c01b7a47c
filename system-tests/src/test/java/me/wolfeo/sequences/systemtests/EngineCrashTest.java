package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

import me.wolfeo.sequences.local.testing.KafkaTestClient;

/**
 * A crash of enrollment-service (SIGKILL) while the engine sends due email steps loses none of them and does none
 * twice under different ids: after the restart every due step runs, and a step run again after the crash carries
 * the same Message-ID.
 */
class EngineCrashTest {

    private static final int CONTACTS = 800;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCrashWhileStepsAreDispatchedLosesNoneAndDoublesNoneUnderAnotherId() throws Exception {
        Platform.Account account = Platform.newAccount("Crash");
        long sequenceId = Fixtures.sequence(account, "Crash");
        long stageId = ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"send_email\", \"time_value\": 1, "
                        + "\"time_type\": 3600}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
        Fixtures.content(account, stageId, "<p>Hello</p>");
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(IntStream.range(0, CONTACTS).mapToObj(i -> CompletableFuture.runAsync(
                    () -> assertThat(enroll(account, sequenceId, "crash-" + run + "-" + i)).isEqualTo(200),
                    clients)).toArray(CompletableFuture[]::new)).get();
        } finally {
            clients.shutdown();
        }

        java.time.LocalDateTime clockAtTheKill;
        try (KafkaTestClient kafka = new KafkaTestClient(Platform.get().kafkaBootstrapServers())) {
            // Killed as soon as the first steps are out: the others are being claimed, sent or committed.
            CompletableFuture<?> firstOut = CompletableFuture.runAsync(() -> kafka.read("enrollments.events",
                    record -> isStepOf(record, sequenceId), 1, Duration.ofSeconds(30)));
            Thread.sleep(1000);
            Platform.advanceClock(Duration.ofHours(1));
            firstOut.get();
            clockAtTheKill = Platform.clockNow();
            Platform.get().kill("enrollment-service");
            System.out.printf("[crash test] %d of %d steps had run when enrollment-service was killed%n",
                    messageIdsByContact(kafka, sequenceId).size(), CONTACTS);
        }
        Platform.get().awaitReady("enrollment-service", Duration.ofSeconds(120));
        // The restarted service runs on the system clock again (behind the clock this and other tests moved
        // forward): bring it back to where it was, so that the steps are due for it too.
        Duration behind = Duration.between(Platform.clockNow(), clockAtTheKill);
        Platform.advanceClock(behind.isNegative() ? Duration.ofSeconds(1) : behind.plusSeconds(1));

        try (KafkaTestClient kafka = new KafkaTestClient(Platform.get().kafkaBootstrapServers())) {
            AtomicReference<Map<Long, Set<String>>> idsByContact = new AtomicReference<>(Map.of());
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
                idsByContact.set(messageIdsByContact(kafka, sequenceId));
                return idsByContact.get().size() >= CONTACTS;
            });
            assertThat(idsByContact.get()).as("every contact's step ran").hasSize(CONTACTS);
            assertThat(idsByContact.get().values()).as("each under one Message-ID").allMatch(ids -> ids.size() == 1);
        }
    }

    private static int enroll(Platform.Account account, long sequenceId, String id) {
        return Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                        + ", \"source\": \"hubspot\", \"id\": \"" + id + "\", \"email\": \"" + id + "@example.com\"}")
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().extract().statusCode();
    }

    private static boolean isStepOf(ConsumerRecord<String, byte[]> record, long sequenceId) {
        String value = KafkaTestClient.value(record);
        return value.contains("\"type\":\"step.done\"") && value.contains("\"sequence_id\":" + sequenceId + ",");
    }

    /** Every step.done event of the sequence so far (read for two seconds), their Message-IDs by contact. */
    private static Map<Long, Set<String>> messageIdsByContact(KafkaTestClient kafka, long sequenceId) {
        List<ConsumerRecord<String, byte[]>> steps = kafka.read("enrollments.events",
                record -> isStepOf(record, sequenceId), Integer.MAX_VALUE, Duration.ofSeconds(2));
        return steps.stream().map(EngineCrashTest::data)
                .collect(Collectors.groupingBy(data -> data.path("contact_id").asLong(),
                        Collectors.mapping(data -> data.path("delivery_id").asText(), Collectors.toSet())));
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).path("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
