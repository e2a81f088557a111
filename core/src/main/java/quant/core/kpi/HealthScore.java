package quant.core.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import quant.core.settings.KpiRules;

/**
 * The health score, 0 to 100: each judged KPI's attainment a (0 at its critical level, 1 at its
 * target; see {@link KpiTarget#attainment}) is averaged within its section, and the sections'
 * scores are weighted by the health weights of the settings, renormalised over the sections with at
 * least one judged KPI. A KPI's contribution is 100 × (its section's weight share) ÷ (judged KPIs in
 * the section) × a points, so the contributions add up to the score; at its target it would give its
 * maximum points. The trend applies the same weights to each earlier period of the KPIs' history.
 */
public final class HealthScore {
    private HealthScore() {}

    public static HealthResult of(KpiResult kpis, KpiRules rules) {
        double[] weights = rules.weights();
        int periods = kpis.kpis().getFirst().history().size();
        List<HealthResult.Point> trend = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            int at = i;
            Scored s = score(kpis, weights, v -> attainment(v.history().get(at).attainment()));
            KpiValue.Point p = kpis.kpis().getFirst().history().get(i);
            trend.add(new HealthResult.Point(p.period(), p.to(), s.overall));
        }
        Scored now = score(kpis, weights, v -> attainment(v.attainment()));
        List<HealthResult.SectionScore> sections = new ArrayList<>();
        List<HealthResult.Contribution> contributions = new ArrayList<>();
        for (Section sec : Section.values()) {
            List<KpiValue> in = kpis.section(sec);
            int judged = (int) in.stream().filter(v -> v.attainment() != null).count();
            double share = now.share[sec.ordinal()];
            sections.add(new HealthResult.SectionScore(
                    sec.key(), sec.title(), share, finite(now.section[sec.ordinal()]), judged, in.size()));
            for (KpiValue v : in) {
                if (v.attainment() == null) {
                    continue;
                }
                double max = 100 * share / judged;
                contributions.add(new HealthResult.Contribution(
                        v.id(), v.name(), v.section(), v.status(), v.attainment(), max * v.attainment(), max));
            }
        }
        List<String> definitions = List.of(
                "Attainment of a KPI: 0 at its critical level (or at the critical change from last year), 1 at its"
                        + " target (or at last year's value or better), in between in proportion.",
                "Section score: 100 × the mean attainment of its judged KPIs.",
                "Health score: the section scores weighted by the health weights (finance "
                        + w(weights, 0) + ", operations " + w(weights, 1) + ", customers " + w(weights, 2)
                        + ", sales and marketing " + w(weights, 3) + ", risk " + w(weights, 4)
                        + "), over the sections with a judged KPI.",
                "Contribution: the points a KPI adds to the health score; the most it can add is its section's"
                        + " share ÷ the section's judged KPIs × 100.");
        return new HealthResult(
                kpis.asOf(),
                kpis.period() + " " + kpis.window().label(),
                finite(now.overall),
                sections,
                contributions,
                trend,
                definitions);
    }

    private record Scored(double overall, double[] section, double[] share) {}

    private static Scored score(KpiResult kpis, double[] weights, ToDoubleFunction<KpiValue> attainment) {
        Section[] all = Section.values();
        double[] section = new double[all.length];
        double[] share = new double[all.length];
        double weightSum = 0;
        for (Section sec : all) {
            double sum = 0;
            int n = 0;
            for (KpiValue v : kpis.section(sec)) {
                double a = attainment.applyAsDouble(v);
                if (Double.isFinite(a)) {
                    sum += a;
                    n++;
                }
            }
            section[sec.ordinal()] = n > 0 ? 100 * sum / n : Double.NaN;
            if (n > 0) {
                weightSum += weights[sec.ordinal()];
            }
        }
        double overall = 0;
        for (Section sec : all) {
            double sc = section[sec.ordinal()];
            share[sec.ordinal()] = Double.isFinite(sc) && weightSum > 0 ? weights[sec.ordinal()] / weightSum : 0;
            overall += Double.isFinite(sc) ? share[sec.ordinal()] * sc : 0;
        }
        return new Scored(weightSum > 0 ? overall : Double.NaN, section, share);
    }

    private static double attainment(Double a) {
        return a == null ? Double.NaN : a;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String w(double[] weights, int i) {
        return String.format(Locale.ROOT, "%.0f", weights[i]);
    }
}
