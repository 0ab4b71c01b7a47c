package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;

/** The one clock of enrollment-service: the system clock, or an {@link AdjustableClock} where tests enable it. */
@ApplicationScoped
public class EngineClock {

    private final Clock clock;

    public EngineClock(EnrollmentConfig config) {
        this.clock = config.engine().adjustableClock() ? new AdjustableClock() : Clock.systemUTC();
    }

    /** A singleton, so that what is injected is the clock itself, not a proxy of it. */
    @Produces
    @Singleton
    Clock clock() {
        return clock;
    }

    /** The adjustable clock, where this instance runs on one. */
    public Optional<AdjustableClock> adjustable() {
        return clock instanceof AdjustableClock adjustable ? Optional.of(adjustable) : Optional.empty();
    }
}
