package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import me.wolfeo.sequences.platform.metrics.CommittedCounts;

/**
 * Counts enroll commands by outcome: {@code enrolled}, or the code of the refusal the requester got
 * ({@code ALREADY_ENROLLED}, {@code NOT_FOUND}, {@code CONTACT_OPTED_OUT}, {@code VALIDATION_ERROR}, ...). Counted
 * when the command's transaction commits, so a batch retried one message at a time is counted once; a redelivered
 * command answered from the inbox is not counted again.
 */
@ApplicationScoped
public class EnrollMetrics {

    public static final String ENROLLS = "enrollment.enrolls";
    public static final String ENROLLED = "enrolled";

    private final MeterRegistry registry;
    private final CommittedCounts counts;
    private final Map<String, Counter> byOutcome = new ConcurrentHashMap<>();

    public EnrollMetrics(MeterRegistry registry, CommittedCounts counts) {
        this.registry = registry;
        this.counts = counts;
    }

    void counted(String outcome) {
        counts.incrementOnCommit(byOutcome.computeIfAbsent(outcome, code -> Counter.builder(ENROLLS)
                .description("Enroll commands applied, by outcome: enrolled or the refusal's code")
                .tag("outcome", code).register(registry)));
    }
}
