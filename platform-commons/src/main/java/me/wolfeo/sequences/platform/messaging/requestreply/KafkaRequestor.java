package me.wolfeo.sequences.platform.messaging.requestreply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.opentelemetry.context.Context;

import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.KafkaClientSettings;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.PlatformProducer;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.metrics.KafkaClientMeters;

/**
 * Sends a command to a service's topic and completes when the service's reply arrives on the reply topic.
 *
 * <p>
 * Two choices keep every reply: a request is registered under its correlation id <em>before</em> it is sent (a
 * reply can come back before the broker's acknowledgement of the send), and the listener reads every partition
 * of the reply topic by assignment, from the end as it was at start-up, with no consumer group, so several
 * instances never take each other's replies.
 *
 * <p>
 * A request is answered within {@code platform.messaging.requests.timeout} whatever the broker does: the clock
 * starts when it is made, and the caller's thread never waits (the send runs on a thread of its own, where the
 * producer may block while the broker is unreachable). At the deadline, a command that was handed to the producer
 * is a {@link ReplyTimeoutException} (it may still be applied), one that was not is a
 * {@link RequestNotSentException} (it will not be: it is never sent after its deadline).
 *
 * <p>
 * The listener survives what can go wrong while it reads: a record it cannot use is skipped with one log line, a
 * failing poll is retried. {@link #status()} tells whether it reads the reply topic and hears from the broker,
 * for the service's readiness check.
 */
@ApplicationScoped
public class KafkaRequestor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaRequestor.class);
    /** Without a fetch response for this long (the broker answers a fetch within 500 ms), it is unreachable. */
    private static final long SILENCE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long RETRY_BACKOFF_MILLIS = 1_000;
    /** Requests that got no answer in time, by topic and why: sent but not answered, or never sent. */
    public static final String TIMEOUTS = "platform.requests.timeouts";

    private final MessagingConfig config;
    private final KafkaClientSettings kafka;
    private final PlatformProducer producer;
    private final MessageCodec codec;
    /** Null in a requestor made with {@code new}: its consumer has no meters. */
    private final KafkaClientMeters kafkaMeters;
    private final MeterRegistry registry;
    private final Map<String, Counter> timeouts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean running;
    /** Why the listener does not read replies right now; null while it does. */
    private volatile String problem;
    private volatile long lastFetchNanos;
    /** Read and written by the listener's thread only. */
    private long lastPartitionCheckNanos;
    private KafkaConsumer<String, byte[]> consumer;
    private Metric fetchTotal;
    private double fetchesSeen = -1;
    private Thread listener;
    private ExecutorService sender;

    /** A requestor made with {@code new} (tests): its counters go to Micrometer's global registry. */
    public KafkaRequestor(MessagingConfig config, KafkaClientSettings kafka, PlatformProducer producer,
            MessageCodec codec) {
        this(config, kafka, producer, codec, null);
    }

    @Inject
    public KafkaRequestor(MessagingConfig config, KafkaClientSettings kafka, PlatformProducer producer,
            MessageCodec codec, KafkaClientMeters kafkaMeters) {
        this.config = config;
        this.kafka = kafka;
        this.producer = producer;
        this.codec = codec;
        this.kafkaMeters = kafkaMeters;
        this.registry = kafkaMeters == null ? Metrics.globalRegistry : kafkaMeters.registry();
    }

    /** Starts the reply listener (done by CDI for the bean; call it on an instance made with {@code new}). */
    @PostConstruct
    public void start() {
        consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, config.source() + "-reply-listener-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) config.requests().partitionCheck().toMillis())),
                new StringDeserializer(), new ByteArrayDeserializer());
        if (kafkaMeters != null) {
            kafkaMeters.bind(consumer, KafkaClientMeters.NO_GROUP); // read by assignment, without a group
        }
        sender = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "request-sender");
            thread.setDaemon(true);
            return thread;
        });
        problem = "The reply listener does not read " + config.requests().replyTopic() + " yet";
        running = true;
        listener = new Thread(this::listen, "reply-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Waits until the reply listener reads the reply topic; false if it does not within the timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /** Whether the reply listener can hear replies now, and if not, why. */
    public record ListenerStatus(boolean up, String description) {
    }

    public ListenerStatus status() {
        String topic = config.requests().replyTopic();
        Thread thread = listener;
        if (!running || thread == null || !thread.isAlive()) {
            return new ListenerStatus(false, "The reply listener is not running");
        }
        String why = problem;
        if (why != null) {
            return new ListenerStatus(false, why);
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFetchNanos);
        if (silentMillis > TimeUnit.NANOSECONDS.toMillis(SILENCE_LIMIT_NANOS)) {
            return new ListenerStatus(false, "The reply listener has not heard from the broker for "
                    + silentMillis + " ms");
        }
        return new ListenerStatus(true, "Reading replies on " + topic);
    }

    /**
     * Sends the command and returns its reply, always within the configured timeout: it completes exceptionally
     * with {@link ReplyTimeoutException} when the command was sent but not answered in time, and with
     * {@link RequestNotSentException} when it could not be sent.
     */
    public CompletionStage<Reply> request(String topic, String key, Envelope command) {
        long timeoutNanos = config.requests().timeout().toNanos();
        Attempt attempt = new Attempt();
        String correlationId = UUID.randomUUID().toString();
        pending.put(correlationId, attempt.reply);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(command));
        record.headers()
                .add(MessageHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.REPLY_TO, config.requests().replyTopic().getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_ID, command.id().getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_TYPE, command.type().getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_SOURCE, config.source().getBytes(StandardCharsets.UTF_8));
        // Sent once the listener reads the reply topic (at once, after start-up), never on the caller's thread; in
        // the caller's trace context, which the producer writes into the record's headers.
        ready.thenRunAsync(Context.current().wrap(() -> send(attempt, command.id(), record)), sender);
        return attempt.reply.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS).handle((answer, error) -> {
            pending.remove(correlationId);
            if (error == null) {
                return answer;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            if (cause instanceof TimeoutException) {
                if (attempt.abandonUnsent()) {
                    timedOut(topic, "not_sent");
                    String reason = ready.isDone()
                            ? "the broker did not take it in time"
                            : "the reply listener is not ready (" + problem + ")";
                    throw new CompletionException(new RequestNotSentException(command.id(), reason));
                }
                timedOut(topic, "no_reply");
                throw new CompletionException(new ReplyTimeoutException(command.id()));
            }
            throw new CompletionException(cause);
        });
    }

    private void timedOut(String topic, String reason) {
        timeouts.computeIfAbsent(topic + "\n" + reason, key -> Counter.builder(TIMEOUTS)
                .description("Requests not answered within platform.messaging.requests.timeout: no_reply (sent, "
                        + "answered 504) or not_sent (the broker did not take it, answered 503)")
                .tag("topic", topic).tag("reason", reason).register(registry)).increment();
    }

    private void send(Attempt attempt, String commandId, ProducerRecord<String, byte[]> record) {
        if (!attempt.startSending()) {
            return; // already answered: never send a command after its deadline
        }
        try {
            producer.send(record).whenComplete((metadata, error) -> {
                if (error != null) {
                    attempt.reply.completeExceptionally(new RequestNotSentException(commandId,
                            Failures.describe(error)));
                }
            });
        } catch (RuntimeException e) {
            attempt.reply.completeExceptionally(new RequestNotSentException(commandId, Failures.describe(e)));
        }
    }

    private void listen() {
        try {
            startReading();
            boolean failing = false;
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(config.requests().pollTimeout())) {
                        completeSafely(record);
                    }
                    noteFetches();
                    followAddedPartitions();
                    if (failing) {
                        LOG.info("The reply listener reads replies again");
                        failing = false;
                        problem = null;
                    }
                } catch (WakeupException e) {
                    // stop() asks the loop to end
                } catch (RecordDeserializationException e) {
                    LOG.warnf("Skipping an unreadable record at %s@%d: %s", e.topicPartition(), e.offset(),
                            Failures.describe(e));
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    problem = "The reply listener cannot poll: " + Failures.describe(e);
                    if (!failing) {
                        LOG.warnf("The reply listener cannot poll, retrying every %d ms: %s", RETRY_BACKOFF_MILLIS,
                                Failures.describe(e));
                        failing = true;
                    }
                    pause();
                }
            }
        } catch (Error e) {
            problem = "The reply listener stopped: " + Failures.describe(e);
            LOG.errorf("The reply listener stopped: %s", Failures.describe(e));
            throw e;
        } finally {
            try {
                consumer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the reply consumer: %s", Failures.describe(e));
            }
        }
    }

    /** Assigns the reply topic's partitions, retrying until the broker answers and the topic exists. */
    private void startReading() {
        boolean failing = false;
        while (running) {
            try {
                assignReplyPartitions();
                lastFetchNanos = System.nanoTime();
                problem = null;
                ready.complete(null);
                return;
            } catch (WakeupException e) {
                // stop() asks the loop to end
            } catch (RuntimeException e) {
                problem = "The reply listener cannot read " + config.requests().replyTopic() + ": "
                        + Failures.describe(e);
                if (!failing) {
                    LOG.warnf("%s; retrying every %d ms", problem, RETRY_BACKOFF_MILLIS);
                    failing = true;
                }
                pause();
            }
        }
    }

    private void assignReplyPartitions() {
        String topic = config.requests().replyTopic();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("The reply topic " + topic + " does not exist");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        // Resolve the end offsets now: a lazy seek would skip a reply that arrives before the first poll.
        assigned.forEach(partition -> consumer.position(partition, Duration.ofSeconds(10)));
        lastPartitionCheckNanos = System.nanoTime();
        LOG.infof("Listening for replies on %s (%d partitions)", topic, assigned.size());
    }

    /**
     * Reads the partitions added to the reply topic since the last look, from their beginning (every record in a
     * new partition came after this listener started); the others keep their positions.
     */
    private void followAddedPartitions() {
        if (System.nanoTime() - lastPartitionCheckNanos < config.requests().partitionCheck().toNanos()) {
            return;
        }
        lastPartitionCheckNanos = System.nanoTime();
        String topic = config.requests().replyTopic();
        List<PartitionInfo> partitions;
        try {
            // From the consumer's metadata (refreshed every partition-check): a short wait, never a stall of replies.
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(1));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return;
        }
        if (partitions == null || partitions.size() <= consumer.assignment().size()) {
            return;
        }
        Set<TopicPartition> known = consumer.assignment();
        List<TopicPartition> all = partitions.stream().map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        List<TopicPartition> added = all.stream().filter(partition -> !known.contains(partition)).toList();
        consumer.assign(all);
        consumer.seekToBeginning(added);
        LOG.infof("Listening for replies on %d more partitions of %s (%d in all)", added.size(), topic, all.size());
    }

    /** A record that cannot be used (no correlation id, not a reply) is skipped: it must never stop the loop. */
    private void completeSafely(ConsumerRecord<String, byte[]> record) {
        try {
            complete(record);
        } catch (RuntimeException e) {
            LOG.warnf("Skipping an unusable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), Failures.describe(e));
        }
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(MessageHeaders.CORRELATION_ID);
        if (header == null || header.value() == null) {
            LOG.warnf("Skipping a record without a correlation id at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        CompletableFuture<Reply> waiting = pending.remove(new String(header.value(), StandardCharsets.UTF_8));
        if (waiting == null) {
            return; // a reply for another gateway instance, or one that came after its timeout
        }
        try {
            waiting.complete(codec.decodeReply(record.value()));
        } catch (RuntimeException e) {
            LOG.warnf("The reply at %s-%d@%d is unreadable: %s", record.topic(), record.partition(), record.offset(),
                    Failures.describe(e));
            waiting.completeExceptionally(e);
        }
    }

    /** Notes when the broker last answered a fetch: it answers one at least every fetch.max.wait.ms. */
    private void noteFetches() {
        if (fetchTotal == null) {
            fetchTotal = findMetric("consumer-fetch-manager-metrics", "fetch-total");
            if (fetchTotal == null) {
                lastFetchNanos = System.nanoTime(); // no such metric in this client: trust the poll
                return;
            }
        }
        Object value = fetchTotal.metricValue();
        double fetches = value instanceof Number number ? number.doubleValue() : -1;
        if (fetches != fetchesSeen) {
            fetchesSeen = fetches;
            lastFetchNanos = System.nanoTime();
        }
    }

    private Metric findMetric(String group, String name) {
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            MetricName id = metric.getKey();
            if (id.group().equals(group) && id.name().equals(name) && !id.tags().containsKey("topic")
                    && !id.tags().containsKey("node-id")) {
                return metric.getValue();
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (listener != null) {
                listener.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender != null) {
            sender.shutdownNow();
        }
        if (kafkaMeters != null && consumer != null) {
            kafkaMeters.unbind(consumer);
        }
    }

    /** One request's way to the broker: not sent yet, being sent (or sent), or given up before it was sent. */
    private static final class Attempt {

        private static final int UNSENT = 0;
        private static final int SENDING = 1;
        private static final int ABANDONED = 2;

        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(UNSENT);

        boolean startSending() {
            return state.compareAndSet(UNSENT, SENDING);
        }

        boolean abandonUnsent() {
            return state.compareAndSet(UNSENT, ABANDONED);
        }
    }
}
