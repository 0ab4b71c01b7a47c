package me.wolfeo.sequences.platform.contract.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ScheduleRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIssuesExampleIsAValidSchedule() {
        JsonNode input = json("{'days': 'business_days', 'holidays': {'country': 'US', 'subdivision': 'NY'},"
                + " 'window': {'open': '09:00', 'close': '17:00'}, 'timezone': 'America/New_York',"
                + " 'throttle_per_minute': 30}");

        assertThat(ScheduleRules.problems(input)).isEmpty();
        assertThat(ScheduleRules.parse(input)).isEqualTo(new Schedule(Schedule.Days.BUSINESS_DAYS,
                new Schedule.Holidays("US", "NY"), new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)),
                ZoneId.of("America/New_York"), 30));
    }

    @Test
    void noScheduleIsAnyTime() {
        assertThat(ScheduleRules.problems(null)).isEmpty();
        assertThat(ScheduleRules.parse(null)).isEqualTo(Schedule.ANY_TIME);
        assertThat(ScheduleRules.parse(json("null"))).isEqualTo(Schedule.ANY_TIME);
    }

    @Test
    void anEmptyScheduleOrNullFieldsAreAnyTimeToo() {
        assertThat(ScheduleRules.parse(json("{}"))).isEqualTo(Schedule.ANY_TIME);
        assertThat(ScheduleRules.parse(json("{'days': null, 'holidays': null, 'window': null, 'timezone': null,"
                + " 'throttle_per_minute': null}"))).isEqualTo(Schedule.ANY_TIME);
        assertThat(Schedule.ANY_TIME.limitsTimes()).isFalse();
    }

    @Test
    void countryAndSubdivisionAreMatchedInAnyCaseAndKeptInUpperCase() {
        Schedule schedule = ScheduleRules.parse(json("{'holidays': {'country': 'de', 'subdivision': 'by'}}"));

        assertThat(schedule.holidays()).isEqualTo(new Schedule.Holidays("DE", "BY"));
    }

    @Test
    void aCountryAloneMeansItsNationalHolidays() {
        Schedule schedule = ScheduleRules.parse(json("{'holidays': {'country': 'US'}}"));

        assertThat(schedule.holidays()).isEqualTo(new Schedule.Holidays("US", null));
    }

    @Test
    void theThrottleMayBeANumericStringAsOtherIntegersMayAndStringsLoseSurroundingSpace() {
        Schedule schedule = ScheduleRules.parse(json("{'throttle_per_minute': '30', 'timezone': ' Europe/Dublin ',"
                + " 'window': {'open': ' 08:30', 'close': '23:59 '}}"));

        assertThat(schedule.throttlePerMinute()).isEqualTo(30);
        assertThat(schedule.timezone()).isEqualTo(ZoneId.of("Europe/Dublin"));
        assertThat(schedule.window()).isEqualTo(new Schedule.Window(LocalTime.of(8, 30), LocalTime.of(23, 59)));
    }

    @Test
    void theBoundsOfEachFieldAreAccepted() {
        assertThat(ScheduleRules.problems(json("{'throttle_per_minute': 1}"))).isEmpty();
        assertThat(ScheduleRules.problems(json("{'throttle_per_minute': 10000}"))).isEmpty();
        assertThat(ScheduleRules.problems(json("{'window': {'open': '00:00', 'close': '00:01'}}"))).isEmpty();
        assertThat(ScheduleRules.problems(json("{'window': {'open': '23:58', 'close': '23:59'}}"))).isEmpty();
        assertThat(ScheduleRules.problems(json("{'timezone': 'UTC'}"))).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a schedule that is not an object", "'every day'", "schedule",
                        "The schedule field must be an object."),
                refusal("a field the schedule does not have", "{'windw': {'open': '09:00', 'close': '17:00'}}",
                        "schedule.windw", "The schedule.windw field is not allowed."),
                refusal("an unknown days value", "{'days': 'weekends'}", "schedule.days",
                        "The selected schedule.days is invalid."),
                refusal("days in another case", "{'days': 'Business_Days'}", "schedule.days",
                        "The selected schedule.days is invalid."),
                refusal("days that is not a string", "{'days': 5}", "schedule.days",
                        "The selected schedule.days is invalid."),
                refusal("days with a control character", "{'days': 'every\\u0000day'}", "schedule.days",
                        "The schedule.days field must not contain control characters or invalid Unicode."),
                refusal("holidays that are not an object", "{'holidays': 'US'}", "schedule.holidays",
                        "The schedule.holidays field must be an object."),
                refusal("holidays without a country", "{'holidays': {'subdivision': 'NY'}}",
                        "schedule.holidays.country", "The schedule.holidays.country field is required."),
                refusal("an unknown country", "{'holidays': {'country': 'XX'}}", "schedule.holidays.country",
                        "The selected schedule.holidays.country is invalid."),
                refusal("a three-letter country code", "{'holidays': {'country': 'USA'}}",
                        "schedule.holidays.country", "The selected schedule.holidays.country is invalid."),
                refusal("a holiday calendar that is not a country", "{'holidays': {'country': 'NYSE'}}",
                        "schedule.holidays.country", "The selected schedule.holidays.country is invalid."),
                refusal("a country that is not a string", "{'holidays': {'country': 1}}",
                        "schedule.holidays.country", "The schedule.holidays.country field must be a string."),
                refusal("a country with a control character", "{'holidays': {'country': 'U\\u001bS'}}",
                        "schedule.holidays.country",
                        "The schedule.holidays.country field must not contain control characters or invalid Unicode."),
                refusal("an unknown subdivision of a known country",
                        "{'holidays': {'country': 'US', 'subdivision': 'ZZ'}}",
                        "schedule.holidays.subdivision", "The selected schedule.holidays.subdivision is invalid."),
                refusal("a subdivision of another country", "{'holidays': {'country': 'DE', 'subdivision': 'NY'}}",
                        "schedule.holidays.subdivision", "The selected schedule.holidays.subdivision is invalid."),
                refusal("a second-level subdivision", "{'holidays': {'country': 'US', 'subdivision': 'NYC'}}",
                        "schedule.holidays.subdivision", "The selected schedule.holidays.subdivision is invalid."),
                refusal("a subdivision that is not a string", "{'holidays': {'country': 'US', 'subdivision': ['NY']}}",
                        "schedule.holidays.subdivision", "The schedule.holidays.subdivision field must be a string."),
                refusal("a field holidays do not have", "{'holidays': {'country': 'US', 'region': 'NY'}}",
                        "schedule.holidays.region", "The schedule.holidays.region field is not allowed."),
                refusal("a window that is not an object", "{'window': '09:00-17:00'}", "schedule.window",
                        "The schedule.window field must be an object."),
                refusal("a window without an open time", "{'window': {'close': '17:00'}}", "schedule.window.open",
                        "The schedule.window.open field is required."),
                refusal("a window without a close time", "{'window': {'open': '09:00'}}", "schedule.window.close",
                        "The schedule.window.close field is required."),
                refusal("a window that closes when it opens", "{'window': {'open': '09:00', 'close': '09:00'}}",
                        "schedule.window.close",
                        "The schedule.window.close field must be a time after schedule.window.open."),
                refusal("a window that closes before it opens (overnight)",
                        "{'window': {'open': '22:00', 'close': '06:00'}}", "schedule.window.close",
                        "The schedule.window.close field must be a time after schedule.window.open."),
                refusal("a time with one digit for the hour", "{'window': {'open': '9:00', 'close': '17:00'}}",
                        "schedule.window.open", "The schedule.window.open field must match the format HH:MM."),
                refusal("a time with seconds", "{'window': {'open': '09:00:00', 'close': '17:00'}}",
                        "schedule.window.open", "The schedule.window.open field must match the format HH:MM."),
                refusal("a time on a 12-hour clock", "{'window': {'open': '09:00', 'close': '5:00 PM'}}",
                        "schedule.window.close", "The schedule.window.close field must match the format HH:MM."),
                refusal("24:00", "{'window': {'open': '09:00', 'close': '24:00'}}", "schedule.window.close",
                        "The schedule.window.close field must match the format HH:MM."),
                refusal("minute 60", "{'window': {'open': '09:60', 'close': '17:00'}}", "schedule.window.open",
                        "The schedule.window.open field must match the format HH:MM."),
                refusal("a time that is a number", "{'window': {'open': 900, 'close': '17:00'}}",
                        "schedule.window.open", "The schedule.window.open field must be a string."),
                refusal("a time with a control character", "{'window': {'open': '09:\\u000000', 'close': '17:00'}}",
                        "schedule.window.open",
                        "The schedule.window.open field must not contain control characters or invalid Unicode."),
                refusal("a field windows do not have", "{'window': {'open': '09:00', 'close': '17:00', 'days': 5}}",
                        "schedule.window.days", "The schedule.window.days field is not allowed."),
                refusal("an unknown time zone", "{'timezone': 'Mars/Olympus_Mons'}", "schedule.timezone",
                        "The schedule.timezone field must be a valid timezone."),
                refusal("a time zone in another case", "{'timezone': 'america/new_york'}", "schedule.timezone",
                        "The schedule.timezone field must be a valid timezone."),
                refusal("a fixed offset", "{'timezone': '+02:00'}", "schedule.timezone",
                        "The schedule.timezone field must be a valid timezone."),
                refusal("an offset from UTC", "{'timezone': 'UTC+2'}", "schedule.timezone",
                        "The schedule.timezone field must be a valid timezone."),
                refusal("an abbreviation", "{'timezone': 'EST'}", "schedule.timezone",
                        "The schedule.timezone field must be a valid timezone."),
                refusal("a time zone that is not a string", "{'timezone': -5}", "schedule.timezone",
                        "The schedule.timezone field must be a string."),
                refusal("a time zone with a control character", "{'timezone': 'Europe/Dublin\\u0000'}",
                        "schedule.timezone",
                        "The schedule.timezone field must not contain control characters or invalid Unicode."),
                refusal("a zero throttle", "{'throttle_per_minute': 0}", "schedule.throttle_per_minute",
                        "The schedule.throttle per minute field must be at least 1."),
                refusal("a negative throttle", "{'throttle_per_minute': -5}", "schedule.throttle_per_minute",
                        "The schedule.throttle per minute field must be at least 1."),
                refusal("an absurdly large throttle", "{'throttle_per_minute': 10001}",
                        "schedule.throttle_per_minute",
                        "The schedule.throttle per minute field must not be greater than 10000."),
                refusal("a fractional throttle", "{'throttle_per_minute': 2.5}", "schedule.throttle_per_minute",
                        "The schedule.throttle per minute field must be an integer."),
                refusal("a throttle beyond any integer", "{'throttle_per_minute': 123456789012345678901234567890}",
                        "schedule.throttle_per_minute", "The schedule.throttle per minute field must be an integer."),
                refusal("a throttle that is a word", "{'throttle_per_minute': 'thirty'}",
                        "schedule.throttle_per_minute", "The schedule.throttle per minute field must be an integer."),
                refusal("a throttle that is a boolean", "{'throttle_per_minute': true}",
                        "schedule.throttle_per_minute", "The schedule.throttle per minute field must be an integer."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesNamingTheField(String what, String input, String field, String message) {
        JsonNode schedule = json(input);

        assertThat(ScheduleRules.problems(schedule)).containsExactly(entry(field, List.of(message)));
        assertThatThrownBy(() -> ScheduleRules.parse(schedule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        JsonNode input = json("{'days': 'sometimes', 'holidays': {'country': 'XX'},"
                + " 'window': {'open': '17:00', 'close': '09:00'}, 'timezone': 'Nowhere', 'throttle_per_minute': -1}");

        assertThat(ScheduleRules.problems(input)).containsOnlyKeys("schedule.days", "schedule.holidays.country",
                "schedule.window.close", "schedule.timezone", "schedule.throttle_per_minute");
    }

    @Test
    void aSubdivisionIsNotCheckedAgainstAnUnknownCountry() {
        assertThat(ScheduleRules.problems(json("{'holidays': {'country': 'XX', 'subdivision': 'NY'}}")))
                .containsOnlyKeys("schedule.holidays.country");
    }

    @Test
    void anUnknownFieldWhoseNameCannotBeEchoedIsNamedByItsObject() {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("bad\u0000name", 1);
        input.put("x".repeat(1000), 1);

        assertThat(ScheduleRules.problems(input)).containsExactly(
                entry("schedule", List.of("The schedule field must not contain unknown fields.")));
    }

    @Test
    void aWindowThatDoesNotCloseAfterItOpensCannotBeMadeInCode() {
        assertThatThrownBy(() -> new Schedule.Window(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments refusal(String what, String input, String field, String message) {
        return Arguments.of(what, input, field, message);
    }

    /** JSON written with single quotes, for legibility. */
    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
