package me.wolfeo.sequences.platform.contract.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The rules of a contact activity, applied alike by the gateway and by enrollment-service (for messages that
 * internal systems publish straight to the topic).
 */
public final class ContactActivityRules {

    public static final String REPLIED = "replied";
    public static final String BOUNCED = "bounced";
    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final String MEETING_BOOKED = "meeting_booked";
    /** Longer than any ISO-8601 instant with its offset and nanoseconds. */
    public static final int OCCURRED_AT_MAX_LENGTH = 64;

    /** Years a timestamp column stores and a person means; outside them an instant is a mistake. */
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 9999;

    private ContactActivityRules() {
    }

    /**
     * An ISO-8601 instant with its offset ({@code 2026-11-23T12:00:00Z}, {@code 2026-11-23T13:00:00+01:00}), or
     * empty when the value is not one.
     */
    public static Optional<Instant> occurredAt(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (parsed.getYear() < FIRST_YEAR || parsed.getYear() > LAST_YEAR) {
                return Optional.empty();
            }
            return Optional.of(parsed.toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The message for a reference to a contact that gives none, or more than one, of the ways to find it. */
    public static String oneReferenceMessage() {
        return "Give exactly one of contact_id, source (with id or phone_number) or phone_number.";
    }
}
