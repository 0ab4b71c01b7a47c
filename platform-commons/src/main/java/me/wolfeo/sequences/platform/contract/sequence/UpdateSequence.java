package me.wolfeo.sequences.platform.contract.sequence;

/** Renames, pauses or resumes a sequence; a null field is left as it is. */
public record UpdateSequence(Long sequenceId, String name, Boolean paused) {
}
