package quant.core.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;
import quant.core.stats.ModelFitException;

/**
 * Whether the repeat-buying model should be fitted per customer segment, decided on a holdout.
 *
 * <p>One model fitted on every customer can be right on average and wrong for each segment: on the
 * sample company BG/NBD under-predicts commercial customers' purchases by about a quarter and
 * over-predicts residential ones, and the errors cancel in the total. So the check is made per
 * segment: the model is fitted on the purchases up to the split (pooled, and once per segment with at
 * least {@value #MIN_CUSTOMERS} customers), each customer's holdout purchases are predicted by
 * E[Y(holdout) | x, t_x, T], and the predictions are summed per segment against what happened. The
 * segment fits are used when their weighted absolute error over the segments, Σ|actual − predicted| ÷
 * Σ actual, is lower than the pooled fit's; a segment too small for its own fit keeps the pooled one.
 * Fitting per segment is the stratified form of putting the segment into the model as a covariate
 * (Fader &amp; Hardie, "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD
 * models", 2007, note the same choice).
 *
 * @param rows the check per segment
 * @param pooledError the pooled fit's weighted absolute error over the segments
 * @param segmentError the segment fits' weighted absolute error (equal to the pooled one when no
 *     segment had enough customers of its own)
 * @param bySegment whether the segment fits are used to value the customers
 * @param note what was found and chosen, in a sentence
 */
public record SegmentFit(List<Row> rows, double pooledError, double segmentError, boolean bySegment, String note) {
    /** Customers in calibration a segment needs for a fit of its own. */
    static final int MIN_CUSTOMERS = 100;

    /**
     * One segment's holdout.
     *
     * @param segment the segment, "(none)" for customers without one
     * @param customers customers in the check (first purchase by the split)
     * @param actual their repeat purchases in the holdout
     * @param pooled the pooled fit's prediction
     * @param ownFit the segment fit's prediction, or null when the segment is too small for its own
     * @param ownModel the segment's own model ({@code bgnbd}, {@code pareto-nbd} or {@code nbd}: the
     *     lowest AIC on the segment); null without an own fit
     */
    public record Row(String segment, int customers, double actual, double pooled, Double ownFit, String ownModel) {
        /** (pooled − actual) ÷ actual: positive when the pooled fit over-predicts. */
        public double pooledBias() {
            return actual > 0 ? (pooled - actual) / actual : 0;
        }
    }

    /** A customer's segment label, "(none)" without one. */
    static String segmentOf(Snapshot s, int customer) {
        String v = s.customers().segments().value(s.customers().segment(customer));
        return v == null ? "(none)" : v;
    }

    /**
     * Runs the check on the purchases up to {@code endDay}, split at {@code splitDay}.
     *
     * @param chosen the customers in the analysis
     * @param model the transaction model to fit
     * @return null when the calibration period has no customer or the pooled fit fails
     */
    static SegmentFit check(Snapshot s, PurchaseDays pd, boolean[] chosen, int splitDay, int endDay, ClvModel model) {
        RepeatSummaries cal = RepeatSummaries.at(pd, chosen, splitDay);
        if (cal.isEmpty()) {
            return null;
        }
        RepeatModel pooled;
        try {
            pooled = ClvFits.fitTransactions(model, cal.summaries()).model();
        } catch (ModelFitException e) {
            return null;
        }
        double weeks = (endDay - splitDay) / RepeatSummaries.WEEK;
        Map<String, List<Integer>> bySegment = rowsBySegment(s, cal);
        List<Row> rows = new ArrayList<>();
        double actualAll = 0;
        double pooledMiss = 0;
        double segmentMiss = 0;
        for (Map.Entry<String, List<Integer>> e : bySegment.entrySet()) {
            List<Integer> members = e.getValue();
            RepeatModel own = null;
            if (members.size() >= MIN_CUSTOMERS && bySegment.size() > 1) {
                own = fitSegment(subset(cal.summaries(), members));
            }
            double actual = 0;
            double pooledSum = 0;
            double ownSum = 0;
            for (int i : members) {
                int c = cal.customer()[i];
                actual += pd.countUpTo(c, endDay) - pd.countUpTo(c, splitDay);
                double x = cal.summaries().x(i);
                double tx = cal.summaries().tx(i);
                double t = cal.summaries().t(i);
                pooledSum += pooled.conditionalExpectedPurchases(weeks, x, tx, t);
                if (own != null) {
                    ownSum += own.conditionalExpectedPurchases(weeks, x, tx, t);
                }
            }
            rows.add(new Row(
                    e.getKey(),
                    members.size(),
                    actual,
                    pooledSum,
                    own == null ? null : ownSum,
                    own == null ? null : key(own)));
            actualAll += actual;
            pooledMiss += Math.abs(actual - pooledSum);
            segmentMiss += Math.abs(actual - (own == null ? pooledSum : ownSum));
        }
        double pooledError = actualAll > 0 ? pooledMiss / actualAll : 0;
        double segmentError = actualAll > 0 ? segmentMiss / actualAll : 0;
        boolean use = rows.stream().anyMatch(r -> r.ownFit() != null) && segmentError < pooledError;
        String note = String.format(
                Locale.ROOT,
                "On the holdout after %s, one fit for all customers missed the segments' purchases by %.1f %% (summed"
                        + " over segments), a fit per segment by %.1f %%: %s.",
                java.time.LocalDate.ofEpochDay(splitDay),
                100 * pooledError,
                100 * segmentError,
                use
                        ? "customers are valued with their segment's fit"
                        : rows.stream().anyMatch(r -> r.ownFit() != null)
                                ? "one fit for all is kept"
                                : "no segment has " + MIN_CUSTOMERS + " customers for a fit of its own, so one fit"
                                        + " for all is kept");
        if (use) {
            List<String> models = rows.stream()
                    .filter(r -> r.ownModel() != null)
                    .map(r -> r.segment() + " by " + title(r.ownModel()))
                    .toList();
            note += " Fitted " + String.join(", ", models) + " (the lowest AIC of BG/NBD, Pareto/NBD and the model"
                    + " without dropout).";
        }
        return new SegmentFit(List.copyOf(rows), pooledError, segmentError, use, note);
    }

    /**
     * The model fitted on one segment: BG/NBD, Pareto/NBD and the model without dropout ({@link Nbd}),
     * each by maximum likelihood, the one with the lowest AIC (2k − 2 ln L) kept; null when none fits. A
     * segment may need another family than all customers together: where one model's dropout runs to an
     * edge (BG/NBD's b or Pareto/NBD's β heading to infinity), another may describe it.
     */
    static RepeatModel fitSegment(CustomerSummaries data) {
        RepeatModel best = null;
        double bestAic = Double.POSITIVE_INFINITY;
        for (String key : List.of(ClvModel.BGNBD.key(), ClvModel.PARETO_NBD.key(), "nbd")) {
            Candidate c = candidate(key, data);
            if (c != null && c.aic() < bestAic) {
                best = c.model();
                bestAic = c.aic();
            }
        }
        return best;
    }

    /** A fitted model and its AIC. */
    private record Candidate(RepeatModel model, double aic) {}

    /**
     * One family fitted on the data, or null when it does not fit. Pareto/NBD at its edge where every
     * customer drops out at one common rate (s, β → ∞ with s/β fixed) is kept at the edge: its dropout
     * rates' spread is then below a few percent, which is that limit to the precision that matters.
     */
    private static Candidate candidate(String key, CustomerSummaries data) {
        try {
            if (key.equals("nbd")) {
                Nbd.Fit f = Nbd.fit(data);
                return new Candidate(f.model(), 4 - 2 * f.logLikelihood());
            }
            ClvFits.Fitted f = ClvFits.fitTransactions(ClvModel.parse(key), data);
            return new Candidate(
                    f.model(), 2 * f.report().params().size() - 2 * f.report().logLikelihood());
        } catch (ModelFitException e) {
            double[] p = e.edgeEstimate();
            if (key.equals(ClvModel.PARETO_NBD.key())
                    && p != null
                    && ("s".equals(e.edgeParameter()) || "beta".equals(e.edgeParameter()))
                    && 1 / Math.sqrt(p[2]) < COMMON_DROPOUT_SPREAD) {
                return new Candidate(new ParetoNbd(p[0], p[1], p[2], p[3]), 8 - 2 * e.edgeLogLikelihood());
            }
            return null;
        }
    }

    /** The spread (coefficient of variation 1/√s) of dropout rates below which they count as one rate. */
    static final double COMMON_DROPOUT_SPREAD = 0.05;

    /** The model of one family ({@link #key}) fitted on the data, or null when it does not fit. */
    static RepeatModel fitFamily(String key, CustomerSummaries data) {
        Candidate c = candidate(key, data);
        return c == null ? null : c.model();
    }

    /** The short name of a fitted model, as {@link ClvModel#key()} or {@code nbd}. */
    static String key(RepeatModel m) {
        return m instanceof Nbd ? "nbd" : m instanceof ParetoNbd ? ClvModel.PARETO_NBD.key() : ClvModel.BGNBD.key();
    }

    private static String title(String key) {
        return key.equals("nbd") ? "NBD (no dropout)" : ClvModel.parse(key).title();
    }

    /** Row indexes of the summaries by segment, segments in name order. */
    static Map<String, List<Integer>> rowsBySegment(Snapshot s, RepeatSummaries rs) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int i = 0; i < rs.size(); i++) {
            out.computeIfAbsent(segmentOf(s, rs.customer()[i]), k -> new ArrayList<>())
                    .add(i);
        }
        return out;
    }

    /** The summaries of some rows. */
    static CustomerSummaries subset(CustomerSummaries all, List<Integer> rows) {
        double[] x = new double[rows.size()];
        double[] tx = new double[rows.size()];
        double[] t = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            x[k] = all.x(rows.get(k));
            tx[k] = all.tx(rows.get(k));
            t[k] = all.t(rows.get(k));
        }
        return new CustomerSummaries(x, tx, t);
    }

    /**
     * The segment fits on the whole history for the segments that had their own in the check: the family
     * the check validated, fitted again on all the purchases (the lowest-AIC family when it no longer
     * fits); segment → model; a segment missing here keeps the pooled model.
     */
    Map<String, RepeatModel> fitOnWhole(Snapshot s, RepeatSummaries rs) {
        Map<String, RepeatModel> out = new LinkedHashMap<>();
        Map<String, List<Integer>> bySegment = rowsBySegment(s, rs);
        for (Row r : rows) {
            List<Integer> members = bySegment.get(r.segment());
            if (r.ownFit() == null || members == null) {
                continue;
            }
            CustomerSummaries data = subset(rs.summaries(), members);
            RepeatModel own = fitFamily(r.ownModel(), data);
            if (own == null) {
                own = fitSegment(data);
            }
            if (own != null) {
                out.put(r.segment(), own);
            }
        }
        return out;
    }
}
