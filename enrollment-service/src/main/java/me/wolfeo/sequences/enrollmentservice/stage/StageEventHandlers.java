package me.wolfeo.sequences.enrollmentservice.stage;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.engine.WaitingEnrollments;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/** Keeps the stage projection current from sequences.events, and the timers of the contacts waiting on them. */
@ApplicationScoped
public class StageEventHandlers {

    private final StageProjectionStore stages;
    private final WaitingEnrollments waiting;
    private final MessageCodec codec;

    public StageEventHandlers(StageProjectionStore stages, WaitingEnrollments waiting, MessageCodec codec) {
        this.stages = stages;
        this.waiting = waiting;
        this.codec = codec;
    }

    public Object stageCreated(Envelope event) {
        StageData stage = codec.data(event, StageData.class);
        stages.remember(event.accountId(), List.of(stage));
        waiting.stageAdded(stage.sequenceId());
        return null;
    }

    public Object stageUpdated(Envelope event) {
        StageData stage = codec.data(event, StageData.class);
        stages.remember(event.accountId(), List.of(stage));
        waiting.stageChanged(new ProjectedStage(stage.id(), stage.sequenceId(), event.accountId(), stage.step(),
                stage.name(), stage.stageType(), stage.timeValue(), stage.timeType(), stage.active(),
                stage.smsText()));
        return null;
    }

    public Object stageDeleted(Envelope event) {
        StageDeleted deleted = codec.data(event, StageDeleted.class);
        stages.markDeleted(event.accountId(), deleted);
        waiting.stageRemoved(deleted.stageId());
        return null;
    }
}
