package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import me.wolfeo.sequences.enrollmentservice.stage.ProjectedStage;

/**
 * A contact's time in a sequence: a small state machine (see {@link EnrollmentState}). Its row is also its timer:
 * the stage it waits for and when that stage is due. Only changed columns are written, so that a command never
 * writes back what the engine changed meanwhile (both lock the row first).
 */
@Entity
@Table(name = "enrollments")
@DynamicUpdate
public class Enrollment {

    public static final String DISENROLLED = "disenrolled";
    public static final String MOVED = "moved";
    public static final String SEQUENCE_DELETED = "sequence_deleted";
    /** Ended by the contact's activity (see the activity package). */
    public static final String REPLIED = "replied";
    public static final String MEETING_BOOKED = "meeting_booked";
    public static final String BOUNCED = "bounced";
    public static final String OPTED_OUT = "opted_out";

    /** From enrollment_ids, 50 at a time, so that a batch's inserts go out as JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollments_id")
    @SequenceGenerator(name = "enrollments_id", sequenceName = "enrollment_ids", allocationSize = 50)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Column(name = "contact_id", nullable = false, updatable = false)
    public long contactId;

    @Column(name = "sequence_id", nullable = false, updatable = false)
    public long sequenceId;

    /** Not ended: what the one-enrollment-per-contact index guards. */
    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public String state;

    @Column(name = "next_stage_id")
    public Long nextStageId;

    /** When the previous step ran (or the enrollment began): the next stage's delay counts from here. */
    @Column(name = "anchor_at", nullable = false)
    public Instant anchorAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "sequence_paused", nullable = false)
    public boolean sequencePaused;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    public Instant enrolledAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    /** Why the step due is held past its due time by the schedule or the throttle; null when it is not. */
    @Column(name = "wait_reason")
    public String waitReason;

    /** A new enrollment, waiting for the first stage of its sequence (or for one to be added). */
    public static Enrollment start(long accountId, long contactId, long sequenceId, boolean sequencePaused,
            ProjectedStage firstStage, Instant now) {
        Enrollment enrollment = new Enrollment();
        enrollment.accountId = accountId;
        enrollment.contactId = contactId;
        enrollment.sequenceId = sequenceId;
        enrollment.active = true;
        enrollment.state = EnrollmentState.ACTIVE;
        enrollment.sequencePaused = sequencePaused;
        enrollment.enrolledAt = now;
        enrollment.anchorAt = now;
        enrollment.nextStageId = firstStage == null ? null : firstStage.stageId();
        enrollment.dueAt = firstStage == null ? null : now.plus(firstStage.delay());
        return enrollment;
    }

    /** Disenrolled, moved, or its sequence deleted: nothing more runs. */
    public void end(String reason, Instant at) {
        active = false;
        state = EnrollmentState.DISENROLLED;
        endReason = reason;
        endedAt = at;
        dueAt = null;
    }

    public void pause() {
        state = EnrollmentState.PAUSED;
    }

    /** Back in the timer: a step that fell due while paused runs at once, the later ones keep their delays. */
    public void resume() {
        state = EnrollmentState.ACTIVE;
    }
}
