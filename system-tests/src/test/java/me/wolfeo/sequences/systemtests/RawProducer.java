package me.wolfeo.sequences.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes records byte for byte (keys, values and headers that are not text), as a careless or hostile internal
 * system could; without compression, so that a large record reaches the broker as large as it is.
 */
final class RawProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    RawProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                // Above the broker's limit, so that the broker, not this client, decides what is too large.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * HostileRecords.BROKER_MAX_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    int partitionsOf(String topic) {
        return producer.partitionsFor(topic).size();
    }

    /** Onto the given partition. */
    RecordMetadata send(String topic, int partition, HostileRecords.HostileRecord record) {
        return await(new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers()));
    }

    /** Where the default partitioner puts its key. */
    RecordMetadata send(String topic, String key, byte[] value) {
        return await(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
    }

    private RecordMetadata await(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
