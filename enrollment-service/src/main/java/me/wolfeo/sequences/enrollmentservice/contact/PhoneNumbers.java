package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;

/**
 * Normalises phone numbers to E.164 with libphonenumber. A number without a country code is read in the default
 * region. A number is accepted when it has a possible length for its region (so test numbers such as 555 ones
 * pass); anything else is refused.
 */
@ApplicationScoped
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(EnrollmentConfig config) {
        this.defaultRegion = config.phone().defaultRegion();
    }

    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
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
