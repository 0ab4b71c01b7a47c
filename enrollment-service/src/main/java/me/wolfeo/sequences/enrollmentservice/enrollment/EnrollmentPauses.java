package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.contact.ContactRepository;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.enrollment.SetEnrollmentPaused;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/**
 * Pauses and resumes one contact's enrollment. The enrollment row is locked first, so a step the engine is running
 * at that instant finishes before the pause applies, and none starts after it.
 */
@ApplicationScoped
public class EnrollmentPauses {

    private final ContactRepository contacts;
    private final EnrollmentRepository enrollments;
    private final EnrollmentEvents events;
    private final EnrollmentProgressReader progress;
    private final MessageCodec codec;
    private final Clock clock;

    public EnrollmentPauses(ContactRepository contacts, EnrollmentRepository enrollments, EnrollmentEvents events,
            EnrollmentProgressReader progress, MessageCodec codec, Clock clock) {
        this.contacts = contacts;
        this.enrollments = enrollments;
        this.events = events;
        this.progress = progress;
        this.codec = codec;
        this.clock = clock;
    }

    public EnrollmentProgress setPaused(Envelope message) {
        SetEnrollmentPaused command = codec.data(message, SetEnrollmentPaused.class);
        if (command.contactId() == null) {
            throw CommandRejectedException.invalidField("contact_id", "The contact id field is required.");
        }
        if (command.sequenceId() == null) {
            throw CommandRejectedException.invalidField("sequence_id", "The sequence id field is required.");
        }
        if (command.paused() == null) {
            throw CommandRejectedException.invalidField("paused", "The paused field is required.");
        }
        contacts.findOwned(message.accountId(), command.contactId())
                .orElseThrow(() -> CommandRejectedException.notFound("Contact not found."));
        Enrollment enrollment = enrollments.lockActiveOf(command.contactId())
                .filter(active -> active.sequenceId == command.sequenceId())
                .orElseThrow(() -> CommandRejectedException.notFound("The contact is not enrolled in this sequence."));
        boolean paused = EnrollmentState.PAUSED.equals(enrollment.state);
        if (command.paused() && !paused) {
            enrollment.pause();
            events.paused(enrollment, clock.instant());
        } else if (!command.paused() && paused) {
            enrollment.resume();
            events.resumed(enrollment, clock.instant());
        }
        enrollments.flush();
        return progress.progressOf(enrollment);
    }
}
