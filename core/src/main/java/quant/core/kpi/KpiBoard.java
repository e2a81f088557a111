package quant.core.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quant.core.analysis.AsOf;
import quant.core.analysis.Commercial;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.forecast.business.ForecastAccuracy;
import quant.core.job.JobMonitor;

/**
 * Every KPI of the registry over a period at an as-of date, judged: by the KPI's target rows when
 * there are any ({@link KpiTargets}), otherwise by its change from the same days a year earlier — a
 * warning when it moved the wrong way by the warning share (kpi.warningVariance) or more, critical by
 * the critical share; with the last {@value KpiPeriod#HISTORY} periods for the sparkline. The
 * attainment without a target is 1 − (adverse change ÷ critical share), clamped to 0–1.
 */
public final class KpiBoard {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(
            Snapshot.Customers.PART,
            Snapshot.Jobs.PART,
            Snapshot.Invoices.PART,
            Operations.Technicians.PART,
            Operations.Deals.PART,
            Operations.StageHistory.PART,
            Operations.Expenses.PART,
            Operations.Spend.PART,
            Commercial.Targets.PART);

    private KpiBoard() {}

    /** The period and as-of date asked for. */
    public record Spec(KpiPeriod period, Optional<LocalDate> asOf) {}

    public static KpiResult run(Snapshot s, Spec spec, KpiInputs in, JobMonitor monitor) {
        if (s.jobs().size() == 0) {
            throw new InvalidSpecException("The database holds no jobs yet: import them first.");
        }
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        monitor.progress(0, Kpi.values().length + 1, "Comparing saved forecasts with what happened");
        List<ForecastAccuracy.Run> runs =
                ForecastAccuracy.run(s, in.savedForecasts(), monitor).runs();
        KpiMeasures measures = new KpiMeasures(
                s, asOf.day(), in.inactivityDays(), in.openingCash(), s.lastActivityDay(), runs, monitor);
        KpiTargets targets = new KpiTargets(
                s.targets(), in.rules().warningVariance(), in.rules().criticalVariance());
        List<Window> windows = spec.period().history(asOf.date(), KpiPeriod.HISTORY);
        Window current = windows.getLast();
        List<KpiValue> values = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int step = 1;
        for (Kpi k : Kpi.values()) {
            monitor.checkCancelled();
            monitor.progress(step++, Kpi.values().length + 1, k.title());
            values.add(judge(k, windows, measures, targets, in));
        }
        if (in.openingCash().isEmpty()) {
            notes.add("Cash runway needs the opening cash balance: set cash.openingBalance in the business settings.");
        }
        if (in.savedForecasts().isEmpty()) {
            notes.add("Forecast accuracy needs saved forecasts: save one in a forecast view or with quant forecast"
                    + " --save.");
        }
        if (!current.complete()) {
            notes.add("The " + spec.period().key() + " " + current.label() + " runs to " + asOf.date()
                    + " only; flow targets are scaled to its days and it is compared with the same days a year"
                    + " earlier.");
        }
        List<String> definitions = new ArrayList<>();
        for (Kpi k : Kpi.values()) {
            definitions.add(k.title() + ": " + k.definition());
        }
        definitions.add("Status: by the KPI's target rows (kpi_target) and their warning and critical levels; without"
                + " a target row, by the change from the same days a year earlier (warning "
                + percent(in.rules().warningVariance()) + ", critical "
                + percent(in.rules().criticalVariance())
                + " the wrong way). A level counts as reached when the value is at it or beyond it.");
        return new KpiResult(asOf, spec.period().key(), current, in.currency(), values, notes, definitions);
    }

    static KpiValue judge(Kpi k, List<Window> windows, KpiMeasures measures, KpiTargets targets, KpiInputs in) {
        List<KpiValue.Point> history = new ArrayList<>();
        double value = Double.NaN;
        Judged last = null;
        for (Window w : windows) {
            double v = measures.value(k, w);
            Judged j = judged(k, w, v, measures, targets, in);
            history.add(new KpiValue.Point(
                    w.label(), w.to(), finite(v), j.status.key(), j.warning, j.critical, finite(j.attainment)));
            value = v;
            last = j;
        }
        Window w = windows.getLast();
        return new KpiValue(
                k.id(),
                k.title(),
                k.section().key(),
                w.label(),
                w.from(),
                w.to(),
                finite(value),
                k.unit().key(),
                last.target == null ? null : finite(last.target.target()),
                last.warning,
                last.critical,
                last.status.key(),
                last.basis,
                finite(last.comparison),
                finite(last.change),
                finite(last.attainment),
                k.analysis(),
                history);
    }

    /** A value judged: its status, on what basis, and its levels. */
    record Judged(
            KpiStatus status,
            String basis,
            KpiTarget target,
            Double warning,
            Double critical,
            double comparison,
            double change,
            double attainment) {}

    static Judged judged(Kpi k, Window w, double v, KpiMeasures measures, KpiTargets targets, KpiInputs in) {
        double prior = measures.value(k, w.yearEarlier());
        double change =
                Double.isFinite(prior) && prior != 0 && Double.isFinite(v) ? (v - prior) / Math.abs(prior) : Double.NaN;
        Optional<KpiTarget> t = targets.of(k, w);
        if (t.isPresent()) {
            KpiTarget target = t.get();
            return new Judged(
                    Double.isFinite(v) ? target.status(v) : KpiStatus.NONE,
                    "target",
                    target,
                    target.warning(),
                    target.critical(),
                    prior,
                    change,
                    target.attainment(v));
        }
        if (!Double.isFinite(change)) {
            return new Judged(KpiStatus.NONE, "none", null, null, null, prior, change, Double.NaN);
        }
        double wv = in.rules().warningVariance();
        double cv = in.rules().criticalVariance();
        double sign = k.higherIsBetter() ? -1 : 1;
        double warning = prior + sign * wv * Math.abs(prior);
        double critical = prior + sign * cv * Math.abs(prior);
        double adverse = k.higherIsBetter() ? -change : change;
        return new Judged(
                KpiStatus.of(v, warning, critical, k.higherIsBetter()),
                "last year",
                null,
                warning,
                critical,
                prior,
                change,
                Math.max(0, Math.min(1, 1 - Math.max(0, adverse) / cv)));
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", share * 100);
    }
}
