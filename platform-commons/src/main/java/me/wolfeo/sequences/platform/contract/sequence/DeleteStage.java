package me.wolfeo.sequences.platform.contract.sequence;

/** Deletes a stage; the stages after it move up one step. */
public record DeleteStage(Long stageId) {
}
