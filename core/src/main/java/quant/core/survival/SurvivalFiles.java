package quant.core.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.stats.KaplanMeier;
import quant.core.stats.Weibull;

/**
 * The survival analyses of a file ({@code quant stats survival|weibull}): the generic twins of the
 * equipment analysis, for analysts and for checking against published results. No as-of date.
 */
public final class SurvivalFiles {
    private SurvivalFiles() {}

    /**
     * One group's Kaplan–Meier estimate.
     *
     * @param median the first time at which the curve is at or below one half; NaN (null in JSON) when it
     *     never is
     * @param from the age the curve starts at: the youngest entry with delayed entry, else 0
     */
    public record Group(
            String group,
            int subjects,
            int events,
            double median,
            List<KaplanMeier.Step> steps,
            @com.fasterxml.jackson.annotation.JsonIgnore KaplanMeier estimate,
            @com.fasterxml.jackson.annotation.JsonIgnore double from) {}

    /** The estimate per group of a file. */
    public record Survival(String file, boolean delayedEntry, List<Group> groups) {}

    /** The Weibull fit of a file's times. */
    public record WeibullFit(
            String file,
            boolean delayedEntry,
            int subjects,
            int events,
            double shape,
            double shapeLower,
            double shapeUpper,
            double scale,
            double scaleLower,
            double scaleUpper,
            double logLikelihood) {}

    /** Kaplan–Meier per group, groups in the order they first appear in the file. */
    public static Survival kaplanMeier(SurvivalCsv data) {
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, int[]> g : data.groups().entrySet()) {
            int[] rows = g.getValue();
            double[] entry = data.entry(rows);
            KaplanMeier km = KaplanMeier.of(data.time(rows), data.event(rows), entry);
            double from =
                    entry == null ? 0 : java.util.Arrays.stream(entry).min().orElse(0);
            groups.add(new Group(g.getKey(), km.subjects(), km.events(), km.median(), km.steps(), km, from));
        }
        return new Survival(data.file(), data.entry() != null, List.copyOf(groups));
    }

    /**
     * The Weibull fit of all the file's rows.
     *
     * @throws quant.core.stats.ModelFitException when the data cannot support a fit, in one sentence
     */
    public static WeibullFit weibull(SurvivalCsv data) {
        Weibull.Fit f = Weibull.fit(data.time(), data.event(), data.entry());
        return new WeibullFit(
                data.file(),
                data.entry() != null,
                f.subjects(),
                f.events(),
                f.model().shape(),
                f.shapeLower(),
                f.shapeUpper(),
                f.model().scale(),
                f.scaleLower(),
                f.scaleUpper(),
                f.logLikelihood());
    }

    /** The Kaplan–Meier report: a table of steps per group and the curves. */
    public static Report report(Survival s) {
        Report.Builder b = Report.builder("stats-survival", "Kaplan–Meier survival of " + s.file(), null)
                .spec("Delayed entry", s.delayedEntry() ? "yes" : "no");
        List<Row> rows = new ArrayList<>();
        for (Group g : s.groups()) {
            for (KaplanMeier.Step step : g.steps()) {
                rows.add(new Row(g.group(), step));
            }
            b.figure(KeyFigure.text(
                    "median-" + g.group(),
                    "Median, " + g.group(),
                    Double.isFinite(g.median()) ? number(g.median()) : "not reached",
                    g.events() + " events of " + g.subjects()));
        }
        b.table(new ReportTable<>(
                "steps",
                "The curve at each event time",
                List.of(
                        Column.text("group", "Group", "", Row::group),
                        Column.decimal("time", "Time", "", 2, "", r -> r.step().time()),
                        Column.integer("at-risk", "At risk", "", "Subjects at risk at that time", r -> r.step()
                                .atRisk()),
                        Column.integer("events", "Events", "", "", r -> r.step().events()),
                        Column.decimal("survival", "Survival", "", 4, "S(t)", r -> r.step()
                                .survival()),
                        Column.decimal("std-err", "Std. error", "", 4, "Greenwood", r -> r.step()
                                .stdErr()),
                        Column.decimal("lower", "Lower 95 %", "", 4, "exp(ln S − 1.96 se(ln S))", r -> r.step()
                                .lower()),
                        Column.decimal("upper", "Upper 95 %", "", 4, "capped at 1", r -> r.step()
                                .upper())),
                rows));
        b.chart(
                "curves",
                "Survival curves",
                () -> SurvivalCharts.curves(
                        "Kaplan–Meier survival",
                        "Time",
                        s.groups().stream()
                                .map(g -> new SurvivalCharts.Curve(g.group(), g.estimate(), null, g.from()))
                                .toList()));
        b.definitions(List.of(
                "S(t) = Π (1 − d/n) over the event times up to t; n counts the subjects whose entry is before the"
                        + " time and whose own time is the same or later.",
                "Greenwood: Var(ln S) = Σ d / (n (n − d)); the 95 % interval is S · exp(± 1.96 √Var(ln S)), capped"
                        + " at 1."));
        return b.build();
    }

    /** A row of the steps table. */
    private record Row(String group, KaplanMeier.Step step) {}

    /** The Weibull report: the estimates with their intervals. */
    public static Report report(WeibullFit w) {
        Report.Builder b = Report.builder("stats-weibull", "Weibull fit of " + w.file(), null)
                .spec("Delayed entry", w.delayedEntry() ? "yes" : "no");
        b.figure(KeyFigure.decimal(
                "shape",
                "Shape",
                w.shape(),
                "",
                3,
                "95 % " + number(w.shapeLower()) + " to " + number(w.shapeUpper())));
        b.figure(KeyFigure.decimal(
                "scale",
                "Scale",
                w.scale(),
                "",
                3,
                "95 % " + number(w.scaleLower()) + " to " + number(w.scaleUpper())));
        b.figure(KeyFigure.count("events", "Failures", w.events(), "", "of " + w.subjects() + " subjects"));
        b.figure(KeyFigure.decimal("log-likelihood", "Log-likelihood", w.logLikelihood(), "", 3, "at the estimate"));
        b.note(
                w.shape() > 1
                        ? "The failure rate rises with age (shape above 1): wear-out, where servicing by age helps."
                        : "The failure rate does not rise with age (shape 1 or below): servicing by age does not prevent"
                                + " failures.");
        b.definitions(
                List.of(
                        "S(t) = exp(−(t/scale)^shape), fitted by maximum likelihood with censored times and delayed"
                                + " entries; the 95 % intervals are exp(ln estimate ± 1.96 se) from the observed information."));
        return b.build();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.3f", v);
    }
}
