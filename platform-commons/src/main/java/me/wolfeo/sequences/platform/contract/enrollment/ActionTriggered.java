package me.wolfeo.sequences.platform.contract.enrollment;

import java.time.Instant;

/**
 * Event on {@code enrollments.actions}: an {@code action} step fell due for a contact, for internal systems to
 * act on. {@code actionId} is derived from (enrollment, stage): a redelivered event carries the same id, so a
 * consumer acts once per id.
 */
public record ActionTriggered(String actionId, long enrollmentId, long sequenceId, long stageId, int step,
        String stageName, Contact contact, Instant triggeredAt) {

    /** The contact the action is about. */
    public record Contact(long id, String email, String firstName, String lastName, String phoneNumber) {
    }
}
