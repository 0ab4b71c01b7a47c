package me.wolfeo.sequences.platform.contract.enrollment;

import me.wolfeo.sequences.platform.contract.validation.Required;

/** Pauses or resumes a contact's enrollment in a sequence. */
public record SetEnrollmentPaused(@Required Long contactId, @Required Long sequenceId, @Required Boolean paused) {
}
