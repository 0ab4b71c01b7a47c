package me.wolfeo.sequences.platform.contract.contact;

import java.time.Instant;

/**
 * Event (and reply): an activity applied to its contact.
 *
 * @param enrollmentId the contact's enrollment that was active when the activity was applied, or null
 * @param sequenceId that enrollment's sequence, or null
 * @param endedEnrollment true when the activity ended that enrollment (its {@code contact.disenrolled} gives the
 *        reason)
 */
public record ActivityRecorded(long contactId, String type, Instant occurredAt, Long enrollmentId, Long sequenceId,
        boolean endedEnrollment, Instant recordedAt) {
}
