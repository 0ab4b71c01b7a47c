package me.wolfeo.sequences.platform.contract.enrollment;

import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.validation.EmailAddress;
import me.wolfeo.sequences.platform.contract.validation.IdentifiedBySource;
import me.wolfeo.sequences.platform.contract.validation.IdentifiesContact;
import me.wolfeo.sequences.platform.contract.validation.IntegerAsText;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.NoWhitespace;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;
import me.wolfeo.sequences.platform.contract.validation.TimeZoneName;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * Enrolls a contact in a sequence, creating the contact on its first enrollment.
 *
 * @param sequenceId the sequence (a number, or a numeric string)
 * @param forceEnroll move a contact that is in another sequence instead of refusing
 * @param source {@code phone_number} or a CRM of {@link ContactSources#CRMS}
 * @param id the contact's id in the CRM; required unless the source is {@code phone_number}
 * @param phoneNumber required for the {@code phone_number} source; kept on the contact otherwise
 * @param timezone the contact's IANA time zone, in which sending schedules apply; kept on the contact
 */
@IdentifiedBySource
public record Enroll(
        @Required Long sequenceId,
        Boolean forceEnroll,
        @Required @OneOf( {
                ContactSources.PHONE_NUMBER, ContactSources.ALOWARE, ContactSources.HUBSPOT, ContactSources.ZOHO,
                ContactSources.GUESTY, ContactSources.PIPEDRIVE}) String source,
        @IntegerAsText @Storable @NoWhitespace @MaxLength(ContactSources.ID_MAX_LENGTH) String id,
        @IntegerAsText @Storable @MaxLength(PhoneNumbers.MAX_LENGTH) String phoneNumber,
        @MaxLength(EmailAddresses.MAX_LENGTH) @EmailAddress String email,
        @Storable @MaxLength(ContactSources.NAME_MAX_LENGTH) String firstName,
        @Storable @MaxLength(ContactSources.NAME_MAX_LENGTH) String lastName,
        @MaxLength(TimeZones.MAX_LENGTH) @TimeZoneName String timezone) implements IdentifiesContact{

    /** An enrollment that does not give the contact's time zone. */
    public Enroll(Long sequenceId, Boolean forceEnroll, String source, String id, String phoneNumber, String email,
            String firstName, String lastName) {
        this(sequenceId, forceEnroll, source, id, phoneNumber, email, firstName, lastName, null);
    }
}
