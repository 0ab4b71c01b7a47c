package me.wolfeo.sequences.enrollmentservice.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;
import me.wolfeo.sequences.platform.Failures;

/**
 * Runs the sequences: {@code workers} claim loops, each taking a batch of due steps at a time ({@link StepBatch}),
 * at once again after a full batch, after {@code poll-interval} otherwise. Replicas of the service share the work
 * through the claim's row locks; no coordination is needed.
 */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final StepBatch batch;
    private final EnrollmentConfig.Engine config;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public Engine(StepBatch batch, EnrollmentConfig config) {
        this.batch = batch;
        this.config = config.engine();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("The sequence engine is off in this instance");
            return;
        }
        running = true;
        for (int i = 1; i <= config.workers(); i++) {
            Thread worker = new Thread(this::loop, "sequence-engine-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            try {
                int claimed = batch.runOnce();
                if (failing) {
                    LOG.info("The sequence engine runs steps again");
                    failing = false;
                }
                if (claimed < config.batchSize()) {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("The sequence engine cannot run steps, retrying every second: %s",
                            Failures.describe(e));
                    failing = true;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
