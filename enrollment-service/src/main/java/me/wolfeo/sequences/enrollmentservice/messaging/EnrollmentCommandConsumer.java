package me.wolfeo.sequences.enrollmentservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.enrollmentservice.contact.ContactUpdates;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentCommands;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentPauses;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;

/**
 * Consumes {@code enrollments.commands}, from the gateway and from internal systems, in batches, one batch at a
 * time, in partition order. Contact updates ({@code contact.update}, from the gateway) come here too, keyed by
 * contact, so that they apply in order with the contact's enrollment commands.
 */
@ApplicationScoped
public class EnrollmentCommandConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public EnrollmentCommandConsumer(InboundBatchProcessor processor, EnrollmentCommands enrollments,
            EnrollmentPauses pauses, ContactUpdates contacts) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .onWithContext(EnrollmentMessageTypes.ENROLL, EnrollmentMessageTypes.VERSION, enrollments::enroll)
                .onWithContext(EnrollmentMessageTypes.DISENROLL, EnrollmentMessageTypes.VERSION,
                        enrollments::disenroll)
                .on(EnrollmentMessageTypes.SET_PAUSED, EnrollmentMessageTypes.VERSION, pauses::setPaused)
                .on(ContactMessageTypes.UPDATE, ContactMessageTypes.VERSION, contacts::update)
                .prepareWith(enrollments::prefetch)
                .build();
    }

    @Incoming("enrollment-commands")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
