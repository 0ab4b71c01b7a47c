package me.wolfeo.sequences.platform.contract.sequence;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renames, pauses or resumes a sequence, sets its schedule and its stopping rules; a null field is left as it is.
 *
 * @param schedule the client's schedule input, checked by {@link ScheduleRules} at the gateway and again in
 *        sequence-service; a JSON null sets the schedule back to {@link Schedule#ANY_TIME}
 * @param stopOnReply a contact who replies leaves the sequence
 * @param stopOnMeeting a contact who books a meeting leaves the sequence
 */
public record UpdateSequence(Long sequenceId, String name, Boolean paused, JsonNode schedule, Boolean stopOnReply,
        Boolean stopOnMeeting) {

    /** A rename, pause or resume only. */
    public UpdateSequence(Long sequenceId, String name, Boolean paused) {
        this(sequenceId, name, paused, null, null, null);
    }
}
