package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Duration;
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
 * at once again after a full batch. When there is little to do only the first loop looks, every
 * {@code poll-interval}; a full batch wakes the others, which go back to waiting once their claims come back short
 * (so an idle engine costs one query per interval, not one per loop). Replicas of the service share the work
 * through the claim's row locks; no coordination is needed.
 */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);
    private static final Duration HELPER_LOOK_EVERY = Duration.ofSeconds(5);

    private final StepBatch batch;
    private final EnrollmentConfig.Engine config;
    private final List<Thread> workers = new ArrayList<>();
    private final Object moreWork = new Object();
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
            boolean lead = i == 1;
            Thread worker = new Thread(() -> loop(lead), "sequence-engine-" + i);
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

    private void loop(boolean lead) {
        boolean failing = false;
        while (running) {
            try {
                int claimed = batch.runOnce();
                if (failing) {
                    LOG.info("The sequence engine runs steps again");
                    failing = false;
                }
                if (claimed >= config.batchSize()) {
                    synchronized (moreWork) {
                        moreWork.notifyAll();
                    }
                } else if (lead) {
                    Thread.sleep(config.pollInterval().toMillis());
                } else {
                    synchronized (moreWork) {
                        // Also a look of its own now and then, should the lead loop be stuck in a slow claim.
                        moreWork.wait(HELPER_LOOK_EVERY.toMillis());
                    }
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
