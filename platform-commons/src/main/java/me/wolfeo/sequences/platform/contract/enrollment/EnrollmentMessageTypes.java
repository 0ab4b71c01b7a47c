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
    /** Command (from the gateway), data {@link SetEnrollmentPaused}, reply {@link EnrollmentProgress}. */
    public static final String SET_PAUSED = "enrollment.set_paused";

    /** Event, data {@link ContactEnrolled}. */
    public static final String ENROLLED = "contact.enrolled";
    /** Event, data {@link ContactDisenrolled}. */
    public static final String DISENROLLED = "contact.disenrolled";
    /** Event, data {@link EnrollmentRejected}: a well-formed command refused by a business rule. */
    public static final String REJECTED = "enrollment.rejected";
    /** Event, data {@link EnrollmentPaused}: an enrollment was paused or resumed. */
    public static final String PAUSED = "enrollment.paused";
    public static final String RESUMED = "enrollment.resumed";
    /** Event, data {@link StepCompleted}: a step ran and did its job. */
    public static final String STEP_DONE = "step.done";
    /** Event, data {@link StepCompleted}: a step was passed over (inactive stage, nothing to send to). */
    public static final String STEP_SKIPPED = "step.skipped";
    /** Event, data {@link StepCompleted}: a step could not do its job (provider refused, or down too long). */
    public static final String STEP_FAILED = "step.failed";
    /** Event, data {@link ContactFinished}: the last stage of the sequence was done. */
    public static final String FINISHED = "contact.finished";
    /** Event on {@code enrollments.actions}, data {@link ActionTriggered}: an action step for internal systems. */
    public static final String ACTION_TRIGGERED = "action.triggered";

    private EnrollmentMessageTypes() {
    }
}
