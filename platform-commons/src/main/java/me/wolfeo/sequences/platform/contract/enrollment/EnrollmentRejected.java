package me.wolfeo.sequences.platform.contract.enrollment;

/**
 * Event: an enrollment command was refused by a business rule (unknown sequence or contact, already enrolled).
 *
 * @param commandId the id of the refused command
 * @param code the refusal's error code, e.g. {@code ALREADY_ENROLLED}
 */
public record EnrollmentRejected(String commandId, String commandType, String code, String reason, Long sequenceId,
        String source, String id, String phoneNumber) {
}
