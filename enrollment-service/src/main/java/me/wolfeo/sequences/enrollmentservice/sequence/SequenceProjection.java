package me.wolfeo.sequences.enrollmentservice.sequence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleJson;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;

/** A sequence of sequence-service, as far as enrollment-service needs it. */
@Entity
@Table(name = "sequence_projection")
public class SequenceProjection {

    @Id
    @Column(name = "sequence_id")
    public long sequenceId;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A tombstone: the sequence was deleted. */
    @Column(nullable = false)
    public boolean deleted;

    /** While paused, none of its steps runs. */
    @Column(nullable = false)
    public boolean paused;

    /** Its stages are in stage_projection (learned from events since its creation, or asked once). */
    @Column(name = "stages_known", nullable = false)
    public boolean stagesKnown;

    /** When its steps may run: the JSON of a {@link Schedule}, null for any day, any hour. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "schedule")
    public String schedule;

    public Schedule schedule() {
        return ScheduleJson.read(schedule);
    }

    public SequenceData toData() {
        return new SequenceData(sequenceId, name, null, createdAt, paused, schedule(), true, true);
    }
}
