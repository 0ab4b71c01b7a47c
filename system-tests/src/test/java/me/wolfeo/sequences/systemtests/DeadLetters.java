package me.wolfeo.sequences.systemtests;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import me.wolfeo.sequences.local.testing.KafkaTestClient;

/** What a topic's consumers gave up on, found in {@code <topic>.dlq} by the position of the original record. */
final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * Which of these positions ({@code partition@offset} of records of the topic) have a dead letter, each once (a
     * dead letter may be sent twice: the outbox sends at least once); waits for all of them at most as given.
     */
    static List<String> positionsFound(String topic, Set<String> positions, Duration within) {
        Set<String> seen = new HashSet<>();
        try (KafkaTestClient kafka = new KafkaTestClient(Platform.get().kafkaBootstrapServers())) {
            return kafka.read(topic + ".dlq", record -> positions.contains(position(topic, record))
                    && seen.add(position(topic, record)), positions.size(), within).stream()
                    .map(record -> position(topic, record)).toList();
        }
    }

    private static String position(String topic, ConsumerRecord<String, byte[]> deadLetter) {
        return topic.equals(KafkaTestClient.header(deadLetter, "dead-letter-topic"))
                ? KafkaTestClient.header(deadLetter, "dead-letter-partition") + "@"
                        + KafkaTestClient.header(deadLetter, "dead-letter-offset")
                : "";
    }
}
