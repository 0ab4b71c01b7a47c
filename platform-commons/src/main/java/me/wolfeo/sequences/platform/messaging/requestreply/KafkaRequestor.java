package me.wolfeo.sequences.platform.messaging.requestreply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.KafkaClientSettings;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.PlatformProducer;
import me.wolfeo.sequences.platform.messaging.Reply;

/**
 * Sends a command to a service's topic and completes when the service's reply arrives on the reply topic.
 *
 * <p>
 * Two choices keep every reply: a request is registered under its correlation id <em>before</em> it is sent (a
 * reply can come back before the broker's acknowledgement of the send), and the listener reads every partition
 * of the reply topic by assignment, from the end as it was at start-up, with no consumer group, so several
 * instances never take each other's replies.
 */
@ApplicationScoped
public class KafkaRequestor {

    private static final Logger LOG = Logger.getLogger(KafkaRequestor.class);

    private final MessagingConfig config;
    private final KafkaClientSettings kafka;
    private final PlatformProducer producer;
    private final MessageCodec codec;
    private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread listener;

    public KafkaRequestor(MessagingConfig config, KafkaClientSettings kafka, PlatformProducer producer,
            MessageCodec codec) {
        this.config = config;
        this.kafka = kafka;
        this.producer = producer;
        this.codec = codec;
    }

    @PostConstruct
    void start() {
        consumer = new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, config.source() + "-reply-listener-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000)),
                new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        listener = new Thread(this::listen, "reply-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Waits until the reply listener reads the reply topic; false if it does not within the timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the command and returns its reply. Completes exceptionally with {@link ReplyTimeoutException} when no
     * reply comes within the configured timeout, or with the producer's error when the command cannot be sent.
     */
    public CompletionStage<Reply> request(String topic, String key, Envelope command) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            if (!awaitReady(config.requests().timeout())) {
                reply.completeExceptionally(new ReplyTimeoutException(command.id()));
                return reply;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.completeExceptionally(e);
            return reply;
        }
        String correlationId = UUID.randomUUID().toString();
        pending.put(correlationId, reply);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(command));
        record.headers()
                .add(MessageHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.REPLY_TO, config.requests().replyTopic().getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_ID, command.id().getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_TYPE, command.type().getBytes(StandardCharsets.UTF_8))
                .add(MessageHeaders.CE_SOURCE, config.source().getBytes(StandardCharsets.UTF_8));
        producer.send(record).whenComplete((metadata, error) -> {
            if (error != null) {
                pending.remove(correlationId);
                reply.completeExceptionally(error);
            }
        });
        long timeoutMillis = config.requests().timeout().toMillis();
        return reply.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((answer, error) -> pending.remove(correlationId))
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        throw new ReplyTimeoutException(command.id());
                    }
                    throw error instanceof CompletionException completion
                            ? completion
                            : new CompletionException(cause);
                });
    }

    private void listen() {
        try {
            assignReplyPartitions();
            ready.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(config.requests().pollTimeout())) {
                    complete(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf("The reply listener stopped: %s", Failures.describe(e));
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void assignReplyPartitions() {
        String topic = config.requests().replyTopic();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("The reply topic " + topic + " does not exist");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        // Resolve the end offsets now: a lazy seek would skip a reply that arrives before the first poll.
        assigned.forEach(consumer::position);
        LOG.infof("Listening for replies on %s (%d partitions)", topic, assigned.size());
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(MessageHeaders.CORRELATION_ID);
        if (header == null) {
            return;
        }
        CompletableFuture<Reply> waiting = pending.remove(new String(header.value(), StandardCharsets.UTF_8));
        if (waiting == null) {
            return; // a reply for another gateway instance, or one that came after its timeout
        }
        try {
            waiting.complete(codec.decodeReply(record.value()));
        } catch (RuntimeException e) {
            waiting.completeExceptionally(e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        listener.join(TimeUnit.SECONDS.toMillis(5));
    }
}
