package me.wolfeo.sequences.platform.contract.sequence;

import java.time.Instant;

/**
 * A sequence as sequence-service describes it in replies, events and queries.
 *
 * @param paused while true, none of its steps runs for any contact; resuming runs what fell due meanwhile
 * @param schedule when its steps may run; never null ({@link Schedule#ANY_TIME} by default)
 * @param stopOnReply a contact who replies leaves the sequence (default true)
 * @param stopOnMeeting a contact who books a meeting leaves the sequence (default true)
 */
public record SequenceData(long id, String name, String type, Instant createdAt, boolean paused, Schedule schedule,
        boolean stopOnReply, boolean stopOnMeeting) {

    public SequenceData {
        schedule = schedule == null ? Schedule.ANY_TIME : schedule;
    }

    /** A sequence with the default schedule and stopping rules. */
    public SequenceData(long id, String name, String type, Instant createdAt, boolean paused) {
        this(id, name, type, createdAt, paused, Schedule.ANY_TIME, true, true);
    }
}
