package me.wolfeo.sequences.enrollmentservice.schedule;

import java.util.Locale;

/**
 * Why a due step is not running yet, as the enrollment progress read shows it ({@link #code()}). {@link AllowedTimes}
 * gives the first three; the engine adds the throttle and pauses.
 */
public enum WaitReason {

    /** Outside the schedule's hours in the contact's time zone. */
    WINDOW,
    /** A Saturday or a Sunday in the contact's time zone, on a business-days schedule. */
    WEEKEND,
    /** A public holiday of the schedule's country (and subdivision), on the contact's local date. */
    HOLIDAY,
    /** Held back by the sequence's per-minute throttle. */
    THROTTLE,
    /** The enrollment or its sequence is paused. */
    PAUSED;

    /** {@code window}, {@code weekend}, {@code holiday}, {@code throttle} or {@code paused}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
