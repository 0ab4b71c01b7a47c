package me.wolfeo.sequences.platform.contract;

/**
 * The platform's Kafka topics. {@code <owner>.commands} carry commands to the owning service,
 * {@code <owner>.events} carry what it did, {@code <topic>.dlq} the messages a consumer gave up on.
 */
public final class Topics {

    public static final String SEQUENCE_COMMANDS = "sequences.commands";
    public static final String SEQUENCE_EVENTS = "sequences.events";
    public static final String CONTENT_COMMANDS = "content.commands";
    public static final String CONTENT_EVENTS = "content.events";
    public static final String ENROLLMENT_COMMANDS = "enrollments.commands";
    public static final String ENROLLMENT_EVENTS = "enrollments.events";
    /** Action steps, for internal systems to act on. */
    public static final String ENROLLMENT_ACTIONS = "enrollments.actions";
    /** What contacts did (replied, bounced, ...), from internal systems and the gateway; read by enrollment-service. */
    public static final String CONTACT_ACTIVITY = "contacts.activity";
    public static final String ACCOUNT_EVENTS = "accounts.events";
    public static final String GATEWAY_REPLIES = "gateway.replies";

    private Topics() {
    }

    /** The dead-letter topic of a topic's consumers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
