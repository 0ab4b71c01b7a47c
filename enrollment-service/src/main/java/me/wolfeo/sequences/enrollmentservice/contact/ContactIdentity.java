package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * Who a command is about: the key to find the contact by, and its phone number in E.164 when one was given.
 *
 * @param key the CRM id for a CRM source, the phone number for the {@code phone_number} source
 * @param phone the normalised phone number, or null
 */
public record ContactIdentity(ContactKey key, String phone) {

    /** The keys to give a new contact: its own, plus its phone number when given beside a CRM id. */
    public List<ContactKey> keys() {
        List<ContactKey> keys = new ArrayList<>(List.of(key));
        if (phone != null && !ContactKey.PHONE.equals(key.source())) {
            keys.add(ContactKey.phone(phone));
        }
        return keys;
    }

    /**
     * The identity of a command whose rules are kept ({@code IdentifiedBySource}, {@code OneContactReference}):
     * its phone number turned into E.164, which only this service can do (the default region is its
     * configuration). Adds the message of a phone number that is none to {@code errors}; empty then, and when the
     * command names no contact.
     */
    public static Optional<ContactIdentity> of(String source, String id, String phoneNumber, PhoneNumbers phones,
            Map<String, List<String>> errors) {
        String phone = null;
        if (phoneNumber != null && !phoneNumber.isBlank()) {
            phone = phones.toE164(phoneNumber).orElse(null);
            if (phone == null) {
                errors.put("phone_number", List.of("The phone number field must be a valid phone number."));
                return Optional.empty();
            }
        }
        if (ContactSources.PHONE_NUMBER.equals(source)) {
            return phone == null ? Optional.empty() : Optional.of(new ContactIdentity(ContactKey.phone(phone), phone));
        }
        // Text.isStorable: the batch's prefetch reads identities before the commands' rules are checked, and a key
        // PostgreSQL cannot take (a NUL) would fail the whole batch's query
        if (ContactSources.CRMS.contains(source) && id != null && !id.isBlank() && Text.isStorable(id)) {
            return Optional.of(new ContactIdentity(new ContactKey(source, id.strip()), phone));
        }
        return Optional.empty();
    }
}
