package me.wolfeo.sequences.platform.contract.sequence;

import com.fasterxml.jackson.databind.JsonNode;

import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.NotBlankWhenGiven;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.contract.validation.ValidSchedule;

/**
 * Renames, pauses or resumes a sequence, sets its schedule and its stopping rules; a null field is left as it is.
 *
 * @param schedule the client's schedule input, checked by {@link ScheduleRules} at the gateway and again in
 *        sequence-service; a JSON null sets the schedule back to {@link Schedule#ANY_TIME}
 * @param stopOnReply a contact who replies leaves the sequence
 * @param stopOnMeeting a contact who books a meeting leaves the sequence
 */
public record UpdateSequence(
        @Required Long sequenceId,
        @NotBlankWhenGiven @Storable @MaxLength(SequenceRules.NAME_MAX_LENGTH) String name,
        Boolean paused,
        @ValidSchedule JsonNode schedule,
        Boolean stopOnReply,
        Boolean stopOnMeeting) {

    /** A rename, pause or resume only. */
    public UpdateSequence(Long sequenceId, String name, Boolean paused) {
        this(sequenceId, name, paused, null, null, null);
    }
}
