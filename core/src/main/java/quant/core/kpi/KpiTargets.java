package quant.core.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import quant.core.analysis.Commercial;

/**
 * Finds a KPI's target for a window in the {@code kpi_target} rows. A level KPI takes the row whose
 * period holds the window's last day. A flow KPI's rows give a target per month: the window's target
 * is the sum, over the months it touches, of that month's row × the share of the month's days in the
 * window (so the month to the 15th of a 30-day month is held to half the month's target); every
 * month needs a row. A {@code *_pct} row is in percent. A row without a warning or critical level gets
 * one at the variance settings' distance from its target.
 */
public final class KpiTargets {
    private final Commercial.Targets rows;
    private final double warningVariance;
    private final double criticalVariance;

    /**
     * @param warningVariance share off the target that makes a warning where a row has no warning level
     * @param criticalVariance likewise for critical
     */
    public KpiTargets(Commercial.Targets rows, double warningVariance, double criticalVariance) {
        this.rows = rows;
        this.warningVariance = warningVariance;
        this.criticalVariance = criticalVariance;
    }

    /** The target over the window, if the rows give one. */
    public Optional<KpiTarget> of(Kpi kpi, Window w) {
        double scale = kpi.targetInPercent() ? 0.01 : 1;
        if (!kpi.isFlow()) {
            int row = rows.find(kpi.targetKey(), w.toDay());
            return row < 0 ? Optional.empty() : Optional.of(target(row, 1, scale));
        }
        double target = 0;
        double warning = 0;
        double critical = 0;
        boolean derived = false;
        boolean higher = kpi.higherIsBetter();
        LocalDate firstRowStart = null;
        LocalDate lastRowEnd = null;
        for (YearMonth m = YearMonth.from(w.from()); !m.isAfter(YearMonth.from(w.to())); m = m.plusMonths(1)) {
            LocalDate a = m.atDay(1).isBefore(w.from()) ? w.from() : m.atDay(1);
            LocalDate b = m.atEndOfMonth().isAfter(w.to()) ? w.to() : m.atEndOfMonth();
            int row = rows.find(kpi.targetKey(), (int) a.toEpochDay());
            if (row < 0) {
                return Optional.empty();
            }
            double share = (b.toEpochDay() - a.toEpochDay() + 1) / (double) m.lengthOfMonth();
            KpiTarget t = target(row, share, scale);
            target += t.target();
            warning += t.warning();
            critical += t.critical();
            derived |= t.derivedLevels();
            higher = t.higherIsBetter();
            LocalDate start = LocalDate.ofEpochDay(rows.startDay(row));
            LocalDate end = LocalDate.ofEpochDay(rows.endDay(row));
            firstRowStart = firstRowStart == null || start.isBefore(firstRowStart) ? start : firstRowStart;
            lastRowEnd = lastRowEnd == null || end.isAfter(lastRowEnd) ? end : lastRowEnd;
        }
        return Optional.of(new KpiTarget(
                target, warning, critical, higher, derived, "target " + firstRowStart + " to " + lastRowEnd));
    }

    private KpiTarget target(int row, double share, double scale) {
        double t = rows.target(row) * scale * share;
        boolean higher = rows.higherIsBetter(row);
        double w = rows.warning(row);
        double c = rows.critical(row);
        boolean derived = Double.isNaN(w) || Double.isNaN(c);
        double sign = higher ? -1 : 1;
        w = Double.isNaN(w) ? t * (1 + sign * warningVariance) : w * scale * share;
        c = Double.isNaN(c) ? t * (1 + sign * criticalVariance) : c * scale * share;
        return new KpiTarget(
                t,
                w,
                c,
                higher,
                derived,
                "target " + LocalDate.ofEpochDay(rows.startDay(row)) + " to " + LocalDate.ofEpochDay(rows.endDay(row)));
    }
}
