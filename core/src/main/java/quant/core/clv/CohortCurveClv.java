package quant.core.clv;

import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.Period;
import quant.core.analysis.Snapshot;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;
import quant.core.job.JobMonitor;

/**
 * The cohort-curve lifetime value: the average cohort's monthly margin increments Δ(age) (Σ margin ÷
 * Σ size over the cohorts complete at that age, ages with at least three of them), fitted as
 * Δ = A·e^(−k·age) by least squares on ln Δ weighted by the number of cohorts; observed increments
 * are used where they exist and the fit beyond, discounted monthly over the horizon from acquisition.
 */
final class CohortCurveClv {
    /** Fewer observed months than this and the cohort curve is not fitted. */
    static final int MIN_CURVE_MONTHS = 6;

    private CohortCurveClv() {}

    static ClvResult.CohortCurve of(Snapshot s, ClvSpec spec, JobMonitor monitor) {
        List<String> assumptions = List.of(
                "A new customer's margin follows the average cohort's: observed months as they were, later"
                        + " months on the fitted decay.",
                "Each month's margin per customer is averaged over the cohorts complete at that age, weighted"
                        + " by size; ages with fewer than 3 complete cohorts are not used.",
                "Discounted monthly at " + ClvAnalysis.percent(spec.annualDiscountRate())
                        + " a year; counted from acquisition over " + spec.horizonMonths() + " months.");
        CohortResult cohorts = CohortAnalysis.run(
                s, new CohortSpec(Period.MONTH, CohortMetric.MARGIN, spec.filter(), spec.asOf()), monitor);
        // Δ(age) = Σ margin at that age ÷ Σ size, over the cohorts whose period at that age is complete;
        // the curve chains the increments, so that a changing mix of cohorts never makes it fall
        List<Double> sums = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> weight = new ArrayList<>();
        for (CohortResult.Cohort c : cohorts.cohorts()) {
            for (CohortResult.Cell cell : c.cells()) {
                if (cell.partial()) {
                    continue;
                }
                while (sums.size() <= cell.age()) {
                    sums.add(0.0);
                    sizes.add(0);
                    weight.add(0);
                }
                sums.set(cell.age(), sums.get(cell.age()) + cell.margin());
                sizes.set(cell.age(), sizes.get(cell.age()) + c.size());
                weight.set(cell.age(), weight.get(cell.age()) + 1);
            }
        }
        List<Double> cumulative = new ArrayList<>();
        double running = 0;
        for (int a = 0; a < sums.size() && weight.get(a) >= 3 && sizes.get(a) > 0; a++) {
            running += sums.get(a) / sizes.get(a);
            cumulative.add(running);
        }
        int observed = cumulative.size();
        if (observed < MIN_CURVE_MONTHS + 1) {
            return new ClvResult.CohortCurve(
                    null,
                    null,
                    null,
                    observed,
                    null,
                    points(cumulative, null, null, 0),
                    assumptions,
                    "The cohorts cover " + observed + " months with at least 3 complete cohorts; the curve needs "
                            + (MIN_CURVE_MONTHS + 1) + ".");
        }
        double[] delta = new double[observed];
        for (int a = 0; a < observed; a++) {
            delta[a] = a == 0 ? cumulative.get(0) : cumulative.get(a) - cumulative.get(a - 1);
        }
        // weighted least squares of ln Δ on age, ages ≥ 1 with Δ > 0
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int used = 0;
        for (int a = 1; a < observed; a++) {
            if (delta[a] > 0) {
                double w = weight.get(a);
                double y = Math.log(delta[a]);
                sw += w;
                sx += w * a;
                sy += w * y;
                sxx += w * a * a;
                sxy += w * a * y;
                used++;
            }
        }
        if (used < MIN_CURVE_MONTHS) {
            return new ClvResult.CohortCurve(
                    null,
                    null,
                    null,
                    observed,
                    null,
                    points(cumulative, null, null, 0),
                    assumptions,
                    "Too few months with a positive margin increment (" + used + ") to fit a decay.");
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double intercept = (sy - slope * sx) / sw;
        double meanY = sy / sw;
        double ssTot = 0;
        double ssRes = 0;
        for (int a = 1; a < observed; a++) {
            if (delta[a] > 0) {
                double w = weight.get(a);
                double y = Math.log(delta[a]);
                ssTot += w * (y - meanY) * (y - meanY);
                double r = y - (intercept + slope * a);
                ssRes += w * r * r;
            }
        }
        double rSquared = ssTot > 0 ? 1 - ssRes / ssTot : 0;
        double k = -slope;
        double bigA = Math.exp(intercept);
        String note = null;
        if (k <= 0) {
            // no decay: flat at the weighted mean of the last (up to) 12 observed increments
            double wsum = 0;
            double vsum = 0;
            for (int a = Math.max(1, observed - 12); a < observed; a++) {
                wsum += weight.get(a);
                vsum += weight.get(a) * delta[a];
            }
            k = 0;
            bigA = vsum / wsum;
            note = "Monthly margin per customer does not fall with age in these data: later months are taken flat"
                    + " at the average of the last 12 observed months.";
        }
        double monthly = Math.pow(1 + spec.annualDiscountRate(), 1.0 / 12) - 1;
        double clv = 0;
        for (int a = 0; a < spec.horizonMonths(); a++) {
            double v = a < observed ? delta[a] : bigA * Math.exp(-k * a);
            clv += v / Math.pow(1 + monthly, a);
        }
        return new ClvResult.CohortCurve(
                bigA,
                k,
                rSquared,
                observed,
                clv,
                points(cumulative, bigA, k, Math.max(spec.horizonMonths(), observed)),
                assumptions,
                note);
    }

    private static List<ClvResult.CurvePoint> points(List<Double> cumulative, Double bigA, Double k, int ages) {
        List<ClvResult.CurvePoint> out = new ArrayList<>();
        for (int a = 0; a < cumulative.size(); a++) {
            out.add(new ClvResult.CurvePoint(a, cumulative.get(a), true));
        }
        if (bigA != null && !cumulative.isEmpty()) {
            double c = cumulative.getLast();
            for (int a = cumulative.size(); a < ages; a++) {
                c += bigA * Math.exp(-k * a);
                out.add(new ClvResult.CurvePoint(a, c, false));
            }
        }
        return out;
    }
}
