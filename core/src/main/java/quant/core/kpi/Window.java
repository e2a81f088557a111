package quant.core.kpi;

import java.time.LocalDate;

/**
 * The days a KPI is measured over, both ends included. Flow KPIs (revenue, new customers) add up
 * what happened in it; stock KPIs (DSO, cash runway) are read at its last day.
 *
 * @param from the first day
 * @param to the last day
 * @param label how it is named: {@code 2025-12}, {@code 2025-Q4}, {@code 2025 YTD}
 * @param complete whether it runs to its period's natural end (a whole month, not a month to date)
 */
public record Window(LocalDate from, LocalDate to, String label, boolean complete) {
    public Window {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends on or after it starts: " + from + " to " + to);
        }
    }

    public int fromDay() {
        return (int) from.toEpochDay();
    }

    public int toDay() {
        return (int) to.toEpochDay();
    }

    /** Whether the day lies in the window. */
    public boolean contains(int day) {
        return day >= fromDay() && day <= toDay();
    }

    /** The same days a year earlier: the comparison period ("same month last year"). */
    public Window yearEarlier() {
        return new Window(from.minusYears(1), to.minusYears(1), label + " a year earlier", complete);
    }

    /** "2025-12-01 to 2025-12-31". */
    public String span() {
        return from + " to " + to;
    }
}
