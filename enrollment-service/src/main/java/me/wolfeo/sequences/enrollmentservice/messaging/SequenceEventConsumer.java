package me.wolfeo.sequences.enrollmentservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.enrollmentservice.sequence.SequenceEventHandlers;
import me.wolfeo.sequences.enrollmentservice.stage.StageEventHandlers;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;

/** Consumes {@code sequences.events}: the sequences and stages that exist, paused or deleted. */
@ApplicationScoped
public class SequenceEventConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public SequenceEventConsumer(InboundBatchProcessor processor, SequenceEventHandlers events,
            StageEventHandlers stages) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .on(SequenceMessageTypes.SEQUENCE_CREATED, SequenceMessageTypes.VERSION, events::sequenceCreated)
                .on(SequenceMessageTypes.SEQUENCE_UPDATED, SequenceMessageTypes.VERSION, events::sequenceUpdated)
                .on(SequenceMessageTypes.SEQUENCE_DELETED, SequenceMessageTypes.VERSION, events::sequenceDeleted)
                .on(SequenceMessageTypes.STAGE_CREATED, SequenceMessageTypes.VERSION, stages::stageCreated)
                .on(SequenceMessageTypes.STAGE_UPDATED, SequenceMessageTypes.VERSION, stages::stageUpdated)
                .on(SequenceMessageTypes.STAGE_DELETED, SequenceMessageTypes.VERSION, stages::stageDeleted)
                .ignoreUnknownTypes()
                .build();
    }

    @Incoming("sequence-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
