package me.wolfeo.sequences.platform.contract.sequence;

import java.time.Instant;
import java.util.List;

/** Query answer: a sequence with its stages in step order. */
public record SequenceDetail(long id, String name, String type, Instant createdAt, boolean paused,
        List<StageData> stages, Schedule schedule, boolean stopOnReply, boolean stopOnMeeting) {

    public SequenceDetail {
        schedule = schedule == null ? Schedule.ANY_TIME : schedule;
    }

    /** A sequence with the default schedule and stopping rules. */
    public SequenceDetail(long id, String name, String type, Instant createdAt, boolean paused,
            List<StageData> stages) {
        this(id, name, type, createdAt, paused, stages, Schedule.ANY_TIME, true, true);
    }
}
