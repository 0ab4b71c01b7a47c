package me.wolfeo.sequences.enrollmentservice.stage;

import java.time.Duration;

import me.wolfeo.sequences.platform.contract.sequence.StageRules;

/** A stage of sequence-service, as the engine knows it. */
public record ProjectedStage(long stageId, long sequenceId, long accountId, int step, String name, String stageType,
        int timeValue, int timeType, boolean active, String smsText) {

    /** How long after the previous step (or the enrollment) this stage falls due. */
    public Duration delay() {
        return StageRules.delay(timeValue, timeType);
    }
}
