package me.wolfeo.sequences.platform.contract.sequence;

import java.time.Instant;

/** A sequence as sequence-service describes it in replies, events and queries. */
public record SequenceData(long id, String name, String type, Instant createdAt) {
}
