package me.wolfeo.sequences.platform.messaging;

/** Kafka record header names used across the platform. */
public final class MessageHeaders {

    /** Set by a requester; echoed on the reply so the requester can match it. */
    public static final String CORRELATION_ID = "correlation-id";
    /** The topic a reply must be sent to. A message without it expects no reply. */
    public static final String REPLY_TO = "reply-to";

    /** CloudEvents binary-mode attributes, for tools that understand them. */
    public static final String CE_SPEC_VERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** Added to a message sent to a dead-letter topic. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_PARTITION = "dead-letter-partition";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";
    /** The service that gave up on the message. */
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";
    /** On a dead letter whose value was too large to send: the original value's size in bytes (the value kept is its start). */
    public static final String DEAD_LETTER_TRUNCATED_FROM = "dead-letter-truncated-from";

    private MessageHeaders() {
    }
}
