package me.wolfeo.sequences.contentservice.stage;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.contentservice.content.EmailLifecycle;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDeleted;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/** Keeps the stage projection and the email records in step with sequence-service's events. */
@ApplicationScoped
public class SequenceEventHandlers {

    private final EmailLifecycle emails;
    private final StageProjectionRepository stages;
    private final MessageCodec codec;

    public SequenceEventHandlers(EmailLifecycle emails, StageProjectionRepository stages, MessageCodec codec) {
        this.emails = emails;
        this.stages = stages;
        this.codec = codec;
    }

    public Object stageCreated(Envelope event) {
        StageData stage = codec.data(event, StageData.class);
        emails.stageCreated(event.accountId(), stage.id(), stage.sequenceId(), stage.stageType());
        return null;
    }

    public Object stageDeleted(Envelope event) {
        StageDeleted deleted = codec.data(event, StageDeleted.class);
        emails.stageDeleted(event.accountId(), deleted.stageId(), deleted.sequenceId(), deleted.stageType());
        return null;
    }

    public Object sequenceDeleted(Envelope event) {
        SequenceDeleted deleted = codec.data(event, SequenceDeleted.class);
        for (long stageId : deleted.stageIds()) {
            String stageType = stages.findByIdOptional(stageId).map(stage -> stage.stageType).orElse(null);
            emails.stageDeleted(event.accountId(), stageId, deleted.sequenceId(), stageType);
        }
        return null;
    }
}
