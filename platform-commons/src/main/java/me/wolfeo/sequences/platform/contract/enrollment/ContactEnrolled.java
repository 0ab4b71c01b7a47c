package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/** Event: a contact entered a sequence. {@code movedFrom} is the sequence it left, when forced. */
public record ContactEnrolled(long enrollmentId, long contactId, long sequenceId, Long movedFrom,
        Instant enrolledAt) {
}
