package quant.core.pack;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import quant.core.analysis.InvalidSpecException;

/**
 * Which period a report pack covers, as a rule resolved at a date — the data's as-of date unless the
 * user asks for the clock:
 *
 * <ul>
 *   <li>{@code last-month}: the last complete month at the date (the month before it, or its own month
 *       when the date is that month's last day);
 *   <li>{@code month:2025-11}: that month;
 *   <li>{@code quarter:2025-Q4}: that quarter;
 *   <li>{@code ytd}: from 1 January of the date's year to the date;
 *   <li>{@code last-week}: the last complete Monday-to-Sunday week at the date (its own week when the
 *       date is a Sunday).
 * </ul>
 *
 * @param text the rule as written
 */
public record PeriodRule(String text) {
    /** The length of a period, which decides what its KPIs cover. */
    public enum Kind {
        WEEK,
        MONTH,
        QUARTER,
        YTD
    }

    /** A period: its days, both ends included, how a document names it, and its length. */
    public record Period(LocalDate from, LocalDate to, String label, Kind kind) {}

    /**
     * Reads a rule.
     *
     * @throws InvalidSpecException naming the rules there are, when {@code text} is none of them
     */
    public static PeriodRule parse(String text) {
        PeriodRule r = new PeriodRule(text == null ? "" : text.strip());
        r.resolve(LocalDate.of(2000, 1, 1));
        return r;
    }

    /**
     * The period at {@code at}.
     *
     * @throws InvalidSpecException when the rule is not one of the four, or names a month or quarter
     *     that does not exist
     */
    public Period resolve(LocalDate at) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("last-month")) {
            YearMonth m = at.equals(YearMonth.from(at).atEndOfMonth())
                    ? YearMonth.from(at)
                    : YearMonth.from(at).minusMonths(1);
            return month(m);
        }
        if (t.equals("ytd")) {
            return new Period(LocalDate.of(at.getYear(), 1, 1), at, at.getYear() + " to " + at, Kind.YTD);
        }
        if (t.equals("last-week")) {
            LocalDate sunday = at.getDayOfWeek() == java.time.DayOfWeek.SUNDAY
                    ? at
                    : at.with(java.time.temporal.TemporalAdjusters.previous(java.time.DayOfWeek.SUNDAY));
            LocalDate monday = sunday.minusDays(6);
            return new Period(
                    monday,
                    sunday,
                    "week " + monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                            + String.format(
                                    Locale.ROOT,
                                    "%02d",
                                    monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    Kind.WEEK);
        }
        if (t.startsWith("month:")) {
            try {
                return month(YearMonth.parse(t.substring("month:".length())));
            } catch (DateTimeParseException e) {
                throw new InvalidSpecException(
                        "A month period is written month:YYYY-MM, e.g. month:2025-11, not \"" + text + "\".");
            }
        }
        if (t.startsWith("quarter:")) {
            String q = t.substring("quarter:".length()).toUpperCase(Locale.ROOT);
            int dash = q.indexOf("-Q");
            try {
                int year = Integer.parseInt(q.substring(0, dash));
                int quarter = Integer.parseInt(q.substring(dash + 2));
                if (dash != 4 || quarter < 1 || quarter > 4 || year < 1900 || year > 2199) {
                    throw new NumberFormatException();
                }
                LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
                return new Period(from, from.plusMonths(3).minusDays(1), year + "-Q" + quarter, Kind.QUARTER);
            } catch (RuntimeException e) {
                throw new InvalidSpecException(
                        "A quarter period is written quarter:YYYY-Qn, e.g. quarter:2025-Q4, not \"" + text + "\".");
            }
        }
        throw new InvalidSpecException(
                "The period must be last-month, month:YYYY-MM, quarter:YYYY-Qn, ytd or last-week, not \"" + text
                        + "\".");
    }

    private static Period month(YearMonth m) {
        if (m.getYear() < 1900 || m.getYear() > 2199) {
            throw new InvalidSpecException("A month period lies in the years 1900 to 2199, not " + m + ".");
        }
        return new Period(m.atDay(1), m.atEndOfMonth(), m.toString(), Kind.MONTH);
    }
}
