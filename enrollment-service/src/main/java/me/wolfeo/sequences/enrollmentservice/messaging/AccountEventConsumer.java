package me.wolfeo.sequences.enrollmentservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.enrollmentservice.account.AccountEventHandlers;
import me.wolfeo.sequences.platform.contract.account.AccountMessageTypes;
import me.wolfeo.sequences.platform.messaging.inbound.InboundBatchProcessor;
import me.wolfeo.sequences.platform.messaging.inbound.MessageHandlers;

/** Consumes {@code accounts.events}: the accounts internal systems may enroll contacts for, and their sending caps. */
@ApplicationScoped
public class AccountEventConsumer {

    private final InboundBatchProcessor processor;
    private final MessageHandlers handlers;

    public AccountEventConsumer(InboundBatchProcessor processor, AccountEventHandlers accounts) {
        this.processor = processor;
        this.handlers = MessageHandlers.builder()
                .on(AccountMessageTypes.ACCOUNT_CREATED, AccountMessageTypes.VERSION, accounts::accountCreated)
                .on(AccountMessageTypes.SENDING_LIMITS_CHANGED, AccountMessageTypes.VERSION,
                        accounts::sendingLimitsChanged)
                .ignoreUnknownTypes()
                .build();
    }

    @Incoming("account-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        processor.process(records, handlers);
    }
}
