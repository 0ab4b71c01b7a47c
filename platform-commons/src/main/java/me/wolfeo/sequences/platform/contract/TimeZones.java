package me.wolfeo.sequences.platform.contract;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for a time zone given by a client (a schedule's, a contact's): an IANA tz database name that this
 * JVM knows, such as {@code America/New_York}, {@code Europe/Dublin} or {@code UTC}, spelt exactly (names are
 * case-sensitive). A fixed offset ({@code +02:00}, {@code UTC+2}, {@code GMT-5}) is refused although
 * {@link ZoneId#of} reads it: it follows no daylight-saving rules, so it is not where anybody lives.
 */
public final class TimeZones {

    /** Longer than any IANA name (the longest is 32 characters). */
    public static final int MAX_LENGTH = 64;

    private static final Set<String> NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private TimeZones() {
    }

    /** The zone of that name, or empty when it is not an IANA name this JVM knows. */
    public static Optional<ZoneId> named(String name) {
        return name != null && NAMES.contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /** The message for a field that breaks the rule, in the wording of the other field messages. */
    public static String invalidMessage(String label) {
        return "The " + label + " field must be a valid timezone.";
    }
}
