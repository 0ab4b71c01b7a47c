package me.wolfeo.sequences.platform.contract.sequence;

import java.time.Instant;

/**
 * A stage (step) of a sequence as sequence-service describes it in replies, events and queries.
 *
 * @param step 1-based position in the sequence
 * @param stageType {@code send_email}, {@code send_sms} or {@code action}
 * @param timeValue delay before the step, in units of {@code timeType}
 * @param timeType delay unit in seconds: 3600, 86400 or 604800
 * @param active whether the step runs when a contact reaches it (an inactive step is skipped)
 * @param smsText the text a {@code send_sms} stage sends (placeholders allowed); null until set, and for the other
 *        types
 */
public record StageData(long id, long sequenceId, int step, String name, String stageType, int timeValue,
        int timeType, boolean active, Instant createdAt, String smsText) {
}
