package quant.core.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerHistory;
import quant.core.analysis.Part;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;
import quant.core.stats.ModelFitException;

/**
 * Customer lifetime value on the store by four methods side by side (see {@link ClvResult}):
 *
 * <ol>
 *   <li>Historic: revenue and margin of each customer's completed jobs to the as-of date.
 *   <li>Simple formula: m ÷ c, with m the margin per active customer-month over the last 12 months
 *       and c the monthly churn rate, 1 − (1 − C)^(1/12), where C is the share of customers active a
 *       year before the as-of date (a transaction within the inactivity window before that day) who
 *       are not active at it. The textbook formula for a geometric lifetime of mean 1/c months,
 *       undiscounted (Gupta &amp; Lehmann 2003 give the discounted form m·(1+d)/(1+d−r)).
 *   <li>Cohort curve: the average cohort's monthly margin increments Δ(age) (cohorts weighted by
 *       size, ages with at least three complete cohorts), fitted as Δ = A·e^(−k·age) by least squares
 *       on ln Δ weighted by the number of cohorts, observed increments used where they exist and the
 *       fit beyond, discounted monthly over the horizon from acquisition.
 *   <li>Probabilistic: BG/NBD (Fader, Hardie &amp; Lee 2005) and Pareto/NBD (Schmittlein, Morrison
 *       &amp; Colombo 1987) on purchase days in weeks; the one with the higher likelihood gives each
 *       customer's expected purchases month by month over the horizon, discounted at
 *       (1+d)^(1/12) − 1 a month; Gamma-Gamma (Fader, Hardie &amp; Lee 2005, "RFM and CLV") gives
 *       the expected revenue per purchase; the overall margin ratio turns revenue into margin.
 * </ol>
 *
 * When a model cannot be fitted the method says why and the recommendation falls back to the cohort
 * curve, then to the simple formula: no figure is shown from a fit that failed.
 */
public final class ClvAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART);

    /** Weeks in a month on average (365.25 / 12 / 7). */
    static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

    private ClvAnalysis() {}

    public static ClvResult run(Snapshot s, ClvSpec spec, JobMonitor monitor) {
        Map<ClvSpec, ClvResult> known = MEMO.computeIfAbsent(s, k -> new java.util.concurrent.ConcurrentHashMap<>());
        ClvResult r = known.get(spec);
        if (r == null) {
            r = compute(s, spec, monitor);
            if (known.size() >= MEMO_PER_SNAPSHOT) {
                known.clear();
            }
            known.put(spec, r);
        }
        return r;
    }

    /**
     * Results already computed, by snapshot and spec: the marketing analysis fits the same model as the
     * lifetime-value view, and a report pack shows both. A snapshot's results go with it (weak keys).
     */
    private static final Map<Snapshot, Map<ClvSpec, ClvResult>> MEMO =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static final int MEMO_PER_SNAPSHOT = 4;

    private static ClvResult compute(Snapshot s, ClvSpec spec, JobMonitor monitor) {
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        monitor.progress(0, 6, "Reading purchases");
        CustomerHistory history = CustomerHistory.of(s, end, monitor);
        PurchaseDays pd = PurchaseDays.of(s, end, monitor);
        int n = s.customers().size();
        boolean[] in = new boolean[n];
        int customers = 0;
        for (int c = 0; c < n; c++) {
            in[c] = pd.count(c) > 0 && spec.filter().test(s, c, history.firstServiceLine(c));
            if (in[c]) {
                customers++;
            }
        }
        double[] revenue = new double[n];
        double[] margin = new double[n];
        int yearAgo = (int) asOf.date().minusMonths(12).toEpochDay();
        double marginLastYear = 0;
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            int day = jobs.completedDay(j);
            if (c >= 0 && in[c] && jobs.isCompleted(j) && day <= end) {
                revenue[c] += jobs.revenue(j);
                margin[c] += jobs.margin(j);
                if (day > yearAgo) {
                    marginLastYear += jobs.margin(j);
                }
            }
        }
        List<String> definitions = definitions(spec);
        ClvResult.Historic historic = historic(in, revenue, margin, customers);
        monitor.progress(1, 6, "Simple formula");
        ClvResult.SimpleFormula simple = SimpleFormulaClv.of(pd, in, asOf, spec.inactivityDays(), marginLastYear);
        monitor.progress(2, 6, "Cohort curve");
        ClvResult.CohortCurve curve = CohortCurveClv.of(s, spec, monitor);
        double totalRevenue = 0;
        double totalMargin = 0;
        for (int c = 0; c < n; c++) {
            if (in[c]) {
                totalRevenue += revenue[c];
                totalMargin += margin[c];
            }
        }
        double marginRatio = totalRevenue > 0 ? totalMargin / totalRevenue : 0;
        RepeatSummaries rs = RepeatSummaries.at(pd, in, end);
        Fitted fitted = probabilistic(rs, spec, marginRatio, monitor);
        monitor.progress(4, 6, "Checking the model on a holdout");
        HoldoutCheck holdout = null;
        String holdoutNote = null;
        if (fitted.model == null) {
            holdoutNote = "No transaction model was fitted, so there is nothing to check.";
        } else {
            int split = end - spec.holdoutWeeks() * 7;
            try {
                holdout = HoldoutCheck.run(
                        pd,
                        in,
                        split,
                        end,
                        fitted.result.model(),
                        d -> ClvFits.fitTransactions(ClvModel.parse(fitted.result.model()), d)
                                .model(),
                        monitor);
            } catch (ModelFitException e) {
                holdoutNote = "The model could not be fitted on the data before " + LocalDate.ofEpochDay(split) + ": "
                        + e.getMessage();
            }
        }
        SegmentFit segmentFit = null;
        Map<String, RepeatModel> segmentModels = Map.of();
        if (fitted.model != null) {
            monitor.progress(4, 6, "Checking the model per segment");
            ClvModel key = ClvModel.parse(fitted.result.model());
            segmentFit = SegmentFit.check(s, pd, in, end - spec.holdoutWeeks() * 7, end, key);
            if (segmentFit != null && segmentFit.bySegment()) {
                segmentModels = segmentFit.fitOnWhole(s, rs);
            }
        }
        monitor.progress(5, 6, "Valuing each customer");
        Rows rows = customerRows(s, pd, in, revenue, margin, rs, fitted, segmentModels, spec, end);
        List<ClvResult.SegmentValue> bySegment = bySegment(rows.rows());
        String[] recommendation = recommend(rows.probabilistic(), holdout, segmentFit, curve, simple);
        monitor.progress(6, 6, "Done");
        return new ClvResult(
                asOf,
                spec.horizonMonths(),
                spec.annualDiscountRate(),
                spec.inactivityDays(),
                customers,
                historic,
                simple,
                curve,
                rows.probabilistic(),
                holdout,
                holdoutNote,
                segmentFit,
                bySegment,
                rows.rows(),
                recommendation[0],
                recommendation[1],
                definitions);
    }

    private static ClvResult.Historic historic(boolean[] in, double[] revenue, double[] margin, int customers) {
        if (customers == 0) {
            return new ClvResult.Historic(0, 0, 0, 0);
        }
        double[] m = new double[customers];
        double rev = 0;
        double total = 0;
        int k = 0;
        for (int c = 0; c < in.length; c++) {
            if (in[c]) {
                m[k++] = margin[c];
                rev += revenue[c];
                total += margin[c];
            }
        }
        Arrays.sort(m);
        double median = customers % 2 == 1 ? m[customers / 2] : (m[customers / 2 - 1] + m[customers / 2]) / 2;
        return new ClvResult.Historic(rev / customers, total / customers, median, total);
    }

    /** The fitted models and the probabilistic section of the result. */
    private record Fitted(RepeatModel model, GammaGamma spend, double meanSpend, ClvResult.Probabilistic result) {}

    private static Fitted probabilistic(RepeatSummaries rs, ClvSpec spec, double marginRatio, JobMonitor monitor) {
        List<String> assumptions = List.of(
                "While active, a customer buys at a steady rate of their own; customers differ in rate and in"
                        + " how long they stay (BG/NBD, Pareto/NBD).",
                "The value of a purchase varies around the customer's own mean, independent of how often they"
                        + " buy (Gamma-Gamma).",
                "Future revenue becomes margin at the customers' margin ratio to date (" + percent(marginRatio) + ").",
                "Discounted monthly at " + percent(spec.annualDiscountRate()) + " a year over " + spec.horizonMonths()
                        + " months from the as-of date: future value only, on top of the margin to date.");
        if (rs.isEmpty()) {
            return new Fitted(
                    null,
                    null,
                    0,
                    new ClvResult.Probabilistic(
                            null,
                            List.of(),
                            null,
                            marginRatio,
                            null,
                            null,
                            null,
                            null,
                            assumptions,
                            "No customer bought before the as-of date: there is nothing to fit."));
        }
        CustomerSummaries data = rs.summaries();
        List<ClvFits.Report> fits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RepeatModel best = null;
        double bestLl = Double.NEGATIVE_INFINITY;
        String bestKey = null;
        for (ClvModel m : List.of(ClvModel.BGNBD, ClvModel.PARETO_NBD)) {
            monitor.checkCancelled();
            monitor.progress(3, 6, "Fitting " + (m == ClvModel.BGNBD ? "BG/NBD" : "Pareto/NBD"));
            try {
                ClvFits.Fitted f = ClvFits.fitTransactions(m, data);
                fits.add(f.report());
                if (f.model() instanceof ParetoNbd pn && 1 / Math.sqrt(pn.s()) < 0.05) {
                    // gamma(s, β) dropout rates: mean s/β, coefficient of variation 1/√s
                    problems.add(String.format(
                            Locale.ROOT,
                            "Pareto/NBD finds that customers hardly differ in how fast they drop out (s = %,.0f,"
                                    + " β = %,.0f: rates of %.4f a week ± %.1f %%), so it acts like one common"
                                    + " dropout rate.",
                            pn.s(),
                            pn.beta(),
                            pn.s() / pn.beta(),
                            100 / Math.sqrt(pn.s())));
                }
                if (f.report().logLikelihood() > bestLl) {
                    best = f.model();
                    bestLl = f.report().logLikelihood();
                    bestKey = m.key();
                }
            } catch (ModelFitException e) {
                problems.add(e.getMessage());
            }
        }
        monitor.checkCancelled();
        monitor.progress(3, 6, "Fitting Gamma-Gamma");
        // spend: repeat buyers with a positive mean
        int repeaters = 0;
        for (int i = 0; i < rs.size(); i++) {
            if (data.x(i) > 0 && rs.zbar()[i] > 0) {
                repeaters++;
            }
        }
        double[] x = new double[repeaters];
        double[] z = new double[repeaters];
        int k = 0;
        double sumZ = 0;
        for (int i = 0; i < rs.size(); i++) {
            if (data.x(i) > 0 && rs.zbar()[i] > 0) {
                x[k] = data.x(i);
                z[k] = rs.zbar()[i];
                sumZ += z[k];
                k++;
            }
        }
        double meanSpend = repeaters > 0 ? sumZ / repeaters : 0;
        GammaGamma spend = null;
        ClvFits.Report spendFit = null;
        try {
            GammaGamma.Fit g = GammaGamma.fit(x, z);
            if (g.model().q() > 1) {
                spend = g.model();
                spendFit = new ClvFits.Report(
                        ClvModel.GAMMA_GAMMA.key(),
                        g.model().params(),
                        g.logLikelihood(),
                        g.standardErrors(),
                        g.customers(),
                        g.evaluations());
            } else {
                problems.add("Gamma-Gamma gave q ≤ 1, where mean spend is unbounded: each customer's own mean"
                        + " purchase value is used instead.");
            }
        } catch (ModelFitException e) {
            problems.add(e.getMessage() + " Each customer's own mean purchase value is used instead.");
        }
        Double correlation = repeaters > 2 ? pearson(x, z) : null;
        String note = problems.isEmpty() ? null : String.join(" ", problems);
        if (best == null) {
            return new Fitted(
                    null,
                    spend,
                    meanSpend,
                    new ClvResult.Probabilistic(
                            null, fits, spendFit, marginRatio, correlation, null, null, null, assumptions, note));
        }
        return new Fitted(
                best,
                spend,
                meanSpend,
                new ClvResult.Probabilistic(
                        bestKey, fits, spendFit, marginRatio, correlation, null, null, null, assumptions, note));
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

    /** The customer rows, and the probabilistic section with its totals filled in. */
    private record Rows(List<ClvResult.CustomerValue> rows, ClvResult.Probabilistic probabilistic) {}

    private static Rows customerRows(
            Snapshot s,
            PurchaseDays pd,
            boolean[] in,
            double[] revenue,
            double[] margin,
            RepeatSummaries rs,
            Fitted fitted,
            Map<String, RepeatModel> segmentModels,
            ClvSpec spec,
            int end) {
        Snapshot.Customers cs = s.customers();
        int[] row = new int[in.length];
        Arrays.fill(row, -1);
        for (int i = 0; i < rs.size(); i++) {
            row[rs.customer()[i]] = i;
        }
        double ratio = fitted.result.marginRatio();
        double[][] values = fitted.model == null ? null : rowValues(s, rs, fitted.model, segmentModels, spec);
        List<ClvResult.CustomerValue> out = new ArrayList<>();
        double total = 0;
        double expected = 0;
        int valued = 0;
        for (int c = 0; c < in.length; c++) {
            if (!in[c]) {
                continue;
            }
            int last = SimpleFormulaClv.lastPurchase(pd, c, end);
            boolean churned = last <= end - spec.inactivityDays();
            int i = row[c];
            double x = i >= 0 ? rs.summaries().x(i) : 0;
            double tx = i >= 0 ? rs.summaries().tx(i) : 0;
            double t = i >= 0 ? rs.summaries().t(i) : 0;
            Double pAlive = null;
            Double exp = null;
            Double spendPer = null;
            Double clv = null;
            if (values != null && i >= 0) {
                pAlive = values[0][i];
                exp = values[1][i];
                double zbar = rs.zbar()[i];
                spendPer = fitted.spend != null
                        ? fitted.spend.expectedSpend(x, zbar)
                        : (x > 0 && zbar > 0 ? zbar : fitted.meanSpend);
                clv = values[2][i] * spendPer * ratio;
                total += clv;
                expected += exp;
                valued++;
            }
            out.add(new ClvResult.CustomerValue(
                    cs.id(c),
                    cs.name(c),
                    cs.segments().value(cs.segment(c)),
                    cs.channels().value(cs.channel(c)),
                    Math.round(revenue[c] * 100) / 100.0,
                    Math.round(margin[c] * 100) / 100.0,
                    pd.count(c),
                    LocalDate.ofEpochDay(last),
                    x,
                    tx,
                    t,
                    pAlive,
                    exp,
                    spendPer,
                    clv,
                    churned));
        }
        out.sort(Comparator.comparing(
                        (ClvResult.CustomerValue v) -> v.clv() == null ? Double.NEGATIVE_INFINITY : v.clv())
                .reversed()
                .thenComparing(Comparator.comparingDouble(ClvResult.CustomerValue::marginToDate)
                        .reversed()));
        ClvResult.Probabilistic p = fitted.result;
        if (valued == 0) {
            return new Rows(out, p);
        }
        return new Rows(
                out,
                new ClvResult.Probabilistic(
                        p.model(),
                        p.transactionFits(),
                        p.spendFit(),
                        p.marginRatio(),
                        p.spendFrequencyCorrelation(),
                        total / valued,
                        total,
                        expected,
                        p.assumptions(),
                        segmentModels.isEmpty()
                                ? p.note()
                                : (p.note() == null ? "" : p.note() + " ")
                                        + "Each customer is valued by their segment's own fit (see the holdout"
                                        + " check), which missed the holdout less than one fit for all; the fits"
                                        + " above, and what is said of them, are for all customers together."));
    }

    /**
     * Per summary row: P(alive), expected purchases over the horizon and their discounted sum, each row
     * by its segment's model where the segments are fitted apart, else by the pooled one.
     */
    static double[][] rowValues(
            Snapshot s, RepeatSummaries rs, RepeatModel pooled, Map<String, RepeatModel> bySegment, ClvSpec spec) {
        int n = rs.size();
        double[][] out = new double[3][n];
        if (bySegment.isEmpty()) {
            Valuation v = Valuation.of(pooled, rs.summaries(), spec);
            for (int i = 0; i < n; i++) {
                int g = rs.summaries().group(i);
                out[0][i] = v.pAlive()[g];
                out[1][i] = v.expected()[g];
                out[2][i] = v.discounted()[g];
            }
            return out;
        }
        for (Map.Entry<String, List<Integer>> e :
                SegmentFit.rowsBySegment(s, rs).entrySet()) {
            List<Integer> members = e.getValue();
            CustomerSummaries sub = SegmentFit.subset(rs.summaries(), members);
            Valuation v = Valuation.of(bySegment.getOrDefault(e.getKey(), pooled), sub, spec);
            for (int k = 0; k < members.size(); k++) {
                int g = sub.group(k);
                int i = members.get(k);
                out[0][i] = v.pAlive()[g];
                out[1][i] = v.expected()[g];
                out[2][i] = v.discounted()[g];
            }
        }
        return out;
    }

    private static List<ClvResult.SegmentValue> bySegment(List<ClvResult.CustomerValue> rows) {
        Map<String, double[]> acc = new TreeMap<>();
        for (ClvResult.CustomerValue v : rows) {
            String seg = v.segment() == null ? "(none)" : v.segment();
            double[] a = acc.computeIfAbsent(seg, k -> new double[6]);
            a[0]++;
            a[1] += v.marginToDate();
            if (v.clv() != null) {
                a[2] += v.clv();
                a[3]++;
                a[4] += v.pAlive();
            }
        }
        List<ClvResult.SegmentValue> out = new ArrayList<>();
        for (var e : acc.entrySet()) {
            double[] a = e.getValue();
            out.add(new ClvResult.SegmentValue(
                    e.getKey(), (int) a[0], a[1] / a[0], a[3] > 0 ? a[2] / a[3] : null, a[3] > 0 ? a[4] / a[3] : null));
        }
        return out;
    }

    private static String[] recommend(
            ClvResult.Probabilistic p,
            HoldoutCheck holdout,
            SegmentFit segments,
            ClvResult.CohortCurve curve,
            ClvResult.SimpleFormula simple) {
        if (p.model() != null && holdout != null && holdout.actualHoldout() > 0) {
            double error = holdout.predictedHoldout() / holdout.actualHoldout() - 1;
            // the total can be right while every segment is wrong: judge by the segments' error too
            double segmentError = segments == null
                    ? Math.abs(error)
                    : segments.bySegment() ? segments.segmentError() : segments.pooledError();
            if (Math.abs(error) <= 0.2 && segmentError <= 0.2) {
                String text = segments != null && segments.bySegment()
                        ? String.format(
                                Locale.ROOT,
                                "Fitted per customer segment, the models predicted each segment's purchases in the %s to"
                                        + " %s holdout within %.1f%% in all (one fit for all customers: %.1f%%, though"
                                        + " its total was off by only %+.1f%%): the per-customer values of the segment"
                                        + " fits are the ones to use.",
                                holdout.split(),
                                holdout.end(),
                                100 * segmentError,
                                100 * segments.pooledError(),
                                100 * error)
                        : String.format(
                                Locale.ROOT,
                                "%s predicted %,.0f purchases in the %s to %s holdout against %,.0f actual (%+.1f%%),"
                                        + " and the segments' within %.0f%%: its per-customer values are the ones to"
                                        + " use.",
                                ClvModel.parse(p.model()).title(),
                                holdout.predictedHoldout(),
                                holdout.split(),
                                holdout.end(),
                                holdout.actualHoldout(),
                                100 * error,
                                100 * segmentError);
                return new String[] {"probabilistic", text};
            }
            String why = Math.abs(error) > 0.2
                    ? String.format(
                            Locale.ROOT,
                            "%s missed the holdout by %+.0f%%, more than 20%%",
                            ClvModel.parse(p.model()).title(),
                            100 * error)
                    : String.format(
                            Locale.ROOT,
                            "%s missed the segments' holdout purchases by %.0f%%, more than 20%%",
                            ClvModel.parse(p.model()).title(),
                            100 * segmentError);
            return fallback(why, curve, simple);
        }
        return fallback(
                p.model() == null
                        ? "No transaction model could be fitted"
                        : "The model could not be checked on a holdout",
                curve,
                simple);
    }

    private static String[] fallback(String why, ClvResult.CohortCurve curve, ClvResult.SimpleFormula simple) {
        if (curve.clv() != null) {
            return new String[] {"cohortCurve", why + ": the cohort curve is the figure to use."};
        }
        return new String[] {
            "simpleFormula",
            why + ", and the cohorts are too short for a curve: the simple formula is the figure to use."
        };
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static List<String> definitions(ClvSpec spec) {
        return List.of(
                "A transaction is a completed job with revenue above 0; jobs on the same day are one purchase.",
                "Margin = revenue − labour − material − equipment cost; callbacks' costs lower it.",
                "A customer is churned with no transaction in the " + spec.inactivityDays()
                        + " days before the as-of date.",
                "Historic value is to date; the probabilistic CLV is future margin over the next "
                        + spec.horizonMonths() + " months, discounted at " + percent(spec.annualDiscountRate())
                        + " a year.",
                "x = repeat purchase days, t_x = weeks from the first to the last purchase, T = weeks from the first"
                        + " purchase to the as-of date.");
    }
}
