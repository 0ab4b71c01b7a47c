package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A contact's time in a sequence; active until it is disenrolled, moved, or its sequence is deleted. */
@Entity
@Table(name = "enrollments")
public class Enrollment {

    public static final String DISENROLLED = "disenrolled";
    public static final String MOVED = "moved";
    public static final String SEQUENCE_DELETED = "sequence_deleted";

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

    @Column(nullable = false)
    public boolean active;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    public Instant enrolledAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    public void end(String reason, Instant at) {
        active = false;
        endReason = reason;
        endedAt = at;
    }
}
