package me.wolfeo.sequences.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.local.testing.KafkaTestClient;

/**
 * The events of one type about one account's contacts, every copy their topic holds, read from its beginning to
 * its end as it is when asked.
 */
final class ContactEvents {

    /**
     * Where an event type is, and where its contact id is in it. The names are platform-commons' contract
     * ({@code Topics}, {@code EnrollmentMessageTypes}): the system tests see the platform from outside, without
     * its libraries.
     */
    record Kind(String topic, String type, String contactIdPointer) {
    }

    static final Kind ENROLLED = new Kind("enrollments.events", "contact.enrolled", "/data/contact_id");
    /** An action step's event, whose id is derived from (enrollment, stage). */
    static final Kind ACTION_TRIGGERED = new Kind("enrollments.actions", "action.triggered", "/data/contact/id");

    /** Set by the outbox to the envelope's id (platform-commons' {@code MessageHeaders.CE_ID}). */
    private static final String ID_HEADER = "ce_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final List<Copy> copies;

    private ContactEvents(Kind kind, List<Copy> copies) {
        this.kind = kind;
        this.copies = copies;
    }

    /** One copy of an event on the topic: its envelope id, and its id header. */
    private record Copy(long contactId, String id, String headerId) {
    }

    static ContactEvents read(String bootstrapServers, Kind kind, long accountId, Duration timeout) {
        List<Copy> copies = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(kind.topic(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading " + kind.topic() + " took over " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    copyOf(record, kind, accountId).ifPresent(copies::add);
                }
            }
        }
        return new ContactEvents(kind, copies);
    }

    private static Optional<Copy> copyOf(ConsumerRecord<String, byte[]> record, Kind kind, long accountId) {
        if (!KafkaTestClient.value(record).contains("\"" + kind.type() + "\"")) {
            return Optional.empty();
        }
        JsonNode event = json(record.value());
        if (!kind.type().equals(event.path("type").asText()) || event.path("account_id").asLong() != accountId) {
            return Optional.empty();
        }
        return Optional.of(new Copy(event.at(kind.contactIdPointer()).asLong(), event.path("id").asText(),
                KafkaTestClient.header(record, ID_HEADER)));
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String type() {
        return kind.type();
    }

    int copies() {
        return copies.size();
    }

    /** Copies beyond the first of each event: those the outbox relay sent again. */
    int sentAgain() {
        return copies.size() - (int) copies.stream().map(Copy::id).distinct().count();
    }

    Set<Long> contacts() {
        return copies.stream().map(Copy::contactId).collect(Collectors.toSet());
    }

    /** The contacts with copies under more than one id (envelope ids and headers alike), and those ids. */
    Map<Long, Set<String>> doubledUnderAnotherId() {
        return copies.stream().collect(Collectors.groupingBy(Copy::contactId, Collectors.flatMapping(
                copy -> Stream.of(copy.id(), copy.headerId()), Collectors.toSet())))
                .entrySet().stream().filter(contact -> contact.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** "600 contact.enrolled for 600 contacts (2 sent again, same id)". */
    String describe() {
        return copies() + " " + type() + " for " + contacts().size() + " contacts (" + sentAgain()
                + " sent again, same id)";
    }
}
