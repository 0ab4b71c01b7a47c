package me.wolfeo.sequences.enrollmentservice.sequence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.engine.WaitingEnrollments;
import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentRepository;
import me.wolfeo.sequences.enrollmentservice.stage.StageProjectionStore;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDeleted;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/** Keeps the sequence projection current, pauses and resumes its enrollments, ends them when it is deleted. */
@ApplicationScoped
public class SequenceEventHandlers {

    private final SequenceProjectionRepository sequences;
    private final StageProjectionStore stages;
    private final EnrollmentRepository enrollments;
    private final WaitingEnrollments waiting;
    private final EnrollmentEvents events;
    private final MessageCodec codec;
    private final Clock clock;

    public SequenceEventHandlers(SequenceProjectionRepository sequences, StageProjectionStore stages,
            EnrollmentRepository enrollments, WaitingEnrollments waiting, EnrollmentEvents events, MessageCodec codec,
            Clock clock) {
        this.sequences = sequences;
        this.stages = stages;
        this.enrollments = enrollments;
        this.waiting = waiting;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    public Object sequenceCreated(Envelope event) {
        SequenceData sequence = codec.data(event, SequenceData.class);
        sequences.rememberIfNew(event.accountId(), sequence);
        return null;
    }

    public Object sequenceUpdated(Envelope event) {
        SequenceData sequence = codec.data(event, SequenceData.class);
        sequences.updated(event.accountId(), sequence);
        waiting.sequencePaused(sequence.id(), sequence.paused());
        return null;
    }

    public Object sequenceDeleted(Envelope event) {
        SequenceDeleted deleted = codec.data(event, SequenceDeleted.class);
        sequences.markDeleted(deleted.sequenceId(), event.accountId());
        stages.markSequenceDeleted(deleted.sequenceId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Enrollment enrollment : enrollments.lockActiveIn(deleted.sequenceId())) {
            enrollment.end(Enrollment.SEQUENCE_DELETED, now);
            events.disenrolled(enrollment);
        }
        return null;
    }
}
