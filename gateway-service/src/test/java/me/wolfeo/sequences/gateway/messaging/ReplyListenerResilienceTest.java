package me.wolfeo.sequences.gateway.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.platform.contract.Topics;

/**
 * The gateway's reply listener survives any bad record on {@code gateway.replies} (not JSON, no correlation id, a
 * header without a value, a reply nobody waits for): it skips it with one log line, and the next command is
 * answered. Its readiness check shows it reading.
 */
@QuarkusTest
class ReplyListenerResilienceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void garbageOnTheReplyTopicIsSkippedAndTheNextCommandIsStillAnswered() throws Exception {
        TestAccounts.Created account = TestAccounts.create("Garbage");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // On every partition, as replies keyed by correlation id spread over them.
            for (int partition = 0; partition < 6; partition++) {
                send(producer, new ProducerRecord<>(Topics.GATEWAY_REPLIES, partition, null,
                        "not json".getBytes(StandardCharsets.UTF_8)));
                send(producer, new ProducerRecord<>(Topics.GATEWAY_REPLIES, partition, "k",
                        "{\"status\":".getBytes(StandardCharsets.UTF_8),
                        List.of(new RecordHeader("correlation-id", (byte[]) null))));
                send(producer, new ProducerRecord<>(Topics.GATEWAY_REPLIES, partition, "k", null,
                        List.of(new RecordHeader("correlation-id", UUID.randomUUID().toString()
                                .getBytes(StandardCharsets.UTF_8)))));
                send(producer, new ProducerRecord<>(Topics.GATEWAY_REPLIES, partition, null, new byte[]{0, -1, 7}));
            }
        }

        try (Responder responder = new Responder(account.accountId())) {
            given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                    .body("{\"name\": \"Answered after the garbage\"}")
                    .when().post("/v1/sequence")
                    .then().statusCode(201)
                    .body("data.id", equalTo(4242))
                    .body("data.name", equalTo("Answered after the garbage"));
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("Kafka reply listener"));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
            throws Exception {
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Answers this account's sequence.create commands as sequence-service would, until closed. */
    private final class Responder implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch listening = new CountDownLatch(1);
        private final Thread thread;

        Responder(long accountId) throws InterruptedException {
            thread = new Thread(() -> answer(accountId), "test-responder");
            thread.start();
            if (!listening.await(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test responder does not listen");
            }
        }

        private void answer(long accountId) {
            try (KafkaConsumer<String, byte[]> commands = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                    new ByteArrayDeserializer());
                    KafkaProducer<String, byte[]> replies = producer()) {
                List<TopicPartition> partitions = commands.partitionsFor(Topics.SEQUENCE_COMMANDS,
                        Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                commands.assign(partitions);
                commands.seekToEnd(partitions);
                partitions.forEach(commands::position);
                listening.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : commands.poll(Duration.ofMillis(100))) {
                        JsonNode command = json.readTree(record.value());
                        if (command.path("account_id").asLong() != accountId) {
                            continue;
                        }
                        String reply = "{\"status\":\"OK\",\"data\":{\"id\":4242,\"name\":"
                                + json.writeValueAsString(command.path("data").path("name").asText())
                                + ",\"type\":\"normal\",\"created_at\":\"2026-01-01T00:00:00Z\",\"paused\":false}}";
                        String correlationId = new String(record.headers().lastHeader("correlation-id").value(),
                                StandardCharsets.UTF_8);
                        String replyTo = new String(record.headers().lastHeader("reply-to").value(),
                                StandardCharsets.UTF_8);
                        ProducerRecord<String, byte[]> answer = new ProducerRecord<>(replyTo, correlationId,
                                reply.getBytes(StandardCharsets.UTF_8));
                        answer.headers().add("correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
                        replies.send(answer);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("The test responder failed", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
