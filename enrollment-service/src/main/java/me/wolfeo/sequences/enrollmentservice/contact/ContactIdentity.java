package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * Reads the identity of a command, adding a message per failing field to {@code errors}; empty when a field
     * failed.
     */
    public static Optional<ContactIdentity> of(String source, String id, String phoneNumber, PhoneNumbers phones,
            Map<String, List<String>> errors) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        String phone = null;
        if (phoneNumber != null && !phoneNumber.isBlank()) {
            phone = phones.toE164(phoneNumber).orElse(null);
            if (phone == null) {
                found.put("phone_number", List.of("The phone number field must be a valid phone number."));
            }
        }
        ContactKey key = null;
        if (source == null || source.isBlank()) {
            found.put("source", List.of("The source field is required."));
        } else if (!ContactSources.ALL.contains(source)) {
            found.put("source", List.of("The selected source is invalid."));
        } else if (ContactSources.PHONE_NUMBER.equals(source)) {
            if (phoneNumber == null || phoneNumber.isBlank()) {
                found.put("phone_number", List.of("The phone number field is required when source is phone_number."));
            } else if (phone != null) {
                key = ContactKey.phone(phone);
            }
        } else if (id == null || id.isBlank()) {
            found.put("id", List.of("The id field is required when source is " + source + "."));
        } else if (!Text.isStorable(id)) {
            found.put("id", List.of(Text.unstorableMessage("id")));
        } else if (id.length() > ContactSources.ID_MAX_LENGTH) {
            found.put("id", List.of("The id field must not be greater than " + ContactSources.ID_MAX_LENGTH
                    + " characters."));
        } else {
            key = new ContactKey(source, id.strip());
        }
        errors.putAll(found);
        return found.isEmpty() && key != null ? Optional.of(new ContactIdentity(key, phone)) : Optional.empty();
    }
}
