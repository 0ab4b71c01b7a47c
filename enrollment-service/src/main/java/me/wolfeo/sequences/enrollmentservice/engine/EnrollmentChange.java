package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Instant;

/** The new timer and state of a claimed enrollment, written back in the claim's transaction. */
record EnrollmentChange(long id, String state, boolean active, Long nextStageId, Instant anchorAt, Instant dueAt,
        int attempts, Instant retryingSince, String lastError, Instant endedAt, String endReason, String waitReason) {
}
