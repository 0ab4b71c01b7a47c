package me.wolfeo.sequences.platform.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;

import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.InvalidMessageException;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.PlatformProducer;
import me.wolfeo.sequences.platform.messaging.Problem;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.messaging.outbox.Outbox;
import me.wolfeo.sequences.platform.tracing.MessageTracing;

/**
 * Processes a batch of inbound Kafka records exactly once in effect: in one database transaction it skips the
 * messages already processed (answering them with their first reply), applies the others through their handlers,
 * records their ids, and routes every message that can never succeed to the dead-letter topic
 * ({@code <topic>.dlq}) with the reason. Replies go to the requester after the commit.
 *
 * <p>
 * When the batch transaction fails unexpectedly, each record is retried in a transaction of its own, so one
 * poison record cannot hold back the others; a record that still fails goes to the dead-letter topic.
 *
 * <p>
 * Each record is processed in a span of its own (kind CONSUMER, "{@code <topic> process}"), the child of the trace
 * context in its headers: its handler's database work, the events it writes to the outbox and its reply belong to
 * the trace of the message. The batch's shared work (inbox, commit) runs in a batch span linked to the records'
 * spans, or in the record's span when the batch has one record.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class InboundBatchProcessor {

    private static final Logger LOG = Logger.getLogger(InboundBatchProcessor.class);
    private static final int ATTEMPTS_ALONE = 3;

    private final Inbox inbox;
    private final Outbox outbox;
    /** Headers and key of a dead letter: the record's own (bounded by the broker's limits too) and ours. */
    private static final int DEAD_LETTER_ROOM_BYTES = 256 * 1024;
    private static final int TRUNCATED_VALUE_BYTES = 1024;

    private final MessageCodec codec;
    private final PlatformProducer producer;
    private final MessageTracing tracing;
    private final String consumerName;
    private final MessagingConfig.Inbound config;
    /** The largest record the producer sends, less room for the dead-letter headers. */
    private final int maxDeadLetterValueBytes;

    public InboundBatchProcessor(Inbox inbox, Outbox outbox, MessageCodec codec, PlatformProducer producer,
            MessagingConfig config, MessageTracing tracing) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.codec = codec;
        this.producer = producer;
        this.tracing = tracing;
        this.consumerName = config.source();
        this.config = config.inbound();
        this.maxDeadLetterValueBytes = config.producer().maxRequestSize() - DEAD_LETTER_ROOM_BYTES;
    }

    public void process(Iterable<ConsumerRecord<String, byte[]>> batch, MessageHandlers handlers) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        batch.forEach(records::add);
        if (records.isEmpty()) {
            return;
        }
        Map<ConsumerRecord<String, byte[]>, Span> spans = new IdentityHashMap<>();
        records.forEach(record -> spans.put(record, tracing.startProcessing(record, consumerName)));
        Span batchSpan = records.size() == 1
                ? spans.get(records.get(0))
                : tracing.startBatch(records.get(0).topic(), consumerName, List.copyOf(spans.values()));
        try (Scope ignored = batchSpan.makeCurrent()) {
            processBatch(records, handlers, spans);
        } catch (RuntimeException e) {
            batchSpan.recordException(e);
            batchSpan.setStatus(StatusCode.ERROR, Failures.describe(e));
            throw e;
        } finally {
            if (records.size() > 1) {
                batchSpan.end();
            }
            spans.values().forEach(Span::end);
        }
    }

    private void processBatch(List<ConsumerRecord<String, byte[]>> records, MessageHandlers handlers,
            Map<ConsumerRecord<String, byte[]>, Span> spans) {
        long started = System.currentTimeMillis();
        List<Outcome> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew().call(() -> applyAll(records, handlers, spans));
        } catch (RuntimeException batchFailure) {
            LOG.debugf("A batch of %d records failed (%s); processing them one at a time", records.size(),
                    Failures.describe(batchFailure));
            for (ConsumerRecord<String, byte[]> record : records) {
                // Each record's reply leaves as soon as its own transaction has committed: a later record may
                // take long (an outage is retried up to the outage tolerance) or stop the consumer, and the
                // requesters of the records committed before it must not wait for that, or never hear back.
                try (Scope ignored = spans.get(record).makeCurrent()) {
                    processAlone(record, handlers, spans).forEach(this::sendReply);
                }
            }
            logProcessed(records, started);
            return;
        }
        for (Outcome outcome : outcomes) {
            try (Scope ignored = spans.get(outcome.record()).makeCurrent()) {
                sendReply(outcome);
            }
        }
        logProcessed(records, started);
    }

    private static void logProcessed(List<ConsumerRecord<String, byte[]>> records, long started) {
        if (LOG.isDebugEnabled()) {
            long oldest = records.stream().mapToLong(ConsumerRecord::timestamp).min().orElse(started);
            LOG.debugf("Processed %d records of %s in %d ms, %d ms after the oldest was sent", records.size(),
                    records.get(0).topic(), System.currentTimeMillis() - started, started - oldest);
        }
    }

    private List<Outcome> processAlone(ConsumerRecord<String, byte[]> record, MessageHandlers handlers,
            Map<ConsumerRecord<String, byte[]>, Span> spans) {
        RuntimeException failure = null;
        long transientSince = 0;
        for (int attempt = 1;; attempt++) {
            try {
                List<Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> applyAll(List.of(record),
                        handlers, spans));
                if (transientSince != 0) {
                    LOG.infof("Processing %s-%d@%d again after an outage", record.topic(), record.partition(),
                            record.offset());
                }
                return outcomes;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (TransientFailures.isTransient(failure)) {
                long now = System.nanoTime();
                if (transientSince == 0) {
                    transientSince = now;
                    LOG.warnf("Cannot process %s-%d@%d for now, retrying until %s: %s", record.topic(),
                            record.partition(), record.offset(), config.outageTolerance(),
                            Failures.describe(failure));
                }
                if (now - transientSince > config.outageTolerance().toNanos()) {
                    throw failure; // the consumer stops and its health check fails: let the platform restart it
                }
                pause(Math.min(5_000, 200L * attempt));
            } else if (attempt >= ATTEMPTS_ALONE) {
                break;
            } else {
                pause(attempt * 100L);
            }
        }
        String reason = "Processing failed: " + Failures.describe(failure);
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        deadLetterAlone(record, reason);
        return List.of(new Outcome(record, Reply.rejected(Problem.of(ErrorCodes.INTERNAL_ERROR,
                "The request could not be processed; it was kept for investigation."))));
    }

    private List<Outcome> applyAll(List<ConsumerRecord<String, byte[]>> records, MessageHandlers handlers,
            Map<ConsumerRecord<String, byte[]>, Span> spans) {
        List<Decoded> decoded = records.stream().map(this::decode).toList();
        Map<String, ProcessedMessage> known = inbox.find(decoded.stream()
                .filter(Decoded::valid).map(Decoded::inboxKey).distinct().toList());
        Map<String, Inbox.ProcessedEntry> processed = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(records.size());
        handlers.prepare(decoded.stream().filter(Decoded::valid).filter(d -> !known.containsKey(d.inboxKey()))
                .map(Decoded::envelope).toList());
        for (Decoded message : decoded) {
            try (Scope ignored = spans.get(message.record()).makeCurrent()) {
                outcomes.add(new Outcome(message.record(), applyOne(message, handlers, known, processed)));
            }
        }
        inbox.record(processed);
        return outcomes;
    }

    /** One record of the batch, in its span: its handler's work and the events it writes are of its trace. */
    private Reply applyOne(Decoded message, MessageHandlers handlers, Map<String, ProcessedMessage> known,
            Map<String, Inbox.ProcessedEntry> processed) {
        if (!message.valid()) {
            deadLetter(message.record(), message.invalidReason());
            return invalid(message.invalidReason());
        }
        ProcessedMessage prior = Optional.ofNullable(known.get(message.inboxKey()))
                .orElseGet(() -> Optional.ofNullable(processed.get(message.inboxKey()))
                        .map(Inbox.ProcessedEntry::message).orElse(null));
        if (prior != null) {
            return replayed(prior, message);
        }
        Reply reply = apply(message, handlers);
        processed.put(message.inboxKey(), new Inbox.ProcessedEntry(message.envelope().type(),
                new ProcessedMessage(message.fingerprint(), codec.encode(reply))));
        return reply;
    }

    private Reply apply(Decoded message, MessageHandlers handlers) {
        Envelope envelope = message.envelope();
        Optional<MessageHandlers.ContextualHandler> handler = handlers.forType(envelope.type(), envelope.version());
        boolean expectsReply = header(message.record(), MessageHeaders.REPLY_TO).isPresent();
        if (handler.isEmpty() && handlers.ignoresUnknownTypes()) {
            return Reply.ok(null);
        }
        if (handler.isEmpty()) {
            String reason = "Unknown message type '" + envelope.type() + "' version " + envelope.version();
            deadLetter(message.record(), reason);
            return invalid(reason);
        }
        try {
            Object data = handler.get().handle(envelope, new MessageContext(expectsReply));
            return Reply.ok(data == null ? null : codec.toTree(data));
        } catch (CommandRejectedException rejected) {
            if (ErrorCodes.VALIDATION_ERROR.equals(rejected.problem().code()) && !expectsReply) {
                // Nobody waits for an answer: the publisher learns of its invalid message from the dead letters.
                deadLetter(message.record(), describe(rejected.problem()));
            }
            return Reply.rejected(rejected.problem());
        } catch (InvalidMessageException invalid) {
            deadLetter(message.record(), invalid.getMessage());
            return invalid(invalid.getMessage());
        }
    }

    private Reply replayed(ProcessedMessage prior, Decoded message) {
        if (!prior.fingerprint().equals(message.fingerprint())) {
            return Reply.rejected(Problem.of(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                    "This idempotency key was already used for a different request."));
        }
        return prior.reply() == null ? Reply.ok(null) : codec.decodeReply(prior.reply());
    }

    private Decoded decode(ConsumerRecord<String, byte[]> record) {
        try {
            Envelope envelope = codec.decodeEnvelope(record.value());
            String inboxKey = envelope.accountId() + "/" + envelope.id();
            return new Decoded(record, envelope, inboxKey, fingerprint(envelope), null);
        } catch (InvalidMessageException e) {
            return new Decoded(record, null, null, null, e.getMessage());
        }
    }

    /**
     * Takes a record that cannot be processed out of the way. Through the outbox when it can; when even that
     * fails (the dead letter is written from the record's own key and headers, so a record hostile enough could
     * break that write too), straight to the dead-letter topic, waiting for the broker's acknowledgement. Only
     * a broker that cannot take the dead letter stops the consumer.
     */
    private void deadLetterAlone(ConsumerRecord<String, byte[]> record, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> deadLetter(record, reason));
        } catch (RuntimeException outboxFailure) {
            LOG.warnf("Cannot write the dead letter of %s-%d@%d to the outbox (%s); sending it straight to %s",
                    record.topic(), record.partition(), record.offset(), Failures.describe(outboxFailure),
                    record.topic() + ".dlq");
            ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(record.topic() + ".dlq", record.key(),
                    deadLetterValue(record));
            deadLetterHeaders(record, reason).forEach((name, value) -> deadLetter.headers().add(name,
                    value.getBytes(StandardCharsets.UTF_8)));
            try {
                producer.send(deadLetter).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending a dead letter", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot send the dead letter of " + record.topic() + "-"
                        + record.partition() + "@" + record.offset(), e);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        Span.current().setStatus(StatusCode.ERROR, reason); // the record's span
        outbox.publishRaw(record.topic() + ".dlq", record.key(), deadLetterHeaders(record, reason),
                deadLetterValue(record));
        LOG.infof("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }

    /**
     * The record's value, or its first {@value #TRUNCATED_VALUE_BYTES} bytes when the whole would make a dead letter
     * larger than the producer sends (a broker may take larger records than the services' producers): a dead letter
     * that cannot be sent would hold back every row of the outbox behind it.
     */
    private byte[] deadLetterValue(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length <= maxDeadLetterValueBytes) {
            return value;
        }
        return Arrays.copyOf(value, TRUNCATED_VALUE_BYTES);
    }

    private Map<String, String> deadLetterHeaders(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.put(MessageHeaders.DEAD_LETTER_REASON, reason);
        headers.put(MessageHeaders.DEAD_LETTER_TOPIC, record.topic());
        headers.put(MessageHeaders.DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
        headers.put(MessageHeaders.DEAD_LETTER_OFFSET, Long.toString(record.offset()));
        headers.put(MessageHeaders.DEAD_LETTER_CONSUMER, consumerName);
        if (record.value() != null && record.value().length > maxDeadLetterValueBytes) {
            headers.put(MessageHeaders.DEAD_LETTER_TRUNCATED_FROM, Integer.toString(record.value().length));
        }
        return headers;
    }

    private void sendReply(Outcome outcome) {
        Optional<String> replyTo = header(outcome.record(), MessageHeaders.REPLY_TO);
        Optional<String> correlationId = header(outcome.record(), MessageHeaders.CORRELATION_ID);
        if (replyTo.isEmpty() || correlationId.isEmpty()) {
            return;
        }
        ProducerRecord<String, byte[]> reply = new ProducerRecord<>(replyTo.get(), correlationId.get(),
                codec.encode(outcome.reply()));
        reply.headers().add(MessageHeaders.CORRELATION_ID, correlationId.get().getBytes(StandardCharsets.UTF_8));
        producer.send(reply).exceptionally(error -> {
            LOG.warnf("Cannot send the reply %s to %s: %s", correlationId.get(), replyTo.get(),
                    Failures.describe(error));
            return null;
        });
    }

    private static String describe(Problem problem) {
        StringBuilder reason = new StringBuilder(problem.message());
        problem.details().forEach((field, messages) -> reason.append(" [").append(field).append(": ")
                .append(String.join(" ", messages)).append("]"));
        return reason.toString();
    }

    private static Reply invalid(String reason) {
        return Reply.rejected(Problem.of(ErrorCodes.VALIDATION_ERROR, reason));
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static String fingerprint(Envelope envelope) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((envelope.type() + "\n" + envelope.version() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(envelope.data().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, Envelope envelope, String inboxKey,
            String fingerprint, String invalidReason) {

        boolean valid() {
            return invalidReason == null;
        }
    }

    private record Outcome(ConsumerRecord<String, byte[]> record, Reply reply) {
    }
}
