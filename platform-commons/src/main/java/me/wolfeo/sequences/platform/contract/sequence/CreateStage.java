package me.wolfeo.sequences.platform.contract.sequence;

import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.AtMost;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;

/** Adds an inactive stage at the end of a sequence. Null fields take the defaults of {@link StageRules}. */
public record CreateStage(
        @Required Long sequenceId,
        @Storable @MaxLength(StageRules.NAME_MAX_LENGTH) String name,
        @OneOf( {
                StageRules.SEND_EMAIL, StageRules.SEND_SMS, StageRules.ACTION}) String stageType,
        @AtLeast(0) @AtMost(StageRules.TIME_VALUE_MAX) Integer timeValue,
        @OneOf(integers = {StageRules.HOUR, StageRules.DAY, StageRules.WEEK}) Integer timeType){
}
