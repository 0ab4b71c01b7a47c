package me.wolfeo.sequences.sequenceservice.stage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.DeleteStage;
import me.wolfeo.sequences.platform.contract.sequence.Deleted;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.sequenceservice.sequence.Sequence;
import me.wolfeo.sequences.sequenceservice.sequence.SequenceEvents;
import me.wolfeo.sequences.sequenceservice.sequence.SequenceRepository;

/**
 * Applies the stage commands. Both lock the stage's sequence first, so concurrent changes to one sequence's
 * stages happen one after the other and no two stages share a step.
 */
@ApplicationScoped
public class StageCommands {

    private final SequenceRepository sequences;
    private final StageRepository stages;
    private final SequenceEvents events;
    private final MessageCodec codec;

    public StageCommands(SequenceRepository sequences, StageRepository stages, SequenceEvents events,
            MessageCodec codec) {
        this.sequences = sequences;
        this.stages = stages;
        this.events = events;
        this.codec = codec;
    }

    public StageData create(Envelope message) {
        CreateStage command = codec.data(message, CreateStage.class);
        StageSettings settings = StageSettings.of(command);
        if (command.sequenceId() == null) {
            throw CommandRejectedException.invalidField("sequence_id", "The sequence id field is required.");
        }
        Sequence sequence = sequences.lockOwned(message.accountId(), command.sequenceId())
                .orElseThrow(() -> CommandRejectedException.notFound("Sequence not found."));
        Stage stage = new Stage();
        stage.accountId = sequence.accountId;
        stage.sequenceId = sequence.id;
        stage.step = stages.nextStep(sequence.id);
        stage.name = settings.name() == null ? StageRules.defaultName(stage.step) : settings.name();
        stage.stageType = settings.stageType();
        stage.timeValue = settings.timeValue();
        stage.timeType = settings.timeType();
        stage.active = false;
        stage.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        stages.persist(stage);
        events.publish(sequence, SequenceMessageTypes.STAGE_CREATED, stage.toData());
        return stage.toData();
    }

    public Deleted delete(Envelope message) {
        DeleteStage command = codec.data(message, DeleteStage.class);
        if (command.stageId() == null) {
            throw CommandRejectedException.invalidField("stage_id", "The stage id field is required.");
        }
        Stage stage = stages.findOwned(message.accountId(), command.stageId())
                .orElseThrow(() -> CommandRejectedException.notFound("Stage not found."));
        Sequence sequence = sequences.lockOwned(message.accountId(), stage.sequenceId)
                .orElseThrow(() -> CommandRejectedException.notFound("Stage not found."));
        stages.delete(stage);
        stages.flush();
        stages.closeGapAfter(sequence.id, stage.step);
        List<StageDeleted.StageStep> steps = stages.inSequence(sequence.id).stream()
                .map(remaining -> new StageDeleted.StageStep(remaining.id, remaining.step)).toList();
        events.publish(sequence, SequenceMessageTypes.STAGE_DELETED,
                new StageDeleted(stage.id, sequence.id, stage.stageType, steps));
        return Deleted.YES;
    }
}
