package me.wolfeo.sequences.platform.contract.contact;

/**
 * Something a contact did, reported by an internal system or an API consumer. The contact is given by exactly
 * one of: {@code contactId}; {@code source} with {@code id} (or {@code phoneNumber} for the {@code phone_number}
 * source); {@code phoneNumber} alone.
 *
 * @param type one of {@link ContactActivityRules#TYPES}
 * @param occurredAt an ISO-8601 instant (see {@link ContactActivityRules#occurredAt}); null: when it is recorded
 */
public record RecordActivity(Long contactId, String source, String id, String phoneNumber, String type,
        String occurredAt) {
}
