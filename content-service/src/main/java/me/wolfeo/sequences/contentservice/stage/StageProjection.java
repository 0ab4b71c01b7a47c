package me.wolfeo.sequences.contentservice.stage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stage of sequence-service, as far as content-service needs to know it. */
@Entity
@Table(name = "stage_projection")
public class StageProjection {

    @Id
    @Column(name = "stage_id")
    public long stageId;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(name = "sequence_id", nullable = false)
    public long sequenceId;

    @Column(name = "stage_type", nullable = false)
    public String stageType;

    /** A tombstone: the stage was deleted. */
    @Column(nullable = false)
    public boolean deleted;
}
