package me.wolfeo.sequences.enrollmentservice.activity;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;

/**
 * Consumes {@code contacts.activity}, from internal systems and the gateway, in batches, one batch at a time, in
 * partition order; bad messages go to {@code contacts.activity.dlq} with the reason.
 */
@ApplicationScoped
public class ContactActivityConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public ContactActivityConsumer(InboundBatchProcessor processor, ContactActivities activities) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .onWithContext(ContactMessageTypes.RECORD_ACTIVITY, ContactMessageTypes.VERSION,
                        activities::record)
                .build();
    }

    @Incoming("contact-activity")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
