package me.wolfeo.sequences.platform.contract.content;

/** Types of the messages on {@code content.commands} and {@code content.events}; all are version 1. */
public final class ContentMessageTypes {

    public static final int VERSION = 1;

    /** Command, data {@link UpdateContent}, reply {@link ContentUpdated}. */
    public static final String UPDATE_CONTENT = "content.update";

    /** Event, data {@link EmailData}: a send_email stage got its email record. */
    public static final String EMAIL_CREATED = "email.created";
    /** Event, data {@link EmailData}: the HTML or the meta fields of an email changed. */
    public static final String EMAIL_UPDATED = "email.updated";
    /** Event, data {@link EmailData}: the email and its HTML object are gone with their stage. */
    public static final String EMAIL_DELETED = "email.deleted";

    private ContentMessageTypes() {
    }
}
