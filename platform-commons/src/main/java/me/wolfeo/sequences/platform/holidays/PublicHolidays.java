package me.wolfeo.sequences.platform.holidays;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays of a country, and optionally of one of its first-level subdivisions, from Jollyday's
 * calendars. Countries are ISO 3166-1 alpha-2 codes; Jollyday's calendars that are not countries (stock exchanges,
 * TARGET) are not offered. Codes are matched in any case.
 * <p>
 * A holiday that the law moves off a weekend (US Independence Day 2027, a Sunday, is observed on Monday 5 July)
 * counts on both days. Observances and bank holidays that are not public holidays are ordinary days.
 * <p>
 * Loading a country's calendar takes milliseconds (its XML is parsed), so each is loaded once, and each (country,
 * subdivision, year)'s dates once: a look-up afterwards is a hash look-up.
 */
public final class PublicHolidays {

    private static final Set<String> COUNTRIES = HolidayManager.getSupportedCalendarCodes().stream()
            .map(code -> code.toUpperCase(Locale.ROOT)).filter(code -> code.matches("[A-Z]{2}"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Calendar> CALENDARS = new ConcurrentHashMap<>();
    private static final Map<YearKey, Set<LocalDate>> DATES = new ConcurrentHashMap<>();

    private PublicHolidays() {
    }

    public static boolean isCountry(String country) {
        return country != null && COUNTRIES.contains(country.toUpperCase(Locale.ROOT));
    }

    /** True when the country has a calendar for that first-level subdivision (e.g. US and NY, DE and BY). */
    public static boolean isSubdivision(String country, String subdivision) {
        return isCountry(country) && subdivision != null
                && calendar(country).subdivisionKey(subdivision).isPresent();
    }

    /**
     * True when the date is a public holiday of the country (and subdivision, when not null). An unknown country has
     * no holidays; an unknown subdivision has its country's.
     */
    public static boolean isHoliday(String country, String subdivision, LocalDate date) {
        if (!isCountry(country)) {
            return false;
        }
        String upperCountry = country.toUpperCase(Locale.ROOT);
        String upperSubdivision = subdivision == null ? null : subdivision.toUpperCase(Locale.ROOT);
        return DATES.computeIfAbsent(new YearKey(upperCountry, upperSubdivision, date.getYear()), PublicHolidays::load)
                .contains(date);
    }

    private static Calendar calendar(String country) {
        return CALENDARS.computeIfAbsent(country.toUpperCase(Locale.ROOT), Calendar::load);
    }

    private static Set<LocalDate> load(YearKey key) {
        Calendar calendar = calendar(key.country());
        String[] region = key.subdivision() == null
                ? new String[0]
                : calendar.subdivisionKey(key.subdivision()).map(code -> new String[]{code}).orElse(new String[0]);
        Set<LocalDate> dates = new HashSet<>();
        // A holiday of one year can be observed in the one before (New Year's Day on a Saturday: Friday 31 December).
        for (int year = key.year() - 1; year <= key.year() + 1; year++) {
            for (Holiday holiday : calendar.manager().getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, region)) {
                dates.add(holiday.getDate());
                dates.add(holiday.getActualDate());
            }
        }
        dates.removeIf(date -> date.getYear() != key.year());
        return Set.copyOf(dates);
    }

    private record YearKey(String country, String subdivision, int year) {
    }

    /** One country's Jollyday manager and its subdivision codes (Jollyday's own spelling, by upper-case code). */
    private record Calendar(HolidayManager manager, Map<String, String> subdivisions) {

        static Calendar load(String country) {
            HolidayManager manager = HolidayManager
                    .getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
            Map<String, String> subdivisions = manager.getCalendarHierarchy().getChildren().keySet().stream()
                    .collect(Collectors.toUnmodifiableMap(code -> code.toUpperCase(Locale.ROOT), code -> code,
                            (first, second) -> first));
            return new Calendar(manager, subdivisions);
        }

        Optional<String> subdivisionKey(String subdivision) {
            return Optional.ofNullable(subdivisions.get(subdivision.toUpperCase(Locale.ROOT)));
        }
    }
}
