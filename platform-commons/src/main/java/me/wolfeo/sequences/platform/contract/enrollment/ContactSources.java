package me.wolfeo.sequences.platform.contract.enrollment;

import java.util.List;

/** Where a contact comes from: a CRM (found by the CRM's id) or a phone number. */
public final class ContactSources {

    public static final String PHONE_NUMBER = "phone_number";
    public static final String ALOWARE = "aloware";
    public static final String HUBSPOT = "hubspot";
    public static final String ZOHO = "zoho";
    public static final String GUESTY = "guesty";
    public static final String PIPEDRIVE = "pipedrive";
    public static final List<String> CRMS = List.of(ALOWARE, HUBSPOT, ZOHO, GUESTY, PIPEDRIVE);
    public static final int ID_MAX_LENGTH = 64;
    public static final int NAME_MAX_LENGTH = 255;

    private ContactSources() {
    }

    /**
     * The Kafka key of a contact's enrollment commands, so that one contact's commands apply in order:
     * {@code <account>:<source>:<id>}, or {@code <account>:phone:<E.164>} for a phone number. Pass the number as
     * {@link me.wolfeo.sequences.platform.phone.PhoneNumbers#toE164} gives it, so that every spelling of one number
     * ({@code +1 818-123-4567}, {@code 8181234567}) lands on the same partition; a number that is not one is keyed
     * as given (its command is refused anyway).
     */
    public static String partitionKey(long accountId, String source, String id, String phoneNumber) {
        if (PHONE_NUMBER.equals(source)) {
            return accountId + ":phone:" + (phoneNumber == null ? "" : phoneNumber);
        }
        return accountId + ":" + source + ":" + id;
    }
}
