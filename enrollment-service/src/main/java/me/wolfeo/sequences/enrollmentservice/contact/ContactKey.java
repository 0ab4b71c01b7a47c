package me.wolfeo.sequences.enrollmentservice.contact;

/**
 * A way to find a contact: its id in a CRM ({@code hubspot}/311), or its phone number ({@code phone}/+18181234567).
 */
public record ContactKey(String source, String externalId) {

    public static final String PHONE = "phone";

    public static ContactKey phone(String e164) {
        return new ContactKey(PHONE, e164);
    }
}
