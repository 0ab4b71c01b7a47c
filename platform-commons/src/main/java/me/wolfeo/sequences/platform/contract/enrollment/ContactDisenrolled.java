package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/**
 * Event: an enrollment ended before its last step. {@code reason}: {@code disenrolled}, {@code moved} or
 * {@code sequence_deleted}.
 */
public record ContactDisenrolled(long enrollmentId, long contactId, long sequenceId, String reason,
        Instant endedAt) {
}
