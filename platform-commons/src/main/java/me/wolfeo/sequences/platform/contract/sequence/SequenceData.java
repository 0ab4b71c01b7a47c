package me.wolfeo.sequences.platform.contract.sequence;

import java.time.Instant;

/**
 * A sequence as sequence-service describes it in replies, events and queries.
 *
 * @param paused while true, none of its steps runs for any contact; resuming runs what fell due meanwhile
 */
public record SequenceData(long id, String name, String type, Instant createdAt, boolean paused) {
}
