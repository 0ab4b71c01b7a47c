package me.wolfeo.sequences.enrollmentservice.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;

/**
 * The engine asks for every step it claims, so a call must cost about as much as reading a row: this measures it
 * roughly (no JMH; the figures go to the test's output) and fails only if it is a thousand times too slow, as it
 * would be if a holiday calendar were loaded per call.
 */
class AllowedTimesCostTest {

    private static final int WARM_UP = 200_000;
    private static final int CALLS = 1_000_000;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final AllowedTimes allowedTimes = new AllowedTimes();

    @Test
    void aCallCostsLessThanAMicrosecondOrSo() {
        Schedule businessHours = new Schedule(Schedule.Days.BUSINESS_DAYS, new Schedule.Holidays("US", "NY"),
                new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)), null, null);
        Instant start = Instant.parse("2027-06-01T00:00:00Z");

        double anyTime = nanosPerCall(step -> allowedTimes.next(Schedule.ANY_TIME, NEW_YORK, due(start, step)));
        double scheduled = nanosPerCall(step -> allowedTimes.next(businessHours, NEW_YORK, due(start, step)));
        System.out.printf("AllowedTimes.next: any time %.0f ns/call, business days + window + US-NY holidays %.0f"
                + " ns/call (due instants spread over a week, about three quarters of them moved)%n", anyTime,
                scheduled);

        assertThat(scheduled).isLessThan(20_000);
    }

    @Test
    void derivingAZoneFromAPhoneNumberCostsMicroseconds() {
        ContactTimeZones zones = new ContactTimeZones();
        String[] numbers = {"+12125550123", "+13125550123", "+15417083275", "+4930123456", "+79161234567"};

        double perCall = nanosPerCall(CALLS / 20, i -> zones.resolve(null, numbers[i % numbers.length],
                Schedule.ANY_TIME).hashCode());
        double given = nanosPerCall(i -> zones.resolve("America/New_York", numbers[i % numbers.length],
                Schedule.ANY_TIME).hashCode());
        System.out.printf("ContactTimeZones.resolve: from the phone number %.0f ns/call, from a given timezone"
                + " %.0f ns/call%n", perCall, given);

        assertThat(perCall).isLessThan(1_000_000);
    }

    /** Due instants 10 minutes apart, wrapping after a week. */
    private static Instant due(Instant start, int step) {
        return start.plus(Duration.ofMinutes(10L * (step % (7 * 24 * 6))));
    }

    private double nanosPerCall(StepCall call) {
        return nanosPerCall(CALLS, step -> call.run(step).hashCode());
    }

    private static double nanosPerCall(int calls, IntToHash call) {
        int sink = 0;
        for (int i = 0; i < Math.min(WARM_UP, calls); i++) {
            sink += call.run(i);
        }
        long began = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += call.run(i);
        }
        long elapsed = System.nanoTime() - began;
        blackHole(sink);
        return (double) elapsed / calls;
    }

    private static void blackHole(int value) {
        if (value == 42) {
            System.out.print("");
        }
    }

    private interface StepCall {

        Object run(int step);
    }

    private interface IntToHash {

        int run(int step);
    }
}
