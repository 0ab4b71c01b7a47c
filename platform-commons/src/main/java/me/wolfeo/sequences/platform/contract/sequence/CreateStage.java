package me.wolfeo.sequences.platform.contract.sequence;

/** Adds an inactive stage at the end of a sequence. Null fields take the defaults of {@link StageRules}. */
public record CreateStage(Long sequenceId, String name, String stageType, Integer timeValue, Integer timeType) {
}
