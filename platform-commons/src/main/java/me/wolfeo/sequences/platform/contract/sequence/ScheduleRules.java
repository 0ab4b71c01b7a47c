package me.wolfeo.sequences.platform.contract.sequence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import me.wolfeo.sequences.platform.contract.JsonIntegers;
import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.holidays.PublicHolidays;

/**
 * The rule for a schedule given by a client, which both the gateway (on input) and sequence-service (on commands)
 * enforce: {@link #problems} names every field that breaks it, in the wording of the other field messages, under
 * its path ({@code schedule.window.open}); {@link #parse} reads input that has none.
 * <p>
 * As in the other fields: a JSON null, a missing field and a blank string are absent; strings lose surrounding white
 * space; integers may be JSON numbers or numeric strings; a control character or a lone surrogate refuses a field
 * ({@link Text}). Absent, the schedule is {@link Schedule#ANY_TIME}, {@code days} is {@code every_day}, and the other
 * fields are null. A field that the schedule does not have is refused rather than ignored, so that a misspelt
 * {@code windw} does not silently send at 3 a.m. Countries and subdivisions are matched in any case and stored in
 * upper case.
 */
public final class ScheduleRules {

    public static final String FIELD = "schedule";
    public static final String EVERY_DAY = "every_day";
    public static final String BUSINESS_DAYS = "business_days";
    public static final int THROTTLE_MIN = 1;
    /** Far above any real sending rate, low enough to be a rate and not a typo. */
    public static final int THROTTLE_MAX = 10_000;

    private static final Set<String> SCHEDULE_FIELDS = Set.of("days", "holidays", "window", "timezone",
            "throttle_per_minute");
    private static final Set<String> HOLIDAYS_FIELDS = Set.of("country", "subdivision");
    private static final Set<String> WINDOW_FIELDS = Set.of("open", "close");
    /** Two digits each, 24-hour clock: 00:00 to 23:59. */
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    /** A longer or unstorable unknown field name is not echoed back as a path. */
    private static final int MAX_ECHOED_NAME_LENGTH = 64;

    private ScheduleRules() {
    }

    /** Every problem of the input (the value of the {@code schedule} field), by field path; empty when it is valid. */
    public static Map<String, List<String>> problems(JsonNode schedule) {
        return new Reading(schedule).problems;
    }

    /**
     * The schedule that valid input describes.
     *
     * @throws IllegalArgumentException when the input has {@link #problems}
     */
    public static Schedule parse(JsonNode schedule) {
        Reading reading = new Reading(schedule);
        if (!reading.problems.isEmpty()) {
            throw new IllegalArgumentException("The schedule is invalid: " + reading.problems);
        }
        return reading.schedule;
    }

    /** One pass over the input, collecting its problems and, when there are none, its schedule. */
    private static final class Reading {

        private final Map<String, List<String>> problems = new LinkedHashMap<>();
        private final Schedule schedule;

        Reading(JsonNode input) {
            Schedule read = isAbsent(input) ? Schedule.ANY_TIME : schedule(input);
            this.schedule = problems.isEmpty() ? read : null;
        }

        private Schedule schedule(JsonNode input) {
            if (!isObjectOf(FIELD, input, SCHEDULE_FIELDS)) {
                return null;
            }
            Schedule.Days days = days(input.get("days"));
            Schedule.Holidays holidays = holidays(input.get("holidays"));
            Schedule.Window window = window(input.get("window"));
            ZoneId timezone = timezone(input.get("timezone"));
            Integer throttle = throttle(input.get("throttle_per_minute"));
            return problems.isEmpty() ? new Schedule(days, holidays, window, timezone, throttle) : null;
        }

        private Schedule.Days days(JsonNode node) {
            String path = FIELD + ".days";
            if (isAbsent(node)) {
                return Schedule.Days.EVERY_DAY;
            }
            String value = text(path, node, selectedIsInvalid(path));
            if (EVERY_DAY.equals(value)) {
                return Schedule.Days.EVERY_DAY;
            }
            if (BUSINESS_DAYS.equals(value)) {
                return Schedule.Days.BUSINESS_DAYS;
            }
            if (value != null) {
                fail(path, selectedIsInvalid(path));
            }
            return null;
        }

        private Schedule.Holidays holidays(JsonNode node) {
            String path = FIELD + ".holidays";
            if (isAbsent(node) || !isObjectOf(path, node, HOLIDAYS_FIELDS)) {
                return null;
            }
            String countryPath = path + ".country";
            String country = null;
            if (isAbsent(node.get("country"))) {
                fail(countryPath, isRequired(countryPath));
            } else {
                String value = text(countryPath, node.get("country"), mustBeAString(countryPath));
                if (value != null && PublicHolidays.isCountry(value)) {
                    country = value.toUpperCase(Locale.ROOT);
                } else if (value != null) {
                    fail(countryPath, selectedIsInvalid(countryPath));
                }
            }
            String subdivisionPath = path + ".subdivision";
            String subdivision = null;
            if (!isAbsent(node.get("subdivision"))) {
                String value = text(subdivisionPath, node.get("subdivision"), mustBeAString(subdivisionPath));
                // Against an unknown country a subdivision cannot be checked; the country's problem is enough.
                if (value != null && country != null && PublicHolidays.isSubdivision(country, value)) {
                    subdivision = value.toUpperCase(Locale.ROOT);
                } else if (value != null && country != null) {
                    fail(subdivisionPath, selectedIsInvalid(subdivisionPath));
                }
            }
            return country == null ? null : new Schedule.Holidays(country, subdivision);
        }

        private Schedule.Window window(JsonNode node) {
            String path = FIELD + ".window";
            if (isAbsent(node) || !isObjectOf(path, node, WINDOW_FIELDS)) {
                return null;
            }
            LocalTime open = time(path + ".open", node.get("open"));
            LocalTime close = time(path + ".close", node.get("close"));
            if (open == null || close == null) {
                return null;
            }
            if (!close.isAfter(open)) {
                fail(path + ".close", "The " + label(path + ".close") + " field must be a time after "
                        + label(path + ".open") + ".");
                return null;
            }
            return new Schedule.Window(open, close);
        }

        private LocalTime time(String path, JsonNode node) {
            if (isAbsent(node)) {
                return fail(path, isRequired(path));
            }
            String value = text(path, node, mustBeAString(path));
            if (value == null) {
                return null;
            }
            if (!TIME.matcher(value).matches()) {
                return fail(path, "The " + label(path) + " field must match the format HH:MM.");
            }
            return LocalTime.parse(value);
        }

        private ZoneId timezone(JsonNode node) {
            String path = FIELD + ".timezone";
            if (isAbsent(node)) {
                return null;
            }
            String value = text(path, node, mustBeAString(path));
            if (value == null) {
                return null;
            }
            return TimeZones.named(value).orElseGet(() -> fail(path, TimeZones.invalidMessage(label(path))));
        }

        private Integer throttle(JsonNode node) {
            String path = FIELD + ".throttle_per_minute";
            if (isAbsent(node)) {
                return null;
            }
            Long value = JsonIntegers.valueOf(node);
            if (value == null) {
                return fail(path, "The " + label(path) + " field must be an integer.");
            }
            if (value < THROTTLE_MIN) {
                return fail(path, "The " + label(path) + " field must be at least " + THROTTLE_MIN + ".");
            }
            if (value > THROTTLE_MAX) {
                return fail(path, "The " + label(path) + " field must not be greater than " + THROTTLE_MAX + ".");
            }
            return value.intValue();
        }

        /** True when the node is an object; each of its fields outside {@code allowed} is a problem. */
        private boolean isObjectOf(String path, JsonNode node, Set<String> allowed) {
            if (!node.isObject()) {
                fail(path, "The " + label(path) + " field must be an object.");
                return false;
            }
            boolean unnamedReported = false;
            for (String name : (Iterable<String>) node::fieldNames) {
                if (allowed.contains(name)) {
                    continue;
                }
                if (!name.isBlank() && name.length() <= MAX_ECHOED_NAME_LENGTH && Text.isStorable(name)) {
                    fail(path + "." + name, "The " + label(path + "." + name) + " field is not allowed.");
                } else if (!unnamedReported) {
                    fail(path, "The " + label(path) + " field must not contain unknown fields.");
                    unnamedReported = true;
                }
            }
            return true;
        }

        /** The stripped string, or null (with the problem recorded) when it is not a storable string. */
        private String text(String path, JsonNode node, String notAStringMessage) {
            if (!node.isTextual()) {
                return fail(path, notAStringMessage);
            }
            String value = node.asText().strip();
            if (!Text.isStorable(value)) {
                return fail(path, Text.unstorableMessage(label(path)));
            }
            return value;
        }

        private <T> T fail(String path, String message) {
            problems.computeIfAbsent(path, ignored -> new ArrayList<>()).add(message);
            return null;
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isBlank());
    }

    private static String isRequired(String path) {
        return "The " + label(path) + " field is required.";
    }

    private static String mustBeAString(String path) {
        return "The " + label(path) + " field must be a string.";
    }

    private static String selectedIsInvalid(String path) {
        return "The selected " + label(path) + " is invalid.";
    }

    /** As the other messages name fields: {@code throttle_per_minute} reads "throttle per minute". */
    private static String label(String path) {
        return path.replace('_', ' ');
    }
}
