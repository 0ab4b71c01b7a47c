package me.wolfeo.sequences.enrollmentservice.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;

/** The zone a contact's schedule is read in: its own timezone, else its phone's, else the schedule's, else UTC. */
class ContactTimeZonesTest {

    private static final String NEW_YORK_NUMBER = "+12125550123";
    private static final String ALASKA_NUMBER = "+19075551234"; // +1 907 spans two zones
    private static final String RUSSIAN_MOBILE = "+79161234567"; // a mobile number of the whole country
    private static final String AUSTRALIAN_MOBILE = "+61412345678";
    private static final String UNPLACEABLE_NUMBER = "+15550000000";

    private static final Schedule IN_CHICAGO = new Schedule(Schedule.Days.EVERY_DAY, null, null,
            ZoneId.of("America/Chicago"), null);

    private final ContactTimeZones zones = new ContactTimeZones();

    @Test
    void theTimezoneGivenForTheContactComesFirst() {
        assertThat(zones.resolve("Europe/Dublin", NEW_YORK_NUMBER, IN_CHICAGO)).isEqualTo(ZoneId.of("Europe/Dublin"));
    }

    @Test
    void elseThePhoneNumbersZone() {
        assertThat(zones.resolve(null, NEW_YORK_NUMBER, IN_CHICAGO)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.resolve(null, "+4930123456", IN_CHICAGO)).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aGivenTimezoneThatIsNotAnIanaNameIsPassedOver() {
        assertThat(zones.resolve("+02:00", NEW_YORK_NUMBER, IN_CHICAGO)).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.resolve("Mars/Olympus_Mons", null, IN_CHICAGO)).isEqualTo(IN_CHICAGO.timezone());
    }

    @Test
    void aNumberOfSeveralZonesGivesNone() {
        assertThat(zones.ownZone(null, ALASKA_NUMBER)).isEmpty();
        assertThat(zones.ownZone(null, RUSSIAN_MOBILE)).isEmpty();
        assertThat(zones.ownZone(null, AUSTRALIAN_MOBILE)).isEmpty();
    }

    @Test
    void aNumberItCannotPlaceOrReadGivesNone() {
        assertThat(zones.ownZone(null, UNPLACEABLE_NUMBER)).isEmpty();
        assertThat(zones.ownZone(null, "2125550123")).isEmpty(); // not E.164
        assertThat(zones.ownZone(null, "+1 not a number")).isEmpty();
        assertThat(zones.ownZone(null, "+1" + "2".repeat(100))).isEmpty();
        assertThat(zones.ownZone(null, null)).isEmpty();
    }

    @Test
    void elseTheSchedulesZone() {
        assertThat(zones.resolve(null, ALASKA_NUMBER, IN_CHICAGO)).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(zones.resolve(null, null, IN_CHICAGO)).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void elseUtc() {
        assertThat(zones.resolve(null, RUSSIAN_MOBILE, Schedule.ANY_TIME)).isEqualTo(ZoneId.of("UTC"));
        assertThat(zones.resolve(null, null, Schedule.ANY_TIME)).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void theContactsOwnZoneCanBeKeptAndPassedBackAsItsTimezone() {
        ZoneId own = zones.ownZone(null, NEW_YORK_NUMBER).orElseThrow();

        assertThat(zones.resolve(own.getId(), null, IN_CHICAGO)).isEqualTo(own);
    }
}
