package me.wolfeo.sequences.enrollmentservice.engine;

/**
 * What running a step came to: done, skipped (nothing to do, with the reason), failed (for good, with the reason),
 * to be retried later (the provider could not take it now), or held back (its sender's daily cap is reached).
 */
record StepOutcome(Kind kind, String reason, String deliveryId) {

    enum Kind {

        DONE("done"), SKIPPED("skipped"), FAILED("failed"), RETRY(null), HELD(null);

        final String recorded;

        Kind(String recorded) {
            this.recorded = recorded;
        }
    }

    static StepOutcome done(String deliveryId) {
        return new StepOutcome(Kind.DONE, null, deliveryId);
    }

    static StepOutcome skipped(String reason, String deliveryId) {
        return new StepOutcome(Kind.SKIPPED, reason, deliveryId);
    }

    static StepOutcome failed(String reason, String deliveryId) {
        return new StepOutcome(Kind.FAILED, reason, deliveryId);
    }

    static StepOutcome retry(String reason, String deliveryId) {
        return new StepOutcome(Kind.RETRY, reason, deliveryId);
    }

    static StepOutcome held(String deliveryId) {
        return new StepOutcome(Kind.HELD, null, deliveryId);
    }
}
