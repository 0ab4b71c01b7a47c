package me.wolfeo.sequences.sequenceservice.stage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.DeleteStage;
import me.wolfeo.sequences.platform.contract.sequence.Deleted;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStage;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStageSms;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.sequenceservice.sequence.Sequence;
import me.wolfeo.sequences.sequenceservice.sequence.SequenceEvents;
import me.wolfeo.sequences.sequenceservice.sequence.SequenceRepository;

/**
 * Applies the stage commands. Each locks the stage's sequence first, so concurrent changes to one sequence's
 * stages happen one after the other and no two stages share a step. Every refusal is made before anything changes:
 * a refused command shares its batch's transaction with the commands applied around it.
 */
@ApplicationScoped
public class StageCommands {

    private final SequenceRepository sequences;
    private final StageRepository stages;
    private final SequenceEvents events;
    private final StageReadiness readiness;
    private final MessageCodec codec;
    private final ContractValidator validator;

    public StageCommands(SequenceRepository sequences, StageRepository stages, SequenceEvents events,
            StageReadiness readiness, MessageCodec codec, ContractValidator validator) {
        this.sequences = sequences;
        this.stages = stages;
        this.events = events;
        this.readiness = readiness;
        this.codec = codec;
        this.validator = validator;
    }

    public StageData create(Envelope message) {
        CreateStage command = validator.checked(codec.data(message, CreateStage.class));
        StageSettings settings = StageSettings.of(command);
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

    /**
     * Renames a stage, changes its delay, activates or deactivates it; a null field is left as it is. Activating
     * needs what the stage sends ({@link StageReadiness}); deactivating is always allowed. The event
     * {@code stage.updated} is emitted only when something changed.
     */
    public StageData update(Envelope message) {
        UpdateStage command = validator.checked(codec.data(message, UpdateStage.class));
        String name = command.name();
        Integer timeValue = command.timeValue();
        Integer timeType = command.timeType();
        Locked locked = lockStage(message.accountId(), command.stageId());
        Stage stage = locked.stage();
        boolean activating = Boolean.TRUE.equals(command.active()) && !stage.active;
        if (activating) {
            readiness.requireReady(stage);
        }
        boolean changed = false;
        if (name != null && !name.equals(stage.name)) {
            stage.name = name;
            changed = true;
        }
        if (timeValue != null && timeValue != stage.timeValue) {
            stage.timeValue = timeValue;
            changed = true;
        }
        if (timeType != null && timeType != stage.timeType) {
            stage.timeType = timeType;
            changed = true;
        }
        if (command.active() != null && command.active() != stage.active) {
            stage.active = command.active();
            changed = true;
        }
        if (changed) {
            events.publish(locked.sequence(), SequenceMessageTypes.STAGE_UPDATED, stage.toData());
        }
        return stage.toData();
    }

    /** Sets the text of a send_sms stage (placeholders are filled when it is sent). */
    public StageData updateSms(Envelope message) {
        UpdateStageSms command = validator.checked(codec.data(message, UpdateStageSms.class));
        String text = command.text();
        Locked locked = lockStage(message.accountId(), command.stageId());
        Stage stage = locked.stage();
        if (!StageRules.SEND_SMS.equals(stage.stageType)) {
            throw new CommandRejectedException(ErrorCodes.STAGE_NOT_SMS, "Stage is not a send_sms stage.");
        }
        if (!text.equals(stage.smsText)) {
            stage.smsText = text;
            events.publish(locked.sequence(), SequenceMessageTypes.STAGE_UPDATED, stage.toData());
        }
        return stage.toData();
    }

    /**
     * Deletes a stage and moves the later ones up one step. The renumbering goes through the stage entities, not a
     * bulk update: the stages a batch's earlier commands loaded stay in its persistence context, and a bulk update
     * would leave them with their old steps (announced as such, or written back by a later change).
     */
    public Deleted delete(Envelope message) {
        DeleteStage command = validator.checked(codec.data(message, DeleteStage.class));
        Locked locked = lockStage(message.accountId(), command.stageId());
        Sequence sequence = locked.sequence();
        Stage stage = locked.stage();
        List<Stage> remaining = stages.inSequence(sequence.id).stream().filter(other -> other != stage).toList();
        stages.delete(stage);
        List<StageDeleted.StageStep> steps = new ArrayList<>(remaining.size());
        for (Stage other : remaining) {
            // Contiguous from 1, in step order; the unique (sequence_id, step) check is deferred to the commit.
            other.step = steps.size() + 1;
            steps.add(new StageDeleted.StageStep(other.id, other.step));
        }
        events.publish(sequence, SequenceMessageTypes.STAGE_DELETED,
                new StageDeleted(stage.id, sequence.id, stage.stageType, steps));
        return Deleted.YES;
    }

    /**
     * Locks the sequence of this account's stage, then reads the stage: read after the lock, it is the latest
     * version, which no other transaction can change before this one ends. Another account's stage is not found.
     */
    private Locked lockStage(long accountId, long stageId) {
        Sequence sequence = stages.sequenceIdOf(accountId, stageId)
                .flatMap(sequenceId -> sequences.lockOwned(accountId, sequenceId))
                .orElseThrow(() -> CommandRejectedException.notFound("Stage not found."));
        Stage stage = stages.findOwned(accountId, stageId)
                .orElseThrow(() -> CommandRejectedException.notFound("Stage not found."));
        return new Locked(sequence, stage);
    }

    private record Locked(Sequence sequence, Stage stage) {
    }
}
