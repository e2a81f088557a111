package quant.core.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * One KPI over one period, judged.
 *
 * @param id the KPI's id
 * @param name its name
 * @param section the section key ({@code finance}, {@code operations}, {@code customers}, {@code sales},
 *     {@code risk})
 * @param period the period's label: {@code 2025-12}, {@code 2025-Q4}, {@code 2025 YTD}
 * @param from its first day
 * @param to its last day (the as-of date for the current period)
 * @param value the value, null when it cannot be measured
 * @param unit {@code money}, {@code count}, {@code fraction}, {@code days}, {@code months}, {@code ratio} or
 *     {@code rating}
 * @param target the target over the period, null without a target row
 * @param warning the warning level (the target's, or last year's value × the variance setting)
 * @param critical the critical level
 * @param status {@code ok}, {@code warning}, {@code critical} or {@code none}
 * @param basis what the status is judged by: {@code target}, {@code last year} or {@code none}
 * @param comparison the value over the same days a year earlier, null when not measurable
 * @param change (value − comparison) ÷ |comparison|, null without both
 * @param attainment 0 to 1, how far from the critical level to the target (or to last year's value)
 *     the value has come; null when not judged
 * @param view the id of the analysis whose view explains the KPI
 * @param history the last periods, oldest first, this one last (the sparkline)
 */
public record KpiValue(
        String id,
        String name,
        String section,
        String period,
        LocalDate from,
        LocalDate to,
        Double value,
        String unit,
        Double target,
        Double warning,
        Double critical,
        String status,
        String basis,
        Double comparison,
        Double change,
        Double attainment,
        String view,
        List<Point> history) {
    public KpiValue {
        history = List.copyOf(history);
    }

    /**
     * One period of the sparkline, judged as the KPI is.
     *
     * @param warning the warning level it was judged by, null when not judged
     * @param critical the critical level, null when not judged
     * @param attainment 0 to 1 (see {@link KpiValue#attainment}), null when not judged
     */
    public record Point(
            String period,
            LocalDate to,
            Double value,
            String status,
            Double warning,
            Double critical,
            Double attainment) {}

    /** The registry entry. */
    public Kpi kpi() {
        return Kpi.byId(id).orElseThrow();
    }

    public KpiStatus level() {
        return KpiStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    }

    /** The value, NaN when there is none. */
    public double number() {
        return value == null ? Double.NaN : value;
    }
}
