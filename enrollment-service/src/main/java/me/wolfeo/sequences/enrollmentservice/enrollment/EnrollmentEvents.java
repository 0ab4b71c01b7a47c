package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.contact.ActivityRecorded;
import me.wolfeo.sequences.platform.contract.contact.ContactDetail;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.ActionTriggered;
import me.wolfeo.sequences.platform.contract.enrollment.ContactDisenrolled;
import me.wolfeo.sequences.platform.contract.enrollment.ContactEnrolled;
import me.wolfeo.sequences.platform.contract.enrollment.ContactFinished;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentPaused;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentRejected;
import me.wolfeo.sequences.platform.contract.enrollment.StepCompleted;
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

    public void paused(Enrollment enrollment, Instant at) {
        publish(enrollment.accountId, Long.toString(enrollment.contactId), EnrollmentMessageTypes.PAUSED,
                new EnrollmentPaused(enrollment.id, enrollment.contactId, enrollment.sequenceId, at));
    }

    public void resumed(Enrollment enrollment, Instant at) {
        publish(enrollment.accountId, Long.toString(enrollment.contactId), EnrollmentMessageTypes.RESUMED,
                new EnrollmentPaused(enrollment.id, enrollment.contactId, enrollment.sequenceId, at));
    }

    /** {@code step.done}, {@code step.skipped} or {@code step.failed}, by the step's outcome. */
    public void stepCompleted(long accountId, StepCompleted step) {
        publish(accountId, Long.toString(step.contactId()), "step." + step.outcome(), step);
    }

    public void finished(long accountId, ContactFinished finished) {
        publish(accountId, Long.toString(finished.contactId()), EnrollmentMessageTypes.FINISHED, finished);
    }

    /** On its own topic, for internal systems to act on. */
    public void actionTriggered(long accountId, ActionTriggered action) {
        Envelope event = Envelope.withId(action.actionId(), EnrollmentMessageTypes.ACTION_TRIGGERED,
                EnrollmentMessageTypes.VERSION, accountId, codec.toTree(action));
        outbox.publish(Topics.ENROLLMENT_ACTIONS, Long.toString(action.contact().id()), event);
    }

    public void activityRecorded(long accountId, ActivityRecorded activity) {
        publish(accountId, Long.toString(activity.contactId()), ContactMessageTypes.ACTIVITY_RECORDED, activity);
    }

    public void contactUpdated(long accountId, ContactDetail contact) {
        publish(accountId, Long.toString(contact.id()), ContactMessageTypes.UPDATED, contact);
    }

    public void rejected(long accountId, String key, EnrollmentRejected rejection) {
        publish(accountId, key, EnrollmentMessageTypes.REJECTED, rejection);
    }

    private void publish(long accountId, String key, String type, Object data) {
        Envelope event = Envelope.create(type, EnrollmentMessageTypes.VERSION, accountId, codec.toTree(data));
        outbox.publish(Topics.ENROLLMENT_EVENTS, key, event);
    }
}
