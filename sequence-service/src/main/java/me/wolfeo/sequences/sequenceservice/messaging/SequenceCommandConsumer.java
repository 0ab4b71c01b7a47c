package me.wolfeo.sequences.sequenceservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;
import me.wolfeo.sequences.sequenceservice.sequence.SequenceCommands;
import me.wolfeo.sequences.sequenceservice.stage.StageCommands;

/** Consumes {@code sequences.commands} in batches, one batch at a time, in partition order. */
@ApplicationScoped
public class SequenceCommandConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public SequenceCommandConsumer(InboundBatchProcessor processor, SequenceCommands sequences,
            StageCommands stages) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .on(SequenceMessageTypes.CREATE_SEQUENCE, SequenceMessageTypes.VERSION, sequences::create)
                .on(SequenceMessageTypes.UPDATE_SEQUENCE, SequenceMessageTypes.VERSION, sequences::update)
                .on(SequenceMessageTypes.DELETE_SEQUENCE, SequenceMessageTypes.VERSION, sequences::delete)
                .on(SequenceMessageTypes.CREATE_STAGE, SequenceMessageTypes.VERSION, stages::create)
                .on(SequenceMessageTypes.UPDATE_STAGE, SequenceMessageTypes.VERSION, stages::update)
                .on(SequenceMessageTypes.UPDATE_STAGE_SMS, SequenceMessageTypes.VERSION, stages::updateSms)
                .on(SequenceMessageTypes.DELETE_STAGE, SequenceMessageTypes.VERSION, stages::delete)
                .build();
    }

    @Incoming("sequence-commands")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
