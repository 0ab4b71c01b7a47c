package me.wolfeo.sequences.enrollmentservice.activity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import me.wolfeo.sequences.enrollmentservice.contact.ContactIdentity;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * How a command names its contact: by this service's contact id, or by a key (a CRM id, or a phone number).
 *
 * @param contactId the contact's id, or null
 * @param identity the key to find it by, or null
 */
record ContactReference(Long contactId, ContactIdentity identity) {

    /**
     * The reference of a command whose {@code OneContactReference} rule is kept: its contact id, or else its
     * identity ({@link ContactIdentity#of}, which may add a phone number's problem to {@code errors}).
     */
    static Optional<ContactReference> of(Long contactId, String source, String id, String phoneNumber,
            PhoneNumbers phones, Map<String, List<String>> errors) {
        if (contactId != null) {
            return Optional.of(new ContactReference(contactId, null));
        }
        boolean bySource = !isBlank(source) || !isBlank(id);
        return ContactIdentity.of(bySource ? source : ContactSources.PHONE_NUMBER, id, phoneNumber, phones, errors)
                .map(identity -> new ContactReference(null, identity));
    }

    /** For a dead letter's reason. */
    String describe() {
        return contactId != null
                ? "contact_id " + contactId
                : identity.key().source() + " " + identity.key().externalId();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
