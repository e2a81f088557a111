package quant.core.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A regular series: one value per period from {@code start}, NaN where a period has no value.
 *
 * @param frequency the spacing of the periods
 * @param start the first period's date (the first day of a month, quarter or year; any day for days and weeks)
 */
public record TimeSeries(Frequency frequency, LocalDate start, double[] values) {
    /** Period spacings and their usual season lengths. */
    public enum Frequency {
        DAY(7, "day"),
        WEEK(52, "week"),
        MONTH(12, "month"),
        QUARTER(4, "quarter"),
        YEAR(1, "year"),
        /** Values without dates: periods numbered 1, 2, … */
        INDEX(1, "period");

        private final int season;
        private final String noun;

        Frequency(int season, String noun) {
            this.season = season;
            this.noun = noun;
        }

        /** The season length used when the user gives none. */
        public int season() {
            return season;
        }

        public String noun() {
            return noun;
        }

        /** The date of period {@code k} after {@code start}. */
        public LocalDate plus(LocalDate start, long k) {
            return switch (this) {
                case DAY -> start.plusDays(k);
                case WEEK -> start.plusWeeks(k);
                case MONTH -> start.plusMonths(k);
                case QUARTER -> start.plusMonths(3 * k);
                case YEAR -> start.plusYears(k);
                case INDEX -> start.plusDays(k);
            };
        }

        /** Whole periods from a to b. */
        public long between(LocalDate a, LocalDate b) {
            return switch (this) {
                case DAY, INDEX -> ChronoUnit.DAYS.between(a, b);
                case WEEK -> ChronoUnit.WEEKS.between(a, b);
                case MONTH -> ChronoUnit.MONTHS.between(a, b);
                case QUARTER -> ChronoUnit.MONTHS.between(a, b) / 3;
                case YEAR -> ChronoUnit.YEARS.between(a, b);
            };
        }

        /** How a period is written: 2025-03 for months, 2025-Q1 for quarters, 2025 for years, the date otherwise. */
        public String label(LocalDate date, long index) {
            return switch (this) {
                case MONTH -> date.toString().substring(0, 7);
                case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(date.getYear());
                case INDEX -> String.valueOf(index + 1);
                default -> date.toString();
            };
        }
    }

    public int length() {
        return values.length;
    }

    /** The label of period k (0 = the first; k ≥ length() for periods ahead). */
    public String label(int k) {
        return frequency.label(frequency.plus(start, k), k);
    }

    public LocalDate date(int k) {
        return frequency.plus(start, k);
    }

    /** The labels of the h periods after the last. */
    public List<String> labelsAhead(int h) {
        return java.util.stream.IntStream.range(0, h)
                .mapToObj(k -> label(values.length + k))
                .toList();
    }
}
