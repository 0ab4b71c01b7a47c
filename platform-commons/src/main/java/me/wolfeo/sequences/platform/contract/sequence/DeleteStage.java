package me.wolfeo.sequences.platform.contract.sequence;

import me.wolfeo.sequences.platform.contract.validation.Required;

/** Deletes a stage; the stages after it move up one step. */
public record DeleteStage(@Required Long stageId) {
}
