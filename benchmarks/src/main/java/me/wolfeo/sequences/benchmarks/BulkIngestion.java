package me.wolfeo.sequences.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An internal system's bulk load: N enroll commands in the documented format published straight to
 * enrollments.commands, timed until every one is persisted and its {@code contact.enrolled} event is out (the
 * event leaves through the outbox, so it is out only after its transaction committed).
 */
final class BulkIngestion {

    record Result(int commands, double publishSeconds, double totalSeconds, long enrolled) {

        double perSecond() {
            return enrolled / totalSeconds;
        }
    }

    static Result run(String bootstrapServers, long accountId, List<Long> sequences, int commands) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String accountMarker = "\"account_id\":" + accountId + ",";
        try (KafkaConsumer<String, byte[]> events = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = events.partitionsFor("enrollments.events").stream()
                    .map(info -> new TopicPartition("enrollments.events", info.partition())).toList();
            events.assign(partitions);
            events.seekToEnd(partitions);
            partitions.forEach(events::position);

            long started = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 10,
                    ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(),
                    new ByteArraySerializer())) {
                for (int i = 0; i < commands; i++) {
                    String contact = "bulk-" + run + "-" + i;
                    long sequence = sequences.get(i % sequences.size());
                    String command = "{\"id\":\"" + contact + "\",\"type\":\"enrollment.enroll\",\"version\":1,"
                            + "\"account_id\":" + accountId + ",\"data\":{\"sequence_id\":" + sequence
                            + ",\"source\":\"pipedrive\",\"id\":\"" + contact + "\",\"email\":\"" + contact
                            + "@example.com\",\"first_name\":\"Bulk\",\"last_name\":\"Contact\"}}";
                    producer.send(new ProducerRecord<>("enrollments.commands", accountId + ":pipedrive:" + contact,
                            command.getBytes(StandardCharsets.UTF_8)));
                }
                producer.flush();
            }
            double published = (System.nanoTime() - started) / 1e9;
            System.out.printf("    published %,d commands in %.1f s; waiting for their events%n", commands, published);

            long enrolled = 0;
            long lastProgress = System.nanoTime();
            long lastEvent = started;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (enrolled < commands && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(200))) {
                    String value = new String(event.value(), StandardCharsets.UTF_8);
                    if (value.contains("\"contact.enrolled\"") && value.contains(accountMarker)) {
                        enrolled++;
                        lastEvent = System.nanoTime();
                    }
                }
                if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                    System.out.printf("    %,d of %,d enrolled (%.0f/s so far)%n", enrolled, commands,
                            enrolled / ((System.nanoTime() - started) / 1e9));
                    lastProgress = System.nanoTime();
                }
            }
            return new Result(commands, published, (lastEvent - started) / 1e9, enrolled);
        }
    }

    private BulkIngestion() {
    }
}
