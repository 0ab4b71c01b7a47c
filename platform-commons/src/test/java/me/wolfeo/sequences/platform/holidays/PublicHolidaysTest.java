package me.wolfeo.sequences.platform.holidays;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    @Test
    void countriesAreIsoCodesWithACalendarInAnyCase() {
        assertThat(PublicHolidays.isCountry("US")).isTrue();
        assertThat(PublicHolidays.isCountry("ie")).isTrue();
        assertThat(PublicHolidays.isCountry("XX")).isFalse();
        assertThat(PublicHolidays.isCountry("USA")).isFalse();
        assertThat(PublicHolidays.isCountry(null)).isFalse();
    }

    @Test
    void calendarsThatAreNotCountriesAreNotOffered() {
        assertThat(PublicHolidays.isCountry("NYSE")).isFalse();
        assertThat(PublicHolidays.isCountry("TARGET")).isFalse();
    }

    @Test
    void subdivisionsAreTheFirstLevelOfTheCountrysCalendar() {
        assertThat(PublicHolidays.isSubdivision("US", "NY")).isTrue();
        assertThat(PublicHolidays.isSubdivision("de", "by")).isTrue();
        assertThat(PublicHolidays.isSubdivision("US", "NYC")).isFalse();
        assertThat(PublicHolidays.isSubdivision("US", "BY")).isFalse();
        assertThat(PublicHolidays.isSubdivision("XX", "NY")).isFalse();
        assertThat(PublicHolidays.isSubdivision("US", null)).isFalse();
    }

    @Test
    void aHolidayMovedOffAWeekendCountsOnItsDayAndOnTheDayItIsObserved() {
        // Independence Day 2027 is a Sunday, observed on Monday 5 July.
        assertThat(PublicHolidays.isHoliday("US", null, LocalDate.of(2027, 7, 4))).isTrue();
        assertThat(PublicHolidays.isHoliday("US", null, LocalDate.of(2027, 7, 5))).isTrue();
        assertThat(PublicHolidays.isHoliday("US", null, LocalDate.of(2027, 7, 6))).isFalse();
    }

    @Test
    void aHolidayObservedInTheYearBeforeCountsInThatYear() {
        // New Year's Day 2028 is a Saturday, observed on Friday 31 December 2027.
        assertThat(PublicHolidays.isHoliday("US", null, LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(PublicHolidays.isHoliday("US", null, LocalDate.of(2028, 1, 1))).isTrue();
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        // Columbus Day: a public holiday of New York, not in Jollyday's national US calendar.
        assertThat(PublicHolidays.isHoliday("US", "NY", LocalDate.of(2027, 10, 11))).isTrue();
        assertThat(PublicHolidays.isHoliday("US", null, LocalDate.of(2027, 10, 11))).isFalse();
        // Epiphany: a public holiday of Bavaria, not of Berlin nor of Germany as a whole.
        assertThat(PublicHolidays.isHoliday("DE", "BY", LocalDate.of(2026, 1, 6))).isTrue();
        assertThat(PublicHolidays.isHoliday("DE", "BE", LocalDate.of(2026, 1, 6))).isFalse();
        assertThat(PublicHolidays.isHoliday("DE", null, LocalDate.of(2026, 1, 6))).isFalse();
    }

    @Test
    void observancesThatAreNotPublicHolidaysAreOrdinaryDays() {
        // Lincoln's Birthday is an observance in Jollyday's New York calendar.
        assertThat(PublicHolidays.isHoliday("US", "NY", LocalDate.of(2027, 2, 12))).isFalse();
    }

    @Test
    void anUnknownSubdivisionHasItsCountrysHolidaysAndAnUnknownCountryNone() {
        assertThat(PublicHolidays.isHoliday("US", "ZZ", LocalDate.of(2027, 7, 5))).isTrue();
        assertThat(PublicHolidays.isHoliday("XX", null, LocalDate.of(2027, 12, 25))).isFalse();
    }

    @Test
    void anOrdinaryDayIsNoHoliday() {
        assertThat(PublicHolidays.isHoliday("IE", null, LocalDate.of(2027, 3, 16))).isFalse();
        assertThat(PublicHolidays.isHoliday("IE", null, LocalDate.of(2027, 3, 17))).isTrue();
    }
}
