package me.wolfeo.sequences.platform.messaging.outbox;

import java.util.Map;

/** A Kafka record waiting in the outbox table until the relay has sent it. */
public record OutboxMessage(long id, String topic, String key, Map<String, String> headers, byte[] payload) {
}
