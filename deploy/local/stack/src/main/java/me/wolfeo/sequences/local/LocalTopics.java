package me.wolfeo.sequences.local;

import java.util.List;
import java.util.Map;

/**
 * Every topic the platform uses, as the local broker creates them (the broker does not create topics on first
 * use). deploy/kubernetes declares the same topics for a real cluster.
 */
public final class LocalTopics {

    /** Large enough for a content command carrying the largest email HTML the gateway accepts. */
    private static final Map<String, String> LARGE_MESSAGES = Map.of("max.message.bytes", "5242880");

    public record Topic(String name, int partitions, Map<String, String> configs) {
    }

    public static final List<Topic> ALL = List.of(
            new Topic("sequences.commands", 6, Map.of()),
            new Topic("sequences.commands.dlq", 1, Map.of()),
            new Topic("sequences.events", 6, Map.of()),
            new Topic("sequences.events.dlq", 1, Map.of()),
            new Topic("content.commands", 6, LARGE_MESSAGES),
            new Topic("content.commands.dlq", 1, LARGE_MESSAGES),
            new Topic("content.events", 6, Map.of()),
            new Topic("enrollments.commands", 6, Map.of()),
            new Topic("enrollments.commands.dlq", 1, Map.of()),
            new Topic("enrollments.events", 6, Map.of()),
            new Topic("enrollments.actions", 6, Map.of()),
            new Topic("contacts.activity", 6, Map.of()),
            new Topic("contacts.activity.dlq", 1, Map.of()),
            new Topic("accounts.events", 1, Map.of()),
            new Topic("accounts.events.dlq", 1, Map.of()),
            new Topic("gateway.replies", 6, Map.of()));

    private LocalTopics() {
    }
}
