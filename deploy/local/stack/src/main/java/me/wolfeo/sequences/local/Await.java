package me.wolfeo.sequences.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness condition until it holds, failing after a deadline. */
final class Await {

    private Await() {
    }

    static void until(String what, Duration timeout, ChildProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (process != null) {
                process.checkAlive();
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String log = process == null ? "" : System.lineSeparator() + ChildProcess.tail(process.logFile(), 15);
                throw new IllegalStateException(what + " was not ready after " + timeout.toSeconds() + " s" + log);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
