package me.wolfeo.sequences.enrollmentservice.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;

/**
 * When a schedule lets a step run. Instants are written with the contact's offset at that moment, so that each
 * expectation reads as the contact's clock shows it (-04:00 is EDT, -05:00 EST; +01:00 is Irish summer time, Z
 * winter time in Dublin).
 */
class AllowedTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final AllowedTimes allowedTimes = new AllowedTimes();

    @Nested
    class AnAnyTimeSchedule {

        @Test
        void leavesEveryInstantAsItIs() {
            for (String due : new String[]{"2027-06-13T03:00-04:00", "2027-07-05T12:00-04:00",
                    "2027-03-14T03:00-04:00", "2027-11-07T01:30-05:00"}) {
                assertThat(allowedTimes.next(Schedule.ANY_TIME, NEW_YORK, at(due)))
                        .isEqualTo(new NextAllowed(at(due), null));
            }
        }

        @Test
        void withOnlyAThrottleToo() {
            Schedule throttled = new Schedule(Schedule.Days.EVERY_DAY, null, null, NEW_YORK, 30);

            assertThat(allowedTimes.next(throttled, NEW_YORK, at("2027-06-13T03:00-04:00")).moved()).isFalse();
        }
    }

    @Nested
    class AWindow {

        private final Schedule nineToFive = window("09:00", "17:00");

        @Test
        void allowsAStepExactlyAtOpen() {
            assertStays(nineToFive, NEW_YORK, "2027-06-15T09:00-04:00");
        }

        @Test
        void movesAStepJustBeforeOpenToOpen() {
            assertMoves(nineToFive, NEW_YORK, "2027-06-15T08:59:59-04:00", "2027-06-15T09:00-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void movesAStepInTheSmallHoursToThatMorningsOpen() {
            assertMoves(nineToFive, NEW_YORK, "2027-06-15T03:00-04:00", "2027-06-15T09:00-04:00", WaitReason.WINDOW);
        }

        @Test
        void allowsAStepJustBeforeClose() {
            assertStays(nineToFive, NEW_YORK, "2027-06-15T16:59:59.999999999-04:00");
        }

        @Test
        void movesAStepExactlyAtCloseToTheNextDaysOpen() {
            assertMoves(nineToFive, NEW_YORK, "2027-06-15T17:00-04:00", "2027-06-16T09:00-04:00", WaitReason.WINDOW);
        }

        @Test
        void isReadInTheContactsZone() {
            Instant due = Instant.parse("2027-06-15T14:00:00Z");

            assertThat(allowedTimes.next(nineToFive, NEW_YORK, due).moved()).isFalse(); // 10:00 in New York
            assertThat(allowedTimes.next(nineToFive, DUBLIN, due).moved()).isFalse(); // 15:00 in Dublin
            assertThat(allowedTimes.next(nineToFive, TOKYO, due).at()) // 23:00 in Tokyo
                    .isEqualTo(at("2027-06-16T09:00+09:00"));
        }
    }

    @Nested
    class BusinessDays {

        private final Schedule businessHours = new Schedule(Schedule.Days.BUSINESS_DAYS, null,
                new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)), null, null);
        private final Schedule businessDays = new Schedule(Schedule.Days.BUSINESS_DAYS, null, null, null, null);

        @Test
        void moveAFridayEveningStepToMondaysOpen() {
            // Friday is a business day: what the step first waits for is the window (and then the weekend).
            assertMoves(businessHours, NEW_YORK, "2027-06-11T18:30-04:00", "2027-06-14T09:00-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void moveAWeekendStepToMondaysOpen() {
            assertMoves(businessHours, NEW_YORK, "2027-06-12T12:00-04:00", "2027-06-14T09:00-04:00",
                    WaitReason.WEEKEND);
            assertMoves(businessHours, NEW_YORK, "2027-06-13T23:59-04:00", "2027-06-14T09:00-04:00",
                    WaitReason.WEEKEND);
        }

        @Test
        void withoutAWindowMoveAWeekendStepToMondaysFirstMoment() {
            assertMoves(businessDays, NEW_YORK, "2027-06-12T10:00-04:00", "2027-06-14T00:00-04:00",
                    WaitReason.WEEKEND);
        }

        @Test
        void areTheContactsWeekdays() {
            // Friday 22:00 in New York is already Saturday in UTC.
            Instant due = at("2027-06-11T22:00-04:00");

            assertThat(allowedTimes.next(businessDays, NEW_YORK, due).moved()).isFalse();
            assertThat(allowedTimes.next(businessDays, UTC, due)).isEqualTo(
                    new NextAllowed(Instant.parse("2027-06-14T00:00:00Z"), WaitReason.WEEKEND));
        }
    }

    @Nested
    class Holidays {

        private final Schedule usBusinessHours = new Schedule(Schedule.Days.BUSINESS_DAYS,
                new Schedule.Holidays("US", null), new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)),
                null, null);

        @Test
        void skipTheDayAHolidayIsObserved() {
            // Independence Day 2027 is a Sunday, observed on Monday 5 July.
            assertMoves(usBusinessHours, NEW_YORK, "2027-07-05T10:00-04:00", "2027-07-06T09:00-04:00",
                    WaitReason.HOLIDAY);
        }

        @Test
        void addToTheWeekend() {
            assertMoves(usBusinessHours, NEW_YORK, "2027-07-02T18:00-04:00", "2027-07-06T09:00-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void skipTheHolidaysOwnDayAsWellOnEveryDaySchedules() {
            Schedule everyDay = new Schedule(Schedule.Days.EVERY_DAY, new Schedule.Holidays("US", null), null, null,
                    null);

            assertMoves(everyDay, NEW_YORK, "2027-07-04T12:00-04:00", "2027-07-06T00:00-04:00", WaitReason.HOLIDAY);
        }

        @Test
        void areTheContactsLocalDates() {
            Schedule everyDay = new Schedule(Schedule.Days.EVERY_DAY, new Schedule.Holidays("US", null), null, null,
                    null);
            // 02:00 UTC on 6 July is still the evening of the 5th in New York.
            Instant due = Instant.parse("2027-07-06T02:00:00Z");

            assertThat(allowedTimes.next(everyDay, UTC, due).moved()).isFalse();
            assertThat(allowedTimes.next(everyDay, NEW_YORK, due))
                    .isEqualTo(new NextAllowed(at("2027-07-06T00:00-04:00"), WaitReason.HOLIDAY));
        }

        @Test
        void ofASubdivisionAreSkippedOnlyWithThatSubdivision() {
            // Columbus Day, Monday 11 October 2027: a public holiday in New York, not in the national calendar.
            Schedule newYork = holidays("US", "NY");
            Schedule nationalOnly = holidays("US", null);

            assertMoves(newYork, NEW_YORK, "2027-10-11T10:00-04:00", "2027-10-12T09:00-04:00", WaitReason.HOLIDAY);
            assertStays(nationalOnly, NEW_YORK, "2027-10-11T10:00-04:00");
        }

        @Test
        void ofBavariaAreNotThoseOfBerlin() {
            // Epiphany, Tuesday 6 January 2026.
            assertMoves(holidays("DE", "BY"), BERLIN, "2026-01-06T10:00+01:00", "2026-01-07T09:00+01:00",
                    WaitReason.HOLIDAY);
            assertStays(holidays("DE", "BE"), BERLIN, "2026-01-06T10:00+01:00");
        }

        private Schedule holidays(String country, String subdivision) {
            return new Schedule(Schedule.Days.BUSINESS_DAYS, new Schedule.Holidays(country, subdivision),
                    new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)), null, null);
        }
    }

    /** New York: clocks jump from 02:00 EST to 03:00 EDT on Sunday 14 March 2027. */
    @Nested
    class NewYorkSpringForward {

        @Test
        void aWindowOpeningInTheMissingHourOpensWhenTheHourEnds() {
            assertMoves(window("02:30", "04:00"), NEW_YORK, "2027-03-14T01:00-05:00", "2027-03-14T03:00-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void soItOpensInsideTheWindowWhereShiftingByTheGapWouldNot() {
            Schedule shortWindow = window("02:30", "03:15");
            Instant shiftedByTheGap = ZonedDateTime.of(LocalDate.of(2027, 3, 14), LocalTime.of(2, 30), NEW_YORK)
                    .toInstant();

            assertThat(shiftedByTheGap).isEqualTo(at("2027-03-14T03:30-04:00")); // past the 03:15 close
            assertMoves(shortWindow, NEW_YORK, "2027-03-14T01:00-05:00", "2027-03-14T03:00-04:00",
                    WaitReason.WINDOW);
            assertStays(shortWindow, NEW_YORK, "2027-03-14T03:10-04:00");
        }

        @Test
        void aWindowEntirelyInTheMissingHourIsEmptyThatDay() {
            assertMoves(window("02:15", "02:45"), NEW_YORK, "2027-03-14T01:00-05:00", "2027-03-15T02:15-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void aWindowClosingInTheMissingHourClosesWhenTheHourBegins() {
            Schedule closingInTheGap = window("01:00", "02:30");

            assertStays(closingInTheGap, NEW_YORK, "2027-03-14T01:59:59-05:00");
            assertMoves(closingInTheGap, NEW_YORK, "2027-03-14T03:00-04:00", "2027-03-15T01:00-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void aDayLongDelayAcrossTheChangeLandsAnHourLaterOnTheClock() {
            // A step ran on Saturday at 09:00 EST; 24 hours later the clock reads 10:00 EDT, inside the window.
            Instant due = at("2027-03-13T09:00-05:00").plus(StageRules.delay(1, 86400));

            assertThat(due).isEqualTo(at("2027-03-14T10:00-04:00"));
            assertThat(allowedTimes.next(window("09:00", "17:00"), NEW_YORK, due).moved()).isFalse();
        }
    }

    /** New York: clocks go back from 02:00 EDT to 01:00 EST on Sunday 7 November 2027; 01:00 to 02:00 repeats. */
    @Nested
    class NewYorkFallBack {

        @Test
        void aWindowOpeningInTheRepeatedHourOpensTheFirstTime() {
            assertMoves(window("01:30", "03:00"), NEW_YORK, "2027-11-07T00:00-04:00", "2027-11-07T01:30-04:00",
                    WaitReason.WINDOW);
        }

        @Test
        void aStepDueAnHourAfter0130EdtIsDueAt0130EstAndWaitsForA0200Open() {
            Instant due = at("2027-11-07T01:30-04:00").plus(StageRules.delay(1, 3600));

            assertThat(due).isEqualTo(at("2027-11-07T01:30-05:00"));
            assertMoves(window("02:00", "05:00"), NEW_YORK, due, at("2027-11-07T02:00-05:00"), WaitReason.WINDOW);
        }

        @Test
        void aStepDueInTheRepeatedHourInsideALongWindowStays() {
            assertStays(window("00:30", "03:00"), NEW_YORK, "2027-11-07T01:30-05:00");
        }

        @Test
        void aWindowThatClosedDoesNotReopenWhenTheClockIsSetBack() {
            // 01:10 EST reads inside 01:00-01:45, but the window closed at the first 01:45 (EDT).
            assertMoves(window("01:00", "01:45"), NEW_YORK, "2027-11-07T01:10-05:00", "2027-11-08T01:00-05:00",
                    WaitReason.WINDOW);
        }

        @Test
        void aDayLongDelayAcrossTheChangeLandsAnHourEarlierOnTheClockAndWaitsForOpen() {
            Instant due = at("2027-11-06T09:00-04:00").plus(StageRules.delay(1, 86400));

            assertThat(due).isEqualTo(at("2027-11-07T08:00-05:00"));
            assertMoves(window("09:00", "17:00"), NEW_YORK, due, at("2027-11-07T09:00-05:00"), WaitReason.WINDOW);
        }
    }

    /** Dublin: clocks jump from 01:00 GMT to 02:00 IST on Sunday 28 March 2027. */
    @Nested
    class DublinSpringForward {

        @Test
        void aWindowOpeningInTheMissingHourOpensWhenTheHourEnds() {
            assertMoves(window("01:30", "09:00"), DUBLIN, "2027-03-28T00:30Z", "2027-03-28T02:00+01:00",
                    WaitReason.WINDOW);
        }

        @Test
        void anOrdinaryWindowOpensOnTheNewClock() {
            assertMoves(window("09:00", "17:00"), DUBLIN, "2027-03-28T07:30Z", "2027-03-28T09:00+01:00",
                    WaitReason.WINDOW);
        }
    }

    /** Dublin: clocks go back from 02:00 IST to 01:00 GMT on Sunday 31 October 2027; 01:00 to 02:00 repeats. */
    @Nested
    class DublinFallBack {

        @Test
        void aWindowOpeningInTheRepeatedHourOpensTheFirstTime() {
            assertMoves(window("01:15", "05:00"), DUBLIN, "2027-10-31T01:00+01:00", "2027-10-31T01:15+01:00",
                    WaitReason.WINDOW);
        }

        @Test
        void aStepDueAnHourAfter0130IstIsDueAt0130GmtAfterAWindowThatClosedAt0145Ist() {
            Instant due = at("2027-10-31T01:30+01:00").plus(StageRules.delay(1, 3600));

            assertThat(due).isEqualTo(at("2027-10-31T01:30Z"));
            assertMoves(window("01:00", "01:45"), DUBLIN, due, at("2027-11-01T01:00Z"), WaitReason.WINDOW);
            assertStays(window("01:00", "03:00"), DUBLIN, due);
        }
    }

    @Nested
    class Refusal {

        private final Schedule businessHours = new Schedule(Schedule.Days.BUSINESS_DAYS,
                new Schedule.Holidays("US", null), new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)),
                null, null);

        @Test
        void saysWhyAnInstantIsNotAllowed() {
            assertThat(allowedTimes.refusal(businessHours, NEW_YORK, at("2027-06-15T08:00-04:00")))
                    .contains(WaitReason.WINDOW);
            assertThat(allowedTimes.refusal(businessHours, NEW_YORK, at("2027-06-12T10:00-04:00")))
                    .contains(WaitReason.WEEKEND);
            assertThat(allowedTimes.refusal(businessHours, NEW_YORK, at("2027-07-05T10:00-04:00")))
                    .contains(WaitReason.HOLIDAY);
            assertThat(allowedTimes.refusal(businessHours, NEW_YORK, at("2027-06-15T10:00-04:00"))).isEmpty();
            assertThat(allowedTimes.refusal(Schedule.ANY_TIME, NEW_YORK, at("2027-07-04T03:00-04:00"))).isEmpty();
        }

        @Test
        void namesTheWeekendBeforeAHolidayOnIt() {
            // Independence Day 2027 is a Sunday.
            assertThat(allowedTimes.refusal(businessHours, NEW_YORK, at("2027-07-04T10:00-04:00")))
                    .contains(WaitReason.WEEKEND);
        }

        @Test
        void isTheReasonAMovedStepGives() {
            Instant due = at("2027-07-05T03:00-04:00");

            assertThat(allowedTimes.next(businessHours, NEW_YORK, due).reason())
                    .isEqualTo(allowedTimes.refusal(businessHours, NEW_YORK, due).orElseThrow());
        }
    }

    @Nested
    class ACalendarNoCountryHas {

        private final Schedule withHolidays = new Schedule(Schedule.Days.EVERY_DAY, new Schedule.Holidays("XX", null),
                new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)), null, null);
        private final Instant due = at("2027-06-15T10:00Z");

        @Test
        void isSearchedFarAhead() {
            LocalDate firstWorkingDay = LocalDate.of(2027, 6, 15).plusDays(300);
            AllowedTimes times = new AllowedTimes((holidays, date) -> date.isBefore(firstWorkingDay));

            assertThat(times.next(withHolidays, UTC, due))
                    .isEqualTo(new NextAllowed(firstWorkingDay.atTime(9, 0).atZone(UTC).toInstant(),
                            WaitReason.HOLIDAY));
        }

        @Test
        void thatAllowsNothingLetsTheStepRunWhenDueRatherThanHoldItForEver() {
            AllowedTimes times = new AllowedTimes((holidays, date) -> true);

            assertThat(times.next(withHolidays, UTC, due)).isEqualTo(new NextAllowed(due, null));
        }

        @Test
        void beyondTheSearchHorizonToo() {
            LocalDate beyond = LocalDate.of(2027, 6, 15).plusDays(AllowedTimes.MAX_DAYS_AHEAD + 1);
            AllowedTimes times = new AllowedTimes((holidays, date) -> date.isBefore(beyond));

            assertThat(times.next(withHolidays, UTC, due)).isEqualTo(new NextAllowed(due, null));
        }
    }

    @Test
    void theReasonsAreTheProgressReadsCodes() {
        assertThat(WaitReason.values()).extracting(WaitReason::code).containsExactly("window", "weekend", "holiday",
                "throttle", "paused");
    }

    @Test
    void aMovedStepNeverMovesBackLandsOnAnAllowedInstantAndAnAllowedOneNeverMoves() {
        assertConsistentOverAYear(new Schedule(Schedule.Days.EVERY_DAY, new Schedule.Holidays("IE", null),
                new Schedule.Window(LocalTime.of(1, 30), LocalTime.of(17, 0)), null, null), DUBLIN);
        assertConsistentOverAYear(new Schedule(Schedule.Days.BUSINESS_DAYS, new Schedule.Holidays("US", "NY"),
                new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)), null, null), NEW_YORK);
    }

    private void assertConsistentOverAYear(Schedule schedule, ZoneId zone) {
        Instant due = Instant.parse("2027-01-01T00:00:00Z");
        for (int i = 0; i < 365 * 24 * 4; i++, due = due.plus(Duration.ofMinutes(15))) {
            NextAllowed next = allowedTimes.next(schedule, zone, due);
            assertThat(next.at()).isAfterOrEqualTo(due);
            assertThat(allowedTimes.refusal(schedule, zone, next.at())).isEmpty();
            assertThat(next.moved()).isEqualTo(allowedTimes.refusal(schedule, zone, due).isPresent());
        }
    }

    private static Schedule window(String open, String close) {
        return new Schedule(Schedule.Days.EVERY_DAY, null, new Schedule.Window(LocalTime.parse(open),
                LocalTime.parse(close)), null, null);
    }

    private void assertStays(Schedule schedule, ZoneId zone, String due) {
        assertStays(schedule, zone, at(due));
    }

    private void assertStays(Schedule schedule, ZoneId zone, Instant due) {
        assertThat(allowedTimes.next(schedule, zone, due)).isEqualTo(new NextAllowed(due, null));
    }

    private void assertMoves(Schedule schedule, ZoneId zone, String due, String expected, WaitReason reason) {
        assertMoves(schedule, zone, at(due), at(expected), reason);
    }

    private void assertMoves(Schedule schedule, ZoneId zone, Instant due, Instant expected, WaitReason reason) {
        assertThat(allowedTimes.next(schedule, zone, due)).isEqualTo(new NextAllowed(expected, reason));
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
