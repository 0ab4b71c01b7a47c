package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/**
 * Event: the engine ran a step of an enrollment ({@code step.done}, {@code step.skipped} or {@code step.failed}).
 *
 * @param outcome {@code done}, {@code skipped} or {@code failed}
 * @param reason why a step was skipped or failed ({@code inactive}, {@code no_email}, {@code no_phone},
 *        {@code opted_out}, or the provider's answer); null when done
 * @param deliveryId the key the side effect carried (email Message-ID, SMS idempotency token, action id): the same
 *        on every attempt of this step
 * @param attempts how many times the step was tried
 */
public record StepCompleted(long enrollmentId, long contactId, long sequenceId, long stageId, int step,
        String stageType, String outcome, String reason, String deliveryId, int attempts, Instant ranAt) {
}
