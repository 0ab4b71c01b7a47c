package me.wolfeo.sequences.platform.contract.sequence;

import me.wolfeo.sequences.platform.contract.validation.Required;

/** Deletes a sequence with its stages; its enrollments end and its email content goes, through events. */
public record DeleteSequence(@Required Long sequenceId) {
}
