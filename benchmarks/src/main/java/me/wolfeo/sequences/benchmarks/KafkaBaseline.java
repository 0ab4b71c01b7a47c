package me.wolfeo.sequences.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the machine's broker can do at all: produce, then consume, messages of an enroll command's size. */
final class KafkaBaseline {

    private static final int PARTITIONS = 6;

    /**
     * @param failed sends the broker did not acknowledge
     * @param firstFailure the first of their errors, or null
     * @param lastAckSeconds when the last acknowledgement came, from the first send
     */
    record Rates(double producedPerSecond, double consumedPerSecond, long failed, String firstFailure,
            double lastAckSeconds) {
    }

    static Rates measure(String bootstrapServers, int messages, int bytes) throws Exception {
        String topic = "benchmark.raw";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        byte[] value = new byte[bytes];
        java.util.Arrays.fill(value, (byte) 'x');
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long started = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            awaitLeaders(producer, topic);
            started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                        lastAck.set(System.nanoTime());
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error.toString());
                    }
                });
            }
            producer.flush();
        }
        double produced = acknowledged.get() / ((lastAck.get() - started) / 1e9);
        double lastAckSeconds = (lastAck.get() - started) / 1e9;
        started = System.nanoTime();
        long consumed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (consumed < acknowledged.get() + PARTITIONS && System.nanoTime() < deadline) { // and the warm-ups
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return new Rates(produced, consumed / ((System.nanoTime() - started) / 1e9), failed.get(), firstFailure.get(),
                lastAckSeconds);
    }

    /**
     * Waits until every partition of the new topic has a leader and has taken one record. Sent at once, the first
     * batch of a partition whose leader was not known yet could wait out the whole delivery timeout (two minutes),
     * which measured the timeout rather than the broker.
     */
    private static void awaitLeaders(KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        while (partitions.stream().anyMatch(partition -> partition.leader() == null || partition.leader().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The partitions of " + topic + " have no leader after 30 s");
            }
            Thread.sleep(100);
            partitions = producer.partitionsFor(topic);
        }
        for (PartitionInfo partition : partitions) {
            producer.send(new ProducerRecord<>(topic, partition.partition(), "warm-up", new byte[1]))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private KafkaBaseline() {
    }
}
