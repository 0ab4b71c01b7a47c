package me.wolfeo.sequences.enrollmentservice.enrollment;

/**
 * The states of an enrollment. {@code active}: waiting for its next step, or running it; {@code paused}: nothing
 * runs until resumed; then the ended ones: {@code finished} (its last stage done), {@code disenrolled} (with the
 * reason in end_reason) and {@code failed}.
 */
public final class EnrollmentState {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String FINISHED = "finished";
    public static final String DISENROLLED = "disenrolled";
    public static final String FAILED = "failed";

    private EnrollmentState() {
    }
}
