package me.wolfeo.sequences.sequenceservice.sequence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleJson;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;

/** A sequence of timed steps, owned by one account. */
@Entity
@Table(name = "sequences")
public class Sequence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Column(nullable = false)
    public String name;

    /** {@code normal} or {@code inverted}. */
    @Column(nullable = false)
    public String type;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** While true, none of its steps runs for any contact. */
    @Column(nullable = false)
    public boolean paused;

    /** When its steps may run: the JSON of a {@link Schedule}, null for any day, any hour ({@link ScheduleJson}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "schedule")
    public String schedule;

    @Column(name = "stop_on_reply", nullable = false)
    public boolean stopOnReply = true;

    @Column(name = "stop_on_meeting", nullable = false)
    public boolean stopOnMeeting = true;

    public Schedule schedule() {
        return ScheduleJson.read(schedule);
    }

    public SequenceData toData() {
        return new SequenceData(id, name, type, createdAt, paused, schedule(), stopOnReply, stopOnMeeting);
    }
}
