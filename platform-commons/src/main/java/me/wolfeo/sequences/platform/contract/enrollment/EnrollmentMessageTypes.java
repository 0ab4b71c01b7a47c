package me.wolfeo.sequences.platform.contract.enrollment;

/**
 * Types of the messages on {@code enrollments.commands} and {@code enrollments.events}; all are version 1. The
 * command topic is a public contract: internal systems publish {@link #ENROLL} and {@link #DISENROLL} to it.
 */
public final class EnrollmentMessageTypes {

    public static final int VERSION = 1;

    /** Command, data {@link Enroll}, reply {@link EnrollmentResult}. */
    public static final String ENROLL = "enrollment.enroll";
    /** Command, data {@link Disenroll}, reply {@link EnrollmentResult}. */
    public static final String DISENROLL = "enrollment.disenroll";

    /** Event, data {@link ContactEnrolled}. */
    public static final String ENROLLED = "contact.enrolled";
    /** Event, data {@link ContactDisenrolled}. */
    public static final String DISENROLLED = "contact.disenrolled";
    /** Event, data {@link EnrollmentRejected}: a well-formed command refused by a business rule. */
    public static final String REJECTED = "enrollment.rejected";

    private EnrollmentMessageTypes() {
    }
}
