package me.wolfeo.sequences.platform.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import me.wolfeo.sequences.platform.metrics.KafkaClientMeters;
import me.wolfeo.sequences.platform.tracing.MessageTracing;

/**
 * The service's one Kafka producer for everything it sends itself (requests, replies, outbox rows): acks from
 * all in-sync replicas, idempotent, no linger. Created on first use.
 */
@ApplicationScoped
public class PlatformProducer {

    private final MessagingConfig config;
    private final KafkaClientSettings kafka;
    /** Null in a producer made with {@code new}: it has no meters. */
    private final KafkaClientMeters meters;
    private volatile Producer<String, byte[]> producer;
    /** Adds the current trace context to each record that carries none; null in a producer made with {@code new}. */
    @Inject
    MessageTracing tracing;

    /** A producer made with {@code new} (tests), without meters. */
    public PlatformProducer(MessagingConfig config, KafkaClientSettings kafka) {
        this(config, kafka, null);
    }

    @Inject
    public PlatformProducer(MessagingConfig config, KafkaClientSettings kafka, KafkaClientMeters meters) {
        this.config = config;
        this.kafka = kafka;
        this.meters = meters;
    }

    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        if (tracing != null) {
            tracing.inject(record.headers());
        }
        producer().send(record, (metadata, error) -> {
            if (error == null) {
                result.complete(metadata);
            } else {
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(settings(), new StringSerializer(), new ByteArraySerializer());
                    if (meters != null) {
                        meters.bind(current);
                    }
                    producer = current;
                }
            }
        }
        return current;
    }

    private Map<String, Object> settings() {
        return kafka.with(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, config.source() + "-platform-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.producer().maxRequestSize(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, config.producer().compressionType(),
                ProducerConfig.BATCH_SIZE_CONFIG, config.producer().batchSize(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                // kafka-clients waits up to 60 s by default for the metadata of a topic it has not seen while the
                // broker is unreachable, blocking the caller of send(): bound it.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.producer().maxBlock().toMillis()));
    }

    @PreDestroy
    public void close() {
        Producer<String, byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
        if (meters != null && current != null) {
            meters.unbind(current);
        }
    }
}
