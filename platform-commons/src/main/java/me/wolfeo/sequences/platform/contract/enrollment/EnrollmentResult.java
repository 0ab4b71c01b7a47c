package me.wolfeo.sequences.platform.contract.enrollment;

/**
 * The reply to an enrollment command.
 *
 * @param enrollments how many enrollments the command started (enroll) or ended (disenroll)
 */
public record EnrollmentResult(long contactId, int enrollments) {
}
