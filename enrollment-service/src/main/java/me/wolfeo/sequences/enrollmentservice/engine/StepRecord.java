package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Instant;

/** A row of enrollment_steps: what one step of an enrollment did. */
record StepRecord(long enrollmentId, long stageId, int step, String stageType, String outcome, String reason,
        String deliveryId, int attempts, Instant ranAt) {
}
