package me.wolfeo.sequences.platform.contract.contact;

import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.contract.validation.EmailAddress;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.contract.validation.TimeZoneName;

/**
 * Changes a contact's settings; a null field is left as it is.
 *
 * @param timezone an IANA name ({@link me.wolfeo.sequences.platform.contract.TimeZones})
 * @param optedOut false lifts an opt-out (the contact may be enrolled again); true opts the contact out
 */
public record UpdateContact(
        @Required Long contactId,
        @MaxLength(TimeZones.MAX_LENGTH) @TimeZoneName String timezone,
        Boolean optedOut,
        @MaxLength(EmailAddresses.MAX_LENGTH) @EmailAddress String email,
        @Storable @MaxLength(ContactSources.NAME_MAX_LENGTH) String firstName,
        @Storable @MaxLength(ContactSources.NAME_MAX_LENGTH) String lastName) {
}
