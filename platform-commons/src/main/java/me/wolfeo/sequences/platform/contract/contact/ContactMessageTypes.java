package me.wolfeo.sequences.platform.contract.contact;

/**
 * Types of the contact messages; all are version 1. {@link #RECORD_ACTIVITY} travels on {@code contacts.activity}
 * (a public contract: internal systems publish to it, the gateway sends it there too), {@link #UPDATE} on
 * {@code enrollments.commands} (from the gateway); the events on {@code enrollments.events}.
 */
public final class ContactMessageTypes {

    public static final int VERSION = 1;

    /** Command, data {@link RecordActivity}, reply {@link ActivityRecorded}. */
    public static final String RECORD_ACTIVITY = "contact.record_activity";
    /** Command (from the gateway), data {@link UpdateContact}, reply {@link ContactDetail}. */
    public static final String UPDATE = "contact.update";

    /** Event, data {@link ActivityRecorded}: an activity was applied to its contact. */
    public static final String ACTIVITY_RECORDED = "contact.activity_recorded";
    /** Event, data {@link ContactDetail}: a contact was changed through the API. */
    public static final String UPDATED = "contact.updated";

    private ContactMessageTypes() {
    }
}
