package me.wolfeo.sequences.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one JSON shape of every command, event and query message on the platform's topics.
 *
 * @param id unique id of this message; consumers use it to process a redelivered message only once
 * @param type what the message means, e.g. {@code sequence.create} or {@code sequence.created}
 * @param version version of the {@code data} schema of this type
 * @param accountId the tenant the message belongs to
 * @param occurredAt when the message was created
 * @param data the type-specific payload
 */
public record Envelope(String id, String type, int version, Long accountId, Instant occurredAt, JsonNode data) {

    public static Envelope create(String type, int version, long accountId, JsonNode data) {
        return new Envelope(UUID.randomUUID().toString(), type, version, accountId, Instant.now(), data);
    }

    public static Envelope withId(String id, String type, int version, long accountId, JsonNode data) {
        return new Envelope(id, type, version, accountId, Instant.now(), data);
    }
}
