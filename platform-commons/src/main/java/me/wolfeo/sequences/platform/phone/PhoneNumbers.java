package me.wolfeo.sequences.platform.phone;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Normalises phone numbers to E.164 with libphonenumber, the same way wherever a phone number names a contact (the
 * gateway's partition keys, enrollment-service's contact keys). A number without a country code is read in the
 * default region ({@code platform.phone.default-region}). A number is accepted when it has a possible length for its
 * region (so test numbers such as 555 ones pass); anything else is refused.
 */
@ApplicationScoped
public class PhoneNumbers {

    /** Longer input is refused without parsing. */
    public static final int MAX_LENGTH = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(PhoneConfig config) {
        this.defaultRegion = config.defaultRegion();
    }

    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, defaultRegion);
            if (!util.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
