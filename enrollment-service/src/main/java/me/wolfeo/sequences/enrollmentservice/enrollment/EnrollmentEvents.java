package me.wolfeo.sequences.enrollmentservice.enrollment;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.ContactDisenrolled;
import me.wolfeo.sequences.platform.contract.enrollment.ContactEnrolled;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentRejected;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.outbox.Outbox;

/** Writes the enrollment events to the outbox, keyed by contact id (by command key for refusals). */
@ApplicationScoped
public class EnrollmentEvents {

    private final Outbox outbox;
    private final MessageCodec codec;

    public EnrollmentEvents(Outbox outbox, MessageCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    public void enrolled(Enrollment enrollment, Long movedFrom) {
        publish(enrollment.accountId, Long.toString(enrollment.contactId), EnrollmentMessageTypes.ENROLLED,
                new ContactEnrolled(enrollment.id, enrollment.contactId, enrollment.sequenceId, movedFrom,
                        enrollment.enrolledAt));
    }

    public void disenrolled(Enrollment enrollment) {
        publish(enrollment.accountId, Long.toString(enrollment.contactId), EnrollmentMessageTypes.DISENROLLED,
                new ContactDisenrolled(enrollment.id, enrollment.contactId, enrollment.sequenceId,
                        enrollment.endReason, enrollment.endedAt));
    }

    public void rejected(long accountId, String key, EnrollmentRejected rejection) {
        publish(accountId, key, EnrollmentMessageTypes.REJECTED, rejection);
    }

    private void publish(long accountId, String key, String type, Object data) {
        Envelope event = Envelope.create(type, EnrollmentMessageTypes.VERSION, accountId, codec.toTree(data));
        outbox.publish(Topics.ENROLLMENT_EVENTS, key, event);
    }
}
