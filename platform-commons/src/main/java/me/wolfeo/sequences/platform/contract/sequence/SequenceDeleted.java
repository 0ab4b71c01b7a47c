package me.wolfeo.sequences.platform.contract.sequence;

import java.util.List;

/** Event: the sequence and all its stages are gone. */
public record SequenceDeleted(long sequenceId, List<Long> stageIds) {
}
