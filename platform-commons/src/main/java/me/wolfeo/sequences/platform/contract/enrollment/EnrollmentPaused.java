package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/** Event: an enrollment was paused ({@code enrollment.paused}) or resumed ({@code enrollment.resumed}). */
public record EnrollmentPaused(long enrollmentId, long contactId, long sequenceId, Instant at) {
}
