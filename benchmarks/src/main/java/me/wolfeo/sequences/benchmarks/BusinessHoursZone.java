package me.wolfeo.sequences.benchmarks;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Picks the time zone for the benchmark's scheduled sequence: one where it is now a weekday between 10:00 and
 * 16:00, so that the steps due now may run inside a 09:00-17:00 window and the figure compares with the
 * unscheduled one. Near a weekend no zone is: then New York, where the schedule moves the steps to Monday instead
 * (the report says how many it moved).
 */
final class BusinessHoursZone {

    private BusinessHoursZone() {
    }

    static String openNow() {
        Instant now = Instant.now();
        for (int hoursWest = -14; hoursWest <= 12; hoursWest++) {
            // Etc/GMT+N is N hours west of UTC (POSIX signs), Etc/GMT-N east of it.
            String zone = hoursWest == 0 ? "Etc/UTC" : "Etc/GMT" + (hoursWest > 0 ? "+" : "") + hoursWest;
            ZonedDateTime local = now.atZone(ZoneId.of(zone));
            if (local.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0 && local.getHour() >= 10
                    && local.getHour() < 16) {
                return zone;
            }
        }
        return "America/New_York";
    }
}
