package me.wolfeo.sequences.platform.contract.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import me.wolfeo.sequences.platform.json.PlatformJsonCustomizer;

/** The schedule's JSON, as the platform's mapper writes it in replies, events and the public API. */
class ScheduleJsonTest {

    private static final ObjectMapper MAPPER = platformMapper();

    private static final Schedule BUSINESS_HOURS_IN_NEW_YORK = new Schedule(Schedule.Days.BUSINESS_DAYS,
            new Schedule.Holidays("US", "NY"), new Schedule.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)),
            ZoneId.of("America/New_York"), 30);

    @Test
    void isTheShapeTheIssuePromisesClients() throws Exception {
        assertThat(MAPPER.writeValueAsString(BUSINESS_HOURS_IN_NEW_YORK)).isEqualTo("{\"days\":\"business_days\","
                + "\"holidays\":{\"country\":\"US\",\"subdivision\":\"NY\"},"
                + "\"window\":{\"open\":\"09:00\",\"close\":\"17:00\"},"
                + "\"timezone\":\"America/New_York\",\"throttle_per_minute\":30}");
    }

    @Test
    void anyTimeShowsEveryFieldWithItsDefault() throws Exception {
        assertThat(MAPPER.writeValueAsString(Schedule.ANY_TIME)).isEqualTo("{\"days\":\"every_day\","
                + "\"holidays\":null,\"window\":null,\"timezone\":null,\"throttle_per_minute\":null}");
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        String json = MAPPER.writeValueAsString(BUSINESS_HOURS_IN_NEW_YORK);

        assertThat(MAPPER.readValue(json, Schedule.class)).isEqualTo(BUSINESS_HOURS_IN_NEW_YORK);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(Schedule.ANY_TIME), Schedule.class))
                .isEqualTo(Schedule.ANY_TIME);
    }

    @Test
    void whatItWritesPassesItsOwnRule() {
        assertThat(ScheduleRules.parse(MAPPER.valueToTree(BUSINESS_HOURS_IN_NEW_YORK)))
                .isEqualTo(BUSINESS_HOURS_IN_NEW_YORK);
        assertThat(ScheduleRules.parse(MAPPER.valueToTree(Schedule.ANY_TIME))).isEqualTo(Schedule.ANY_TIME);
    }

    @Test
    void aMessageWithoutDaysMeansEveryDay() throws Exception {
        assertThat(MAPPER.readValue("{}", Schedule.class)).isEqualTo(Schedule.ANY_TIME);
    }

    private static ObjectMapper platformMapper() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        new PlatformJsonCustomizer().customize(mapper);
        return mapper;
    }
}
