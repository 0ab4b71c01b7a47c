package me.wolfeo.sequences.sequenceservice.sequence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.DeleteSequence;
import me.wolfeo.sequences.platform.contract.sequence.Deleted;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleJson;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleRules;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceRules;
import me.wolfeo.sequences.platform.contract.sequence.UpdateSequence;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.sequenceservice.stage.StageRepository;

/** Applies the sequence commands; each runs inside the inbound batch's transaction. */
@ApplicationScoped
public class SequenceCommands {

    private final SequenceRepository sequences;
    private final StageRepository stages;
    private final SequenceEvents events;
    private final MessageCodec codec;
    private final ContractValidator validator;

    public SequenceCommands(SequenceRepository sequences, StageRepository stages, SequenceEvents events,
            MessageCodec codec, ContractValidator validator) {
        this.sequences = sequences;
        this.stages = stages;
        this.events = events;
        this.codec = codec;
        this.validator = validator;
    }

    public SequenceData create(Envelope message) {
        CreateSequence command = validator.checked(codec.data(message, CreateSequence.class));
        String type = command.type() == null ? SequenceRules.DEFAULT_TYPE : command.type();
        Sequence sequence = new Sequence();
        sequence.accountId = message.accountId();
        sequence.name = command.name();
        sequence.type = type;
        sequence.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        sequences.persist(sequence);
        events.created(sequence);
        return sequence.toData();
    }

    /**
     * Renames, pauses or resumes a sequence, sets its schedule and stopping rules; a null field is left as it is.
     * The event {@code sequence.updated} is emitted only when something changed.
     */
    public SequenceData update(Envelope message) {
        UpdateSequence command = validator.checked(codec.data(message, UpdateSequence.class));
        String name = command.name();
        String schedule = command.schedule() == null
                ? null
                : ScheduleJson.write(ScheduleRules.parse(command.schedule()));
        Sequence sequence = sequences.lockOwned(message.accountId(), command.sequenceId())
                .orElseThrow(() -> CommandRejectedException.notFound("Sequence not found."));
        boolean changed = false;
        if (name != null && !name.equals(sequence.name)) {
            sequence.name = name;
            changed = true;
        }
        if (command.paused() != null && command.paused() != sequence.paused) {
            sequence.paused = command.paused();
            changed = true;
        }
        if (command.schedule() != null && !sequence.schedule().equals(ScheduleJson.read(schedule))) {
            sequence.schedule = schedule;
            changed = true;
        }
        if (command.stopOnReply() != null && command.stopOnReply() != sequence.stopOnReply) {
            sequence.stopOnReply = command.stopOnReply();
            changed = true;
        }
        if (command.stopOnMeeting() != null && command.stopOnMeeting() != sequence.stopOnMeeting) {
            sequence.stopOnMeeting = command.stopOnMeeting();
            changed = true;
        }
        if (changed) {
            events.updated(sequence);
        }
        return sequence.toData();
    }

    public Deleted delete(Envelope message) {
        DeleteSequence command = validator.checked(codec.data(message, DeleteSequence.class));
        Sequence sequence = sequences.lockOwned(message.accountId(), command.sequenceId())
                .orElseThrow(() -> CommandRejectedException.notFound("Sequence not found."));
        List<Long> stageIds = stages.idsInSequence(sequence.id);
        stages.deleteInSequence(sequence.id);
        sequences.delete(sequence);
        events.deleted(sequence, stageIds);
        return Deleted.YES;
    }
}
