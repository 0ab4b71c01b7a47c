package me.wolfeo.sequences.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.properties.IfBuildProperty;

import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.tracing.MessageTracing;

/**
 * Where a service writes the messages it emits, in the same database transaction as the state change they
 * describe. Nothing reaches Kafka unless that transaction commits; the {@link OutboxRelay} then sends it.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final OutboxStore store;
    private final OutboxRelay relay;
    private final MessageCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final String source;
    private final MessageTracing tracing;

    public Outbox(OutboxStore store, OutboxRelay relay, MessageCodec codec,
            TransactionSynchronizationRegistry transactions, MessagingConfig config, MessageTracing tracing) {
        this.store = store;
        this.relay = relay;
        this.codec = codec;
        this.transactions = transactions;
        this.source = config.source();
        this.tracing = tracing;
    }

    /**
     * Adds an event or command to the current transaction's outgoing messages, with the current trace context
     * (the processing of the message that caused it, say): the relay sends it later with these headers.
     */
    public void publish(String topic, String key, Envelope message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MessageHeaders.CE_SPEC_VERSION, "1.0");
        headers.put(MessageHeaders.CE_ID, message.id());
        headers.put(MessageHeaders.CE_TYPE, message.type());
        headers.put(MessageHeaders.CE_SOURCE, source);
        headers.put(MessageHeaders.CE_TIME, message.occurredAt().toString());
        headers.put(MessageHeaders.CONTENT_TYPE, "application/json");
        tracing.inject(headers);
        write(List.of(new OutboxMessage(0, topic, key, headers, codec.encode(message))));
    }

    /**
     * Adds a raw record (a dead letter, say) to the current transaction's outgoing messages; with the current trace
     * context unless its headers carry one (a dead letter keeps the original record's).
     */
    public void publishRaw(String topic, String key, Map<String, String> headers, byte[] payload) {
        Map<String, String> traced = new LinkedHashMap<>(headers);
        tracing.inject(traced);
        write(List.of(new OutboxMessage(0, topic, key, traced, payload == null ? new byte[0] : payload)));
    }

    /**
     * Buffers the messages of the current transaction and writes them all in one JDBC batch just before it
     * commits; afterwards, wakes the relay. One round trip per transaction instead of one per message.
     */
    private void write(List<OutboxMessage> messages) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> pending = (List<OutboxMessage>) transactions.getResource(Outbox.class);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(Outbox.class, pending);
            List<OutboxMessage> buffered = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {

                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && !buffered.isEmpty()) {
                        store.insert(buffered);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
        pending.addAll(messages);
    }
}
