package me.wolfeo.sequences.enrollmentservice.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * The time zone in which a schedule's days and hours are read for a contact: the {@code timezone} given for the
 * contact (an IANA name), else the one its phone number is in, else the schedule's {@code timezone}, else UTC.
 * <p>
 * A phone number gives a zone only when libphonenumber maps it to exactly one: +1 212 (New York) does, +1 907
 * (Alaska, two zones), a Russian or an Australian mobile number (the whole country) and numbers it cannot place do
 * not. Deriving it parses the number and matches its prefixes (some microseconds), and it does not change while the
 * number does not: a caller that needs it often keeps the contact's {@link #ownZone} (and passes it back as the
 * {@code timezone}).
 */
@ApplicationScoped
public class ContactTimeZones {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zonesOfNumbers = PhoneNumberToTimeZonesMapper.getInstance();

    /**
     * The zone of the contact itself: its {@code timezone} when that is a valid IANA name, else the one zone of its
     * phone number (in E.164, {@code +12125550123}); empty when neither gives one.
     */
    public Optional<ZoneId> ownZone(String timezone, String phoneNumber) {
        Optional<ZoneId> given = TimeZones.named(timezone);
        return given.isPresent() ? given : zoneOfNumber(phoneNumber);
    }

    /** The zone in which the schedule applies to that contact; never null. */
    public ZoneId resolve(String timezone, String phoneNumber, Schedule schedule) {
        return ownZone(timezone, phoneNumber)
                .orElseGet(() -> schedule.timezone() != null ? schedule.timezone() : UTC);
    }

    private Optional<ZoneId> zoneOfNumber(String phoneNumber) {
        if (phoneNumber == null || !phoneNumber.startsWith("+") || phoneNumber.length() > PhoneNumbers.MAX_LENGTH) {
            return Optional.empty();
        }
        Phonenumber.PhoneNumber number;
        try {
            number = phoneNumbers.parse(phoneNumber, null);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        List<String> zones = zonesOfNumbers.getTimeZonesForNumber(number);
        if (zones.size() != 1 || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
            return Optional.empty();
        }
        return TimeZones.named(zones.get(0));
    }
}
