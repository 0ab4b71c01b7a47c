package me.wolfeo.sequences.platform.contract.contact;

/**
 * A contact with its settings (the answer to an update, and the data of {@code contact.updated}).
 *
 * @param emailBounced true while the contact's address is one that bounced: email steps skip it
 */
public record ContactDetail(long id, String email, String firstName, String lastName, String phoneNumber,
        String timezone, boolean optedOut, boolean emailBounced) {
}
