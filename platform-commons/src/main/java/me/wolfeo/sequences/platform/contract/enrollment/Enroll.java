package me.wolfeo.sequences.platform.contract.enrollment;

/**
 * Enrolls a contact in a sequence, creating the contact on its first enrollment.
 *
 * @param sequenceId the sequence (a number, or a numeric string)
 * @param forceEnroll move a contact that is in another sequence instead of refusing
 * @param source {@code phone_number} or a CRM of {@link ContactSources#CRMS}
 * @param id the contact's id in the CRM; required unless the source is {@code phone_number}
 * @param phoneNumber required for the {@code phone_number} source; kept on the contact otherwise
 * @param timezone the contact's IANA time zone, in which sending schedules apply; kept on the contact
 */
public record Enroll(Long sequenceId, Boolean forceEnroll, String source, String id, String phoneNumber,
        String email, String firstName, String lastName, String timezone) {

    /** An enrollment that does not give the contact's time zone. */
    public Enroll(Long sequenceId, Boolean forceEnroll, String source, String id, String phoneNumber, String email,
            String firstName, String lastName) {
        this(sequenceId, forceEnroll, source, id, phoneNumber, email, firstName, lastName, null);
    }
}
