package me.wolfeo.sequences.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.CommonsTestApplication;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.messaging.KafkaClientSettings;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.PlatformProducer;
import me.wolfeo.sequences.platform.testing.MessagingConfigs;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * The relay after a crash and beside other relays: a row left in {@code platform_outbox} (its transaction
 * committed, the process gone before the relay sent it) is sent by the next pass, and two relays over one database
 * never send at the same time (the advisory lock), so events leave in the order they were written.
 */
@QuarkusTest
@TestProfile(CommonsTestApplication.class)
class OutboxRelayFailureTest {

    /** A topic of the test broker that nothing in this application reads. */
    private static final String TOPIC = Topics.SEQUENCE_EVENTS;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxStore store;
    @Inject
    PlatformProducer producer;
    @Inject
    MessagingConfig config;
    @Inject
    KafkaClientSettings kafkaSettings;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRowLeftInTheOutboxByACrashIsSentByTheNextRelayPass() {
        String marker = "left-by-a-crash-" + UUID.randomUUID();

        // Committed outside any relay's knowledge: no wake-up, as when the writer died right after its commit.
        insertRows(marker, 1);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<ConsumerRecord<String, byte[]>> sent = kafka.readContaining(TOPIC, marker, 1,
                    MessagingTestClient.patience());
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).key()).isEqualTo("key-" + marker);
            assertThat(KafkaTestClient.header(sent.get(0), "ce_id")).isEqualTo(marker + "-0");
        }
        Awaitility.await().atMost(MessagingTestClient.patience()).until(() -> rowsLeft(marker) == 0);
    }

    @Test
    void twoRelaysOverOneDatabaseNeverSendAtTheSameTime() throws Exception {
        String marker = "two-relays-" + UUID.randomUUID();
        SendingRelays sending = new SendingRelays();
        // Two more relays beside the application's own, polling every 10 ms, 5 rows at a time, each send taking
        // 30 ms: without the lock they would take the same rows and send them side by side.
        MessagingConfig eager = withOutbox(config, Duration.ofMillis(10), 5);
        OutboxRelay first = new OutboxRelay(store, sending.producer(), eager);
        OutboxRelay second = new OutboxRelay(store, sending.producer(), eager);
        first.start(null);
        second.start(null);
        try {
            for (int round = 0; round < 12; round++) {
                insertRows(marker + "-" + round, 5);
                Thread.sleep(40);
            }
            Awaitility.await().atMost(MessagingTestClient.patience()).until(() -> rowsLeft(marker) == 0);
        } finally {
            first.stop(null);
            second.stop(null);
        }

        assertThat(sending.sent.get()).as("rows sent by the two relays").isPositive();
        assertThat(sending.overlapped).as("two relays sending at the same time").isFalse();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            assertThat(kafka.readContaining(TOPIC, marker, 61, Duration.ofSeconds(5)))
                    .as("every row sent once").hasSize(60);
        }
    }

    /** Producers that note when two relays have sends in flight at the same time. */
    private final class SendingRelays {

        final AtomicInteger relaysSending = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();

        PlatformProducer producer() {
            AtomicInteger inFlight = new AtomicInteger();
            return new PlatformProducer(config, kafkaSettings) {

                @Override
                public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                    if (inFlight.getAndIncrement() == 0 && relaysSending.incrementAndGet() > 1) {
                        overlapped.set(true);
                    }
                    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
                    producer.send(record).whenComplete((metadata, error) -> CompletableFuture.runAsync(() -> {
                        sent.incrementAndGet();
                        // Out of flight before the relay learns of it, so before it commits and unlocks.
                        if (inFlight.decrementAndGet() == 0) {
                            relaysSending.decrementAndGet();
                        }
                        if (error == null) {
                            result.complete(metadata);
                        } else {
                            result.completeExceptionally(error);
                        }
                    }, CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS)));
                    return result;
                }
            };
        }
    }

    private static MessagingConfig withOutbox(MessagingConfig base, Duration pollInterval, int batchSize) {
        MessagingConfig.Outbox outbox = new MessagingConfig.Outbox() {

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration pollInterval() {
                return pollInterval;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public Duration retryBackoff() {
                return base.outbox().retryBackoff();
            }
        };
        return MessagingConfigs.replacing(base, null, null, outbox);
    }

    /** Commits rows straight into the outbox, in one transaction of their own. */
    private void insertRows(String marker, int count) {
        String sql = "INSERT INTO platform_outbox (topic, message_key, headers, payload) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, TOPIC);
                insert.setBytes(2, ("key-" + marker).getBytes(StandardCharsets.UTF_8));
                insert.setBytes(3, ("{\"ce_id\":\"" + marker + "-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, ("{\"marker\":\"" + marker + "-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int rowsLeft(String marker) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM platform_outbox WHERE convert_from(message_key, 'UTF8') LIKE ?")) {
            select.setString(1, "key-" + marker + "%");
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
