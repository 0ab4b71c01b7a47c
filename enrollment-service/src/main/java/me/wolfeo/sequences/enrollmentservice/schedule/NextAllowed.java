package me.wolfeo.sequences.enrollmentservice.schedule;

import java.time.Instant;

/**
 * When a due step may run.
 *
 * @param at the due instant itself when it is allowed, else the first allowed instant after it
 * @param reason why the due instant was not allowed ({@code WINDOW}, {@code WEEKEND} or {@code HOLIDAY}); null when
 *        {@code at} is the due instant
 */
public record NextAllowed(Instant at, WaitReason reason) {

    public boolean moved() {
        return reason != null;
    }
}
