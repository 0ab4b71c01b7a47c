package me.wolfeo.sequences.platform.contract.sequence;

/**
 * Changes a stage; a null field is left as it is. Activating a {@code send_email} stage needs its email content,
 * a {@code send_sms} stage its text.
 */
public record UpdateStage(Long stageId, String name, Integer timeValue, Integer timeType, Boolean active) {
}
