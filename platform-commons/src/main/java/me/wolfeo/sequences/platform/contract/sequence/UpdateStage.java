package me.wolfeo.sequences.platform.contract.sequence;

import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.AtMost;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.NotBlankWhenGiven;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;

/**
 * Changes a stage; a null field is left as it is. Activating a {@code send_email} stage needs its email content,
 * a {@code send_sms} stage its text.
 */
public record UpdateStage(
        @Required Long stageId,
        @NotBlankWhenGiven @Storable @MaxLength(StageRules.NAME_MAX_LENGTH) String name,
        @AtLeast(0) @AtMost(StageRules.TIME_VALUE_MAX) Integer timeValue,
        @OneOf(integers = {
                StageRules.HOUR, StageRules.DAY, StageRules.WEEK}) Integer timeType,
        Boolean active){
}
