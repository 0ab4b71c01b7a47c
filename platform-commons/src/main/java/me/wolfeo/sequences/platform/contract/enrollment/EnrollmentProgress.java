package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;
import java.util.List;

/**
 * Query answer: how far one enrollment has come.
 *
 * @param state {@code active}, {@code paused}, {@code finished}, {@code disenrolled} or {@code failed}
 * @param step the step the contact waits for (or, once ended, the last it reached); null before any stage exists
 * @param nextDueAt when that step runs, if it is scheduled
 * @param waitingFor why the next step is not running now: {@code delay}, {@code paused}, {@code sequence_paused},
 *        {@code retry}, {@code stages} (no stage to run yet), or, once due, held by the sequence's schedule:
 *        {@code window}, {@code weekend}, {@code holiday}, {@code throttle}; null once ended
 * @param endReason why an ended enrollment ended ({@code finished}, {@code disenrolled}, {@code moved}, ...)
 */
public record EnrollmentProgress(long enrollmentId, long contactId, long sequenceId, String state, Integer step,
        Instant nextDueAt, String waitingFor, Instant enrolledAt, Instant endedAt, String endReason,
        List<StepRecord> history) {

    /** A step done, skipped or failed. */
    public record StepRecord(long stageId, int step, String stageType, String outcome, String reason, int attempts,
            Instant at) {
    }
}
