package me.wolfeo.sequences.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.CommonsTestApplication;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;
import me.wolfeo.sequences.platform.messaging.outbox.Outbox;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * A consumed record continues the trace of its traceparent header: it is processed in a CONSUMER span, the child
 * of the span that sent it, and its reply and the event it writes to the outbox carry the same trace.
 */
@QuarkusTest
@TestProfile(CommonsTestApplication.class)
class MessageTraceTest {

    private static final String TOPIC = Topics.SEQUENCE_COMMANDS;
    private static final String EVENTS = Topics.SEQUENCE_EVENTS;
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis());

    @Inject
    InboundBatchProcessor processor;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    InMemorySpanExporter spans;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final long account = MessagingTestClient.newAccount();
    private KafkaTestClient kafka;

    private final MessageHandlers handlers = MessageHandlers.builder()
            .on("test.traced", 1, message -> {
                outbox.publish(EVENTS, message.id(), Envelope.withId(message.id() + "-event", "test.traced.done",
                        1, account, mapper.createObjectNode()));
                return Map.of("traced", message.id());
            })
            .build();

    @AfterEach
    void closeClient() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRecordIsProcessedInTheTraceOfItsTraceparentAndItsReplyAndEventCarryThatTrace() throws Exception {
        String traceId = randomHex(32);
        String parentSpanId = randomHex(16);
        String messageId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(TOPIC, 0, OFFSETS.incrementAndGet(),
                Long.toString(account), mapper.writeValueAsBytes(Envelope.withId(messageId, "test.traced", 1,
                        account, mapper.createObjectNode())));
        record.headers().add(MessageHeaders.REPLY_TO, Topics.GATEWAY_REPLIES.getBytes())
                .add(MessageHeaders.CORRELATION_ID, correlationId.getBytes())
                .add(MessageTracing.TRACEPARENT, ("00-" + traceId + "-" + parentSpanId + "-01").getBytes());

        processor.process(List.of(record), handlers);

        SpanData processing = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER)
                        .findFirst().orElse(null), span -> span != null);
        assertThat(processing.getName()).isEqualTo(TOPIC + " process");
        assertThat(processing.getParentSpanId()).as("the child of the sender's span").isEqualTo(parentSpanId);
        assertThat(processing.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey())
                .contains("messaging.system", "messaging.destination.name");
        assertThat(spans.getFinishedSpanItems()).as("its SQL (inbox, outbox) in its span")
                .anyMatch(span -> span.getParentSpanId().equals(processing.getSpanId())
                        && span.getKind() == SpanKind.CLIENT);

        List<ConsumerRecord<String, byte[]>> replies = kafka().read(Topics.GATEWAY_REPLIES,
                reply -> correlationId.equals(reply.key()), 1, MessagingTestClient.patience());
        assertThat(replies).hasSize(1);
        assertThat(traceIdOf(replies.get(0))).as("the reply's trace").isEqualTo(traceId);

        List<ConsumerRecord<String, byte[]>> events = kafka().readContaining(EVENTS, messageId + "-event", 1,
                MessagingTestClient.patience());
        assertThat(events).hasSize(1);
        assertThat(KafkaTestClient.header(events.get(0), MessageTracing.TRACEPARENT))
                .as("the outbox event's traceparent: the processing span's")
                .isEqualTo("00-" + traceId + "-" + processing.getSpanId() + "-01");
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        String traceparent = KafkaTestClient.header(record, MessageTracing.TRACEPARENT);
        assertThat(traceparent).as("traceparent").isNotNull();
        return traceparent.split("-")[1];
    }

    private static String randomHex(int length) {
        return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
    }

    private KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(bootstrapServers);
        }
        return kafka;
    }
}
