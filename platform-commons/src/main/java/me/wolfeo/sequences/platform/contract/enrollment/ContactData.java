package me.wolfeo.sequences.platform.contract.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A contact, as the listings show it.
 *
 * @param progress where it stands in the listed sequence; only when asked for ({@code include=progress})
 */
public record ContactData(long id, String email, String firstName, String lastName,
        @JsonInclude(JsonInclude.Include.NON_NULL) ContactProgress progress) {

    /** A contact listed without its progress. */
    public ContactData(long id, String email, String firstName, String lastName) {
        this(id, email, firstName, lastName, null);
    }

    public ContactData withProgress(ContactProgress progress) {
        return new ContactData(id, email, firstName, lastName, progress);
    }
}
