package me.wolfeo.sequences.platform.contract.contact;

/**
 * Changes a contact's settings; a null field is left as it is.
 *
 * @param timezone an IANA name ({@link me.wolfeo.sequences.platform.contract.TimeZones})
 * @param optedOut false lifts an opt-out (the contact may be enrolled again); true opts the contact out
 */
public record UpdateContact(Long contactId, String timezone, Boolean optedOut, String email, String firstName,
        String lastName) {
}
