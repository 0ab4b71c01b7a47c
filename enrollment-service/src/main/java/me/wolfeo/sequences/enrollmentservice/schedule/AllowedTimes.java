package me.wolfeo.sequences.enrollmentservice.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.holidays.PublicHolidays;

/**
 * When a schedule lets a step run, for a contact in a given time zone.
 * <p>
 * An instant is allowed when its local date in the contact's zone is allowed (any day, or Monday to Friday on
 * {@code business_days}; not a public holiday of the schedule's country) and, with a window, it lies in that date's
 * window. A day's window opens the first moment the contact's clock reads the open time or later, and closes the
 * first moment it reads the close time or later; a step is allowed exactly at open, not exactly at close (it moves to
 * the next allowed day's open). So across daylight-saving changes:
 * <ul>
 * <li>an open (or close) time inside the spring gap is the end of the gap: a 02:30 open in New York on the day clocks
 * jump from 02:00 to 03:00 opens at 03:00 EDT (not at 03:30, where {@link ZonedDateTime#of} would put it, which can
 * be past the close); a window entirely inside the gap is empty that day;</li>
 * <li>an open (or close) time inside the repeated autumn hour is its first occurrence, at the earlier offset; a
 * window that has closed does not reopen when the clock is set back.</li>
 * </ul>
 * A due instant that is not allowed moves to the first allowed instant after it, looking at most
 * {@value #MAX_DAYS_AHEAD} days ahead. A valid schedule always allows an instant within a week or two (its window
 * is not empty and every week has business days), so none is found only when the holiday data is broken; then the
 * step runs when it is due, and a warning says why: a step held back for ever would be lost.
 */
@ApplicationScoped
public class AllowedTimes {

    static final int MAX_DAYS_AHEAD = 400;

    private static final Logger LOG = Logger.getLogger(AllowedTimes.class);

    /** Whether a date is a holiday of the schedule's calendar; replaced in tests by calendars no country has. */
    interface HolidayCalendar {

        boolean isHoliday(Schedule.Holidays holidays, LocalDate date);
    }

    private final HolidayCalendar holidays;

    public AllowedTimes() {
        this((calendar, date) -> PublicHolidays.isHoliday(calendar.country(), calendar.subdivision(), date));
    }

    AllowedTimes(HolidayCalendar holidays) {
        this.holidays = holidays;
    }

    /** The first instant at or after {@code due} when the schedule lets the step run, and why it moved. */
    public NextAllowed next(Schedule schedule, ZoneId contactZone, Instant due) {
        if (!schedule.limitsTimes()) {
            return new NextAllowed(due, null);
        }
        LocalDate dueDate = due.atZone(contactZone).toLocalDate();
        WaitReason reason = refusal(schedule, contactZone, due, dueDate);
        if (reason == null) {
            return new NextAllowed(due, null);
        }
        for (int day = 0; day <= MAX_DAYS_AHEAD; day++) {
            LocalDate date = dueDate.plusDays(day);
            if (dayRefusal(schedule, date) != null) {
                continue;
            }
            Instant opens = opening(schedule.window(), date, contactZone);
            Instant closes = closing(schedule.window(), date, contactZone);
            if (opens.isBefore(closes) && closes.isAfter(due)) {
                return new NextAllowed(opens.isAfter(due) ? opens : due, reason);
            }
        }
        LOG.warnf("The schedule %s allows no instant in the %d days after %s in %s; the step runs when due",
                schedule, MAX_DAYS_AHEAD, due, contactZone);
        return new NextAllowed(due, null);
    }

    /** Why the schedule does not let a step run at that instant; empty when it does. */
    public Optional<WaitReason> refusal(Schedule schedule, ZoneId contactZone, Instant at) {
        if (!schedule.limitsTimes()) {
            return Optional.empty();
        }
        return Optional.ofNullable(refusal(schedule, contactZone, at, at.atZone(contactZone).toLocalDate()));
    }

    private WaitReason refusal(Schedule schedule, ZoneId zone, Instant at, LocalDate localDate) {
        WaitReason dayRefusal = dayRefusal(schedule, localDate);
        if (dayRefusal != null) {
            return dayRefusal;
        }
        boolean inWindow = !at.isBefore(opening(schedule.window(), localDate, zone))
                && at.isBefore(closing(schedule.window(), localDate, zone));
        return inWindow ? null : WaitReason.WINDOW;
    }

    private WaitReason dayRefusal(Schedule schedule, LocalDate date) {
        if (schedule.days() == Schedule.Days.BUSINESS_DAYS
                && (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            return WaitReason.WEEKEND;
        }
        if (schedule.holidays() != null && holidays.isHoliday(schedule.holidays(), date)) {
            return WaitReason.HOLIDAY;
        }
        return null;
    }

    private static Instant opening(Schedule.Window window, LocalDate date, ZoneId zone) {
        return firstReading(date, window == null ? LocalTime.MIDNIGHT : window.open(), zone);
    }

    private static Instant closing(Schedule.Window window, LocalDate date, ZoneId zone) {
        return window == null
                ? firstReading(date.plusDays(1), LocalTime.MIDNIGHT, zone)
                : firstReading(date, window.close(), zone);
    }

    /** The first moment the clock of that zone reads that date and time, or a later time of that date. */
    private static Instant firstReading(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return local.atZone(zone).toInstant();
        }
        // In a gap the clock never reads that time, and first reads a later one when the gap ends; in an overlap it
        // reads it twice, first with the offset from before the change.
        return transition.isGap() ? transition.getInstant() : local.toInstant(transition.getOffsetBefore());
    }
}
