package me.wolfeo.sequences.platform.contract.sequence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * When the steps of a sequence may run, in the contact's time zone. In JSON (the platform's snake_case):
 * {@code {"days": "every_day" | "business_days", "holidays": {"country": "US", "subdivision": "NY"} | null,
 * "window": {"open": "09:00", "close": "17:00"} | null, "timezone": "America/New_York" | null,
 * "throttle_per_minute": 30 | null}}. Client input is checked and read by {@link ScheduleRules}.
 *
 * @param days every day, or Monday to Friday only
 * @param holidays the public holidays to skip; null: holidays are ordinary days
 * @param window the hours of the day in which steps run; null: any hour
 * @param timezone the zone of contacts whose own zone is unknown; null: UTC
 * @param throttlePerMinute at most that many contacts start the sequence per minute; null: no limit
 */
public record Schedule(Days days, Holidays holidays, Window window, ZoneId timezone, Integer throttlePerMinute) {

    /** Any day, any hour, no throttle: the schedule of a sequence that has none. */
    public static final Schedule ANY_TIME = new Schedule(Days.EVERY_DAY, null, null, null, null);

    public Schedule {
        days = Objects.requireNonNullElse(days, Days.EVERY_DAY);
    }

    /** True when some instants are not allowed (the days, holidays or window say so); the throttle aside. */
    public boolean limitsTimes() {
        return days != Days.EVERY_DAY || holidays != null || window != null;
    }

    public enum Days {
        @JsonProperty("every_day")
        EVERY_DAY, @JsonProperty("business_days")
        BUSINESS_DAYS
    }

    /**
     * @param country an ISO 3166-1 alpha-2 code with a Jollyday calendar, upper case
     * @param subdivision the code of one of its first-level subdivisions (ISO 3166-2 without the country), upper
     *        case; null: the country's national holidays only
     */
    public record Holidays(String country, String subdivision) {

        public Holidays {
            Objects.requireNonNull(country, "country");
        }
    }

    /**
     * The hours {@code [open, close)} of each day in which steps run: a step is allowed exactly at {@code open}, not
     * exactly at {@code close}.
     */
    public record Window(@JsonFormat(pattern = "HH:mm") LocalTime open,
            @JsonFormat(pattern = "HH:mm") LocalTime close) {

        public Window {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("A window closes after it opens: " + open + " to " + close);
            }
        }
    }
}
