package me.wolfeo.sequences.platform.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.CommonsTestApplication;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * The failure paths of the idempotent batch consumer, on records handed to it as SmallRye hands a polled batch:
 * a batch that fails is applied one record at a time, a poison record is dead-lettered without holding back the
 * others, and an outage longer than {@code outage-tolerance} (1 s in these tests) stops the consumer.
 */
@QuarkusTest
@TestProfile(CommonsTestApplication.class)
class InboundBatchProcessorFailureTest {

    /** Any topic with a dead-letter topic on the test broker: the records never pass through it. */
    private static final String TOPIC = Topics.SEQUENCE_COMMANDS;
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis());

    @Inject
    InboundBatchProcessor processor;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final long account = MessagingTestClient.newAccount();
    private KafkaTestClient kafka;

    private final MessageHandlers handlers = MessageHandlers.builder()
            .on("test.apply", 1, message -> {
                recordEffect(message.id());
                return Map.of("applied", message.id());
            })
            .on("test.poison", 1, message -> {
                throw new IllegalStateException("poison " + message.id());
            })
            .on("test.outage", 1, message -> {
                throw new IllegalStateException("Cannot reach the server",
                        new ConnectException("Connection refused"));
            })
            .build();

    @AfterEach
    void closeClient() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aPoisonRecordAmongGoodOnesIsDeadLetteredAndTheGoodOnesAreAppliedAndAnswered() throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = List.of(command("test.apply"), command("test.apply"),
                command("test.poison"), command("test.apply"));

        processor.process(batch, handlers);

        List<String> good = List.of(id(batch.get(0)), id(batch.get(1)), id(batch.get(3)));
        String poison = id(batch.get(2));
        assertThat(effects()).containsAll(good).doesNotContain(poison);
        Map<String, Reply> replies = replies(batch);
        for (int i : List.of(0, 1, 3)) {
            Reply reply = replies.get(correlationId(batch.get(i)));
            assertThat(reply.isOk()).as("reply to a good record").isTrue();
            assertThat(reply.data().path("applied").asText()).isEqualTo(id(batch.get(i)));
        }
        Reply poisonReply = replies.get(correlationId(batch.get(2)));
        assertThat(poisonReply.isOk()).isFalse();
        assertThat(poisonReply.error().code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        List<ConsumerRecord<String, byte[]>> dead = kafka().readContaining(Topics.deadLetter(TOPIC), poison, 1,
                MessagingTestClient.patience());
        assertThat(dead).hasSize(1);
        assertThat(KafkaTestClient.header(dead.get(0), MessageHeaders.DEAD_LETTER_REASON))
                .isEqualTo("Processing failed: IllegalStateException: poison " + poison);
        assertThat(kafka().read(Topics.deadLetter(TOPIC), record -> good.stream()
                .anyMatch(KafkaTestClient.value(record)::contains), 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void anOutageLongerThanTheToleranceStopsTheConsumerAfterAnsweringTheRecordsCommittedBeforeIt() {
        ConsumerRecord<String, byte[]> committed = command("test.apply");
        ConsumerRecord<String, byte[]> stuck = command("test.outage");
        long started = System.nanoTime();

        assertThatThrownBy(() -> processor.process(List.of(committed, stuck), handlers))
                .hasRootCauseInstanceOf(ConnectException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("retried for the outage tolerance")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(effects()).contains(id(committed)).doesNotContain(id(stuck));
        Map<String, Reply> replies = replies(List.of(committed));
        assertThat(replies.get(correlationId(committed)).isOk()).as("the committed record's reply").isTrue();
        assertThat(processed(id(stuck))).as("the stuck record stays unprocessed, for the next consumer").isFalse();
        assertThat(kafka().readContaining(Topics.deadLetter(TOPIC), id(stuck), 1, Duration.ofSeconds(2)))
                .as("an outage is not the message's fault: no dead letter").isEmpty();
    }

    private ConsumerRecord<String, byte[]> command(String type) {
        Envelope envelope = Envelope.withId(UUID.randomUUID().toString(), type, 1, account,
                mapper.createObjectNode());
        try {
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TOPIC, 0, OFFSETS.incrementAndGet(),
                    Long.toString(account), mapper.writeValueAsBytes(envelope));
            record.headers().add(MessageHeaders.REPLY_TO, Topics.GATEWAY_REPLIES.getBytes())
                    .add(MessageHeaders.CORRELATION_ID, UUID.randomUUID().toString().getBytes());
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String id(ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.readTree(record.value()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String correlationId(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(MessageHeaders.CORRELATION_ID).value());
    }

    /** The replies sent to the records' requesters, by correlation id; fails unless every one came. */
    private Map<String, Reply> replies(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> correlationIds = records.stream().map(InboundBatchProcessorFailureTest::correlationId)
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> found = kafka().read(Topics.GATEWAY_REPLIES,
                record -> correlationIds.contains(record.key()), correlationIds.size(),
                MessagingTestClient.patience());
        assertThat(found).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(correlationIds);
        return found.stream().collect(Collectors.toMap(ConsumerRecord::key, record -> {
            try {
                return mapper.readValue(record.value(), Reply.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, (first, second) -> first));
    }

    private void recordEffect(String messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO test_effect (message_id) VALUES (?)")) {
            insert.setString(1, messageId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> effects() {
        return query("SELECT message_id FROM test_effect", rows -> {
            List<String> ids = new ArrayList<>();
            try {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }

    private boolean processed(String messageId) {
        return query("SELECT 1 FROM platform_processed_message WHERE message_id = '" + account + "/" + messageId
                + "'", rows -> {
                    try {
                        return rows.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private <T> T query(String sql, Function<ResultSet, T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            return reader.apply(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(bootstrapServers);
        }
        return kafka;
    }
}
