package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/** Event: an enrollment ran its last stage; the contact may be enrolled again. */
public record ContactFinished(long enrollmentId, long contactId, long sequenceId, Instant finishedAt) {
}
