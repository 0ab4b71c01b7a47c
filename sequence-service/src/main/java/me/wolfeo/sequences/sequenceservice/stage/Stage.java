package me.wolfeo.sequences.sequenceservice.stage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import me.wolfeo.sequences.platform.contract.sequence.StageData;

/** A timed step of a sequence. */
@Entity
@Table(name = "stages")
public class Stage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Column(name = "sequence_id", nullable = false, updatable = false)
    public long sequenceId;

    /** 1-based position in the sequence. */
    @Column(nullable = false)
    public int step;

    @Column(nullable = false)
    public String name;

    @Column(name = "stage_type", nullable = false, updatable = false)
    public String stageType;

    @Column(name = "time_value", nullable = false)
    public int timeValue;

    /** Delay unit in seconds. */
    @Column(name = "time_type", nullable = false)
    public int timeType;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** What a send_sms stage sends, placeholders unfilled; null until set, and for the other types. */
    @Column(name = "sms_text")
    public String smsText;

    public StageData toData() {
        return new StageData(id, sequenceId, step, name, stageType, timeValue, timeType, active, createdAt,
                smsText);
    }
}
