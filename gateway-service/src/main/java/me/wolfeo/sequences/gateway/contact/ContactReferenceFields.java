package me.wolfeo.sequences.gateway.contact;

import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.platform.contract.contact.ContactActivityRules;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * How a request names its contact: exactly one of {@code contact_id}; {@code source} with {@code id} (or with
 * {@code phone_number} for the {@code phone_number} source); {@code phone_number} alone.
 */
record ContactReferenceFields(Long contactId, String source, String id, String phoneNumber) {

    static ContactReferenceFields read(Fields fields) {
        boolean bySource = fields.has("source") || fields.has("id");
        boolean byPhone = fields.has("phone_number");
        if (fields.has("contact_id")) {
            if (bySource || byPhone) {
                return fields.fail("contact_id", ContactActivityRules.oneReferenceMessage());
            }
            return new ContactReferenceFields(fields.optionalInteger("contact_id", 1, Long.MAX_VALUE), null, null,
                    null);
        }
        if (!bySource && !byPhone) {
            return fields.fail("contact_id", ContactActivityRules.oneReferenceMessage());
        }
        String source = ContactSources.PHONE_NUMBER;
        if (bySource) {
            source = fields.has("source")
                    ? fields.optionalChoice("source", ContactSources.ALL, null)
                    : fields.fail("source", "The source field is required.");
        }
        boolean phoneSource = ContactSources.PHONE_NUMBER.equals(source);
        String id = fields.identifier("id", ContactSources.ID_MAX_LENGTH,
                source != null && !phoneSource ? "The id field is required when source is " + source + "." : null);
        String phone = fields.phoneNumber("phone_number", PhoneNumbers.MAX_LENGTH,
                phoneSource ? "The phone number field is required when source is phone_number." : null);
        return new ContactReferenceFields(null, source, id, phone);
    }

    /**
     * The Kafka key that keeps one contact's messages in order: {@code <account>:contact:<id>}, or the key of the
     * enrollment commands ({@link ContactSources#partitionKey}, a phone number in its E.164 form).
     */
    String partitionKey(long accountId, PhoneNumbers phones) {
        if (contactId != null) {
            return accountId + ":contact:" + contactId;
        }
        return ContactSources.partitionKey(accountId, source, id, phones.toE164(phoneNumber).orElse(phoneNumber));
    }
}
