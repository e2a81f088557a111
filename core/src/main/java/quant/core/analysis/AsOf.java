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
            return new AsOf(given.get(), false);
        }
        int last = snapshot.lastActivityDay();
        if (last == Snapshot.NO_DAY) {
            throw new InvalidSpecException(
                    "The database holds no jobs yet, so there is no date to compute at: import jobs or give an as-of date.");
        }
        return new AsOf(LocalDate.ofEpochDay(last), true);
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
