package me.wolfeo.sequences.platform.contract.sequence;

/** Deletes a sequence with its stages; its enrollments end and its email content goes, through events. */
public record DeleteSequence(Long sequenceId) {
}
