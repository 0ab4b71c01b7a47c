package me.wolfeo.sequences.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The far end of the bare messaging hop: answers every request on {@code benchmark.echo} at once with its own
 * data, touching no database, as fast as a Kafka consumer and producer can.
 */
final class EchoResponder implements AutoCloseable {

    static final String TOPIC = "benchmark.echo";

    private final Thread thread;
    private volatile boolean running = true;

    EchoResponder(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-echo",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(TOPIC));
        thread = new Thread(() -> {
            try (consumer; producer) {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> request : consumer.poll(Duration.ofMillis(100))) {
                        Header replyTo = request.headers().lastHeader("reply-to");
                        Header correlation = request.headers().lastHeader("correlation-id");
                        if (replyTo == null || correlation == null) {
                            continue;
                        }
                        String envelope = new String(request.value(), StandardCharsets.UTF_8);
                        int data = envelope.indexOf("\"data\":");
                        String payload = data < 0 ? "{}" : envelope.substring(data + 7, envelope.length() - 1);
                        ProducerRecord<byte[], byte[]> reply = new ProducerRecord<>(
                                new String(replyTo.value(), StandardCharsets.UTF_8), correlation.value(),
                                ("{\"status\":\"OK\",\"data\":" + payload + "}").getBytes(StandardCharsets.UTF_8));
                        reply.headers().add("correlation-id", correlation.value());
                        producer.send(reply);
                    }
                }
            }
        }, "echo-responder");
        thread.setDaemon(true);
        thread.start();
        Thread.sleep(3000); // let the consumer join its group before the first request
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
