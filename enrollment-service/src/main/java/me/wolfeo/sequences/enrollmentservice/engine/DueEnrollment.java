package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Instant;

/** An enrollment whose timer has run out, as one claim took it (locked until the claim's transaction ends). */
record DueEnrollment(long id, long accountId, long contactId, long sequenceId, Long nextStageId, Instant anchorAt,
        Instant dueAt, int attempts, Instant retryingSince) {
}
