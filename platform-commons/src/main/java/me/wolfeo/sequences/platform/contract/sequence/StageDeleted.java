package me.wolfeo.sequences.platform.contract.sequence;

import java.util.List;

/** Event: a stage is gone; {@code steps} are the sequence's remaining stages with their new step numbers. */
public record StageDeleted(long stageId, long sequenceId, String stageType, List<StageStep> steps) {

    public record StageStep(long stageId, int step) {
    }
}
