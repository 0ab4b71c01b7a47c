package me.wolfeo.sequences.platform.contract.sequence;

/** Sets the text of a {@code send_sms} stage: plain text with the placeholders of email content. */
public record UpdateStageSms(Long stageId, String text) {
}
