package me.wolfeo.sequences.sequenceservice.sequence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDeleted;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.outbox.Outbox;

/** Writes the sequence events to the outbox, keyed by sequence id so each sequence's events stay in order. */
@ApplicationScoped
public class SequenceEvents {

    private final Outbox outbox;
    private final MessageCodec codec;

    public SequenceEvents(Outbox outbox, MessageCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    public void created(Sequence sequence) {
        publish(sequence, SequenceMessageTypes.SEQUENCE_CREATED, sequence.toData());
    }

    /** Renamed, paused or resumed. */
    public void updated(Sequence sequence) {
        publish(sequence, SequenceMessageTypes.SEQUENCE_UPDATED, sequence.toData());
    }

    public void deleted(Sequence sequence, List<Long> stageIds) {
        publish(sequence, SequenceMessageTypes.SEQUENCE_DELETED, new SequenceDeleted(sequence.id, stageIds));
    }

    /** Any event about a sequence or one of its stages. */
    public void publish(Sequence sequence, String type, Object data) {
        Envelope event = Envelope.create(type, SequenceMessageTypes.VERSION, sequence.accountId, codec.toTree(data));
        outbox.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequence.id), event);
    }
}
