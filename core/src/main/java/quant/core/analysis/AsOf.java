package quant.core.analysis;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The date an analysis is computed at. By default it is the last activity date in the data (the
 * latest day a job was requested or completed, see {@link Snapshot#lastActivityDay()}), never the
 * wall clock, so the same data give the same figures on any day; a user can always give another.
 *
 * @param date the day, inclusive: activity on it counts
 * @param fromData whether the date was taken from the data rather than given
 */
public record AsOf(LocalDate date, boolean fromData) {
    public AsOf {
        if (date == null) {
            throw new IllegalArgumentException("an as-of date is needed");
        }
    }

    /**
     * The given date, or the data's last activity date.
     *
     * @throws InvalidSpecException when no date is given and the data hold no jobs to take one from
     */
    public static AsOf resolve(Snapshot snapshot, Optional<LocalDate> given) {
        if (given.isPresent()) {
            return new AsOf(check(given.get(), snapshot.lastActivityDay()), false);
        }
        int last = snapshot.lastActivityDay();
        if (last == Snapshot.NO_DAY) {
            throw new InvalidSpecException(
                    "The database holds no jobs yet, so there is no date to compute at: import jobs or give an as-of date.");
        }
        return new AsOf(LocalDate.ofEpochDay(last), true);
    }

    /** How many years past the data's last activity an as-of date may be: forecasts and ages grow with it. */
    public static final int MAX_YEARS_AHEAD = 10;

    /** The first year an as-of date may be in. */
    public static final int FIRST_YEAR = 1900;

    /**
     * A date a user gave, checked: not before {@value #FIRST_YEAR}, and not more than {@value
     * #MAX_YEARS_AHEAD} years after {@code lastActivityDay} (the data's last activity, or {@link
     * Snapshot#NO_DAY} when there is none): a date far beyond the data would make every cohort, age and
     * forecast step up to it.
     *
     * @throws InvalidSpecException saying which dates are accepted
     */
    public static LocalDate check(LocalDate date, int lastActivityDay) {
        if (date.getYear() < FIRST_YEAR) {
            throw new InvalidSpecException(
                    "The as-of date " + date + " is before " + FIRST_YEAR + "; give a date in the years of the data.");
        }
        if (lastActivityDay != Snapshot.NO_DAY) {
            LocalDate last = LocalDate.ofEpochDay(lastActivityDay);
            LocalDate latest = last.plusYears(MAX_YEARS_AHEAD);
            if (date.isAfter(latest)) {
                throw new InvalidSpecException("The as-of date " + date + " is more than " + MAX_YEARS_AHEAD
                        + " years after the last activity in the data (" + last + "); give a date up to " + latest
                        + ".");
            }
        }
        return date;
    }

    /** The date as days since 1970-01-01, as the snapshot's day columns hold them. */
    public int day() {
        return (int) date.toEpochDay();
    }

    /** "2025-12-31 (last activity in the data)" or "2025-06-30 (chosen)". */
    public String describe() {
        return date + (fromData ? " (last activity in the data)" : " (chosen)");
    }
}
