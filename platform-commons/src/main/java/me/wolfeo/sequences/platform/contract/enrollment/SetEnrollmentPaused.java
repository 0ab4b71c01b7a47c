package me.wolfeo.sequences.platform.contract.enrollment;

/** Pauses or resumes a contact's enrollment in a sequence. */
public record SetEnrollmentPaused(Long contactId, Long sequenceId, Boolean paused) {
}
