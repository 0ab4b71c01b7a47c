package me.wolfeo.sequences.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.PlatformProducer;

/**
 * Sends outbox rows to Kafka in the order they were written, then deletes them in the same transaction. Woken at
 * once after each commit that wrote rows, and by a poll for rows left by a crash or another instance. A crash
 * between the send and the delete sends a row twice, never zero times: consumers are idempotent.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final PlatformProducer producer;
    private final MessagingConfig.Outbox config;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxStore store, PlatformProducer producer, MessagingConfig config) {
        this.store = store;
        this.producer = producer;
        this.config = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try {
                wakeUps.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                while (running && relayBatch() == config.batchSize()) {
                    // a full batch: there may be more rows waiting
                }
                if (failing) {
                    LOG.info("Outbox relay recovered: sending again");
                    failing = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Outbox relay cannot send, retrying every %s: %s", config.retryBackoff(),
                            Failures.describe(e));
                    failing = true;
                }
                sleep();
            }
        }
    }

    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMessage> messages = store.lockRelayAndReadOldest(config.batchSize());
            if (messages.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(messages.size());
            for (OutboxMessage message : messages) {
                sends.add(producer.send(toRecord(message)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            store.delete(messages);
            return messages.size();
        });
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        message.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private void sleep() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
