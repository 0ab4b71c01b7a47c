package me.wolfeo.sequences.contentservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.contentservice.stage.SequenceEventHandlers;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;

/** Consumes {@code sequences.events}: the stages content-service must know, and the deletions to cascade. */
@ApplicationScoped
public class SequenceEventConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public SequenceEventConsumer(InboundBatchProcessor processor, SequenceEventHandlers events) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .on(SequenceMessageTypes.STAGE_CREATED, SequenceMessageTypes.VERSION, events::stageCreated)
                .on(SequenceMessageTypes.STAGE_DELETED, SequenceMessageTypes.VERSION, events::stageDeleted)
                .on(SequenceMessageTypes.SEQUENCE_DELETED, SequenceMessageTypes.VERSION, events::sequenceDeleted)
                .ignoreUnknownTypes()
                .build();
    }

    @Incoming("sequence-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
