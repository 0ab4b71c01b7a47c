package me.wolfeo.sequences.platform.contract.sequence;

import java.time.Instant;
import java.util.List;

/** Query answer: a sequence with its stages in step order. */
public record SequenceDetail(long id, String name, String type, Instant createdAt, boolean paused,
        List<StageData> stages) {
}
