package me.wolfeo.sequences.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** What one load run measured: how many requests, how fast, with which latencies and answers. */
final class LoadResult {

    private final Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long count;
    private double seconds;

    synchronized void record(long latencyNanos, String outcome) {
        latencies.recordValue(Math.min(latencyNanos, latencies.getHighestTrackableValue()));
        outcomes.merge(outcome, 1L, Long::sum);
        count++;
    }

    void finish(double seconds) {
        this.seconds = seconds;
    }

    long count() {
        return count;
    }

    double perSecond() {
        return count / seconds;
    }

    double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1e6;
    }

    /** Answers other than the expected ones, and transport failures. */
    long failures(String... expected) {
        long ok = 0;
        for (String outcome : expected) {
            ok += outcomes.getOrDefault(outcome, 0L);
        }
        return count - ok;
    }

    Map<String, Long> outcomes() {
        return outcomes;
    }

    String summary() {
        return String.format("%8.0f/s  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %7.1f ms  %s", perSecond(),
                percentileMillis(50), percentileMillis(95), percentileMillis(99), maxMillis(), outcomes);
    }
}
