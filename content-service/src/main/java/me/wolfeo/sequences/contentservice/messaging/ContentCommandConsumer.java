package me.wolfeo.sequences.contentservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.contentservice.content.ContentCommands;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;

/** Consumes {@code content.commands} in batches, one batch at a time, in partition order. */
@ApplicationScoped
public class ContentCommandConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public ContentCommandConsumer(InboundBatchProcessor processor, ContentCommands content) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .on(ContentMessageTypes.UPDATE_CONTENT, ContentMessageTypes.VERSION, content::update)
                .build();
    }

    @Incoming("content-commands")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
