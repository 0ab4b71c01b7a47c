package me.wolfeo.sequences.platform.contract.sequence;

/** The limits of a stage that both the gateway (on input) and sequence-service (on commands) enforce. */
public final class StageRules {

    public static final int NAME_MAX_LENGTH = 255;
    public static final String SEND_EMAIL = "send_email";
    public static final String SEND_SMS = "send_sms";
    public static final String ACTION = "action";
    /** Twilio's own limit on a message body: about ten SMS segments. */
    public static final int SMS_TEXT_MAX_LENGTH = 1600;
    /** The spec marks {@code stage_type} optional; an email step is the common case. */
    public static final String DEFAULT_STAGE_TYPE = SEND_EMAIL;
    /** Hours, days, weeks, in seconds. */
    public static final int HOUR = 3600;
    public static final int DAY = 86400;
    public static final int WEEK = 604800;
    public static final int DEFAULT_TIME_TYPE = DAY;
    public static final int DEFAULT_TIME_VALUE = 1;
    public static final int TIME_VALUE_MAX = 1000;

    private StageRules() {
    }

    /** The name of a stage created without one. */
    public static String defaultName(int step) {
        return "Step " + step;
    }

    /** The delay of a step, counted from when the previous step ran (or from the enrollment, for the first). */
    public static java.time.Duration delay(int timeValue, int timeType) {
        return java.time.Duration.ofSeconds((long) timeValue * timeType);
    }
}
