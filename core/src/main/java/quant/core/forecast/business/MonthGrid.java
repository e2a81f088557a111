package quant.core.forecast.business;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import quant.core.analysis.Snapshot;

/**
 * Calendar months around an as-of date, as the store forecasts use them. The history is the whole
 * months from {@code first} up to the as-of date: when the as-of date is a month's last day that
 * month is complete, otherwise it is the first month ahead. A window of days after the as-of date
 * covers some months ahead wholly and one partly; a month's forecast counts in a window by the
 * share of its days inside it (values are taken as spread evenly over their month).
 *
 * @param first the first month of the history (its first day)
 * @param complete the number of complete months from {@code first}
 * @param asOf the as-of date
 */
public record MonthGrid(LocalDate first, int complete, LocalDate asOf) {
    public MonthGrid {
        if (complete < 0) {
            throw new IllegalArgumentException("complete months cannot be negative");
        }
    }

    /**
     * The grid from the month of {@code firstDay} (the next month when that day is not the first: a
     * partial first month would read as a dip) to {@code asOf}.
     */
    public static MonthGrid of(int firstDay, LocalDate asOf) {
        LocalDate d = LocalDate.ofEpochDay(firstDay);
        LocalDate first = d.getDayOfMonth() == 1 ? d : d.withDayOfMonth(1).plusMonths(1);
        LocalDate end = asOf.plusDays(1).withDayOfMonth(1); // the first month not complete
        int complete = (int) Math.max(0, ChronoUnit.MONTHS.between(first, end));
        return new MonthGrid(first, complete, asOf);
    }

    /** The first day of month {@code k} (0 = {@code first}; k ≥ complete for months ahead). */
    public LocalDate month(int k) {
        return first.plusMonths(k);
    }

    /** The index of the month holding {@code day}, or -1 before {@code first}. */
    public int index(int day) {
        if (day == Snapshot.NO_DAY) {
            return -1;
        }
        LocalDate d = LocalDate.ofEpochDay(day);
        return d.isBefore(first) ? -1 : (int) ChronoUnit.MONTHS.between(first, d.withDayOfMonth(1));
    }

    /** The number of months ahead whose days reach into the window of {@code days} after the as-of date. */
    public int monthsAhead(int days) {
        LocalDate last = asOf.plusDays(days);
        return index((int) last.toEpochDay()) - complete + 1;
    }

    /**
     * The share of month-ahead {@code k} (0 = the first month not complete) inside the days
     * {@code (asOf, asOf + days]}.
     */
    public double share(int k, int days) {
        LocalDate start = month(complete + k);
        LocalDate end = start.plusMonths(1); // exclusive
        LocalDate from = asOf.plusDays(1).isAfter(start) ? asOf.plusDays(1) : start;
        LocalDate to = asOf.plusDays(days + 1L).isBefore(end) ? asOf.plusDays(days + 1L) : end;
        long inside = Math.max(0, ChronoUnit.DAYS.between(from, to));
        return inside / (double) ChronoUnit.DAYS.between(start, end);
    }

    /** "2025-12" for month k. */
    public String label(int k) {
        return month(k).toString().substring(0, 7);
    }
}
