package me.wolfeo.sequences.enrollmentservice.sequence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentRepository;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDeleted;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/** Keeps the sequence projection current, and ends the enrollments of a deleted sequence. */
@ApplicationScoped
public class SequenceEventHandlers {

    private final SequenceProjectionRepository sequences;
    private final EnrollmentRepository enrollments;
    private final EnrollmentEvents events;
    private final MessageCodec codec;

    public SequenceEventHandlers(SequenceProjectionRepository sequences, EnrollmentRepository enrollments,
            EnrollmentEvents events, MessageCodec codec) {
        this.sequences = sequences;
        this.enrollments = enrollments;
        this.events = events;
        this.codec = codec;
    }

    public Object sequenceCreated(Envelope event) {
        SequenceData sequence = codec.data(event, SequenceData.class);
        sequences.rememberIfNew(sequence.id(), event.accountId(), sequence.name(), sequence.createdAt());
        return null;
    }

    public Object sequenceDeleted(Envelope event) {
        SequenceDeleted deleted = codec.data(event, SequenceDeleted.class);
        sequences.markDeleted(deleted.sequenceId(), event.accountId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Enrollment enrollment : enrollments.activeIn(deleted.sequenceId())) {
            enrollment.end(Enrollment.SEQUENCE_DELETED, now);
            events.disenrolled(enrollment);
        }
        return null;
    }
}
