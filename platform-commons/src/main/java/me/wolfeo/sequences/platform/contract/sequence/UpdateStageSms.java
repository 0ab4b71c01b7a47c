package me.wolfeo.sequences.platform.contract.sequence;

import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.contract.validation.Verbatim;

/** Sets the text of a {@code send_sms} stage: plain text with the placeholders of email content. */
public record UpdateStageSms(
        @Required Long stageId,
        @Verbatim @Required @Storable(multiline = true) @MaxLength(StageRules.SMS_TEXT_MAX_LENGTH) String text) {
}
