package me.wolfeo.sequences.platform.messaging;

/** The error codes that services put in replies; the gateway maps each to an HTTP status. */
public final class ErrorCodes {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    public static final String STAGE_NOT_EMAIL = "STAGE_NOT_EMAIL";
    /** A send_sms setting given for a stage of another type. */
    public static final String STAGE_NOT_SMS = "STAGE_NOT_SMS";
    /** A stage activated before it has what it sends: email content, or SMS text. */
    public static final String STAGE_NOT_READY = "STAGE_NOT_READY";
    public static final String ALREADY_ENROLLED = "ALREADY_ENROLLED";
    /** An enroll of a contact that unsubscribed (until the opt-out is lifted through {@code PUT /v1/contact}). */
    public static final String CONTACT_OPTED_OUT = "CONTACT_OPTED_OUT";
    /** The same idempotency key was sent again with a different request. */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** The service could not process the message; it went to the dead-letter topic. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** An internal API call without a token the service accepts (401). */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    /** An internal API call by a known caller that the route is not for (403). */
    public static final String FORBIDDEN = "FORBIDDEN";

    private ErrorCodes() {
    }
}
