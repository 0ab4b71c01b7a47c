package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/**
 * Event: an enrollment ended before its last step. {@code reason}: {@code disenrolled}, {@code moved},
 * {@code sequence_deleted}, or the contact's activity: {@code replied}, {@code meeting_booked}, {@code bounced},
 * {@code opted_out}.
 */
public record ContactDisenrolled(long enrollmentId, long contactId, long sequenceId, String reason,
        Instant endedAt) {
}
