package me.wolfeo.sequences.platform.contract.sequence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import me.wolfeo.sequences.platform.json.PlatformJsonCustomizer;

/**
 * A schedule as the text of a database column, in the platform's JSON style (the shape clients send); a sequence
 * without a schedule of its own stores null.
 */
public final class ScheduleJson {

    private static final ObjectMapper MAPPER = platformMapper();

    private ScheduleJson() {
    }

    /** The column's text: null for {@link Schedule#ANY_TIME}. */
    public static String write(Schedule schedule) {
        if (schedule == null || schedule.equals(Schedule.ANY_TIME)) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schedule is always writable", e);
        }
    }

    public static Schedule read(String column) {
        if (column == null || column.isBlank()) {
            return Schedule.ANY_TIME;
        }
        try {
            return MAPPER.readValue(column, Schedule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored schedule is unreadable: " + column, e);
        }
    }

    private static ObjectMapper platformMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new PlatformJsonCustomizer().customize(mapper);
        return mapper;
    }
}
