package quant.core.churn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerHistory;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;
import quant.core.clv.BgNbd;
import quant.core.clv.ModelFitException;
import quant.core.clv.RepeatModel;
import quant.core.clv.RepeatSummaries;
import quant.core.job.JobMonitor;

/**
 * Churn risk of the active customers: the {@link ChurnFactors} of each, weighted by a logistic
 * regression trained on history with a time-based split.
 *
 * <ul>
 *   <li>A customer is active at a day with a purchase in the window (default 365 days) before it;
 *       the label at a cut day is "churned within the next window": active at the cut, no purchase in
 *       the window after it.
 *   <li>Validation: a model fitted on the factors at as-of − 2 windows (labels from the window after)
 *       predicts the customers at as-of − 1 window; its ROC AUC and calibration are reported.
 *   <li>Scoring: a model fitted on the factors at as-of − 1 window (labels up to the as-of date) gives
 *       each customer active now a churn probability from their factors now. Its coefficients are the
 *       factors' weights; the factors that raise a customer's log-odds most are the reasons.
 *   <li>Levels, from the spec (business settings, by default high from 50 % and medium from 25 %):
 *       high: immediate outreach; medium: proactive engagement; low: a quarterly check-in.
 * </ul>
 */
public final class ChurnRiskAnalysis {
    private static final String[] DESCRIPTIONS = {
        "callbacks (warranty revisits) on the customer's jobs in the last year",
        "jobs rated 1 or 2 in the last year",
        "invoices of the last year paid late, unpaid past due or disputed",
        "drop in purchases against the year before (0 to 1)",
        "days since the last purchase"
    };

    /** The unit of each factor's per-unit odds ratio, and its size in the factor's own scale. */
    private static final String[] UNITS = {"callback", "low rating", "late or disputed invoice", "10 % drop", "30 days"
    };

    private static final double[] UNIT_SIZES = {1, 1, 1, 0.1, 30};

    private ChurnRiskAnalysis() {}

    /** The labelled rows at one cut: active customers' factors and whether they churned in the window after. */
    private record Labelled(double[][] x, int[] y, int[] customer) {}

    public static ChurnRiskResult run(Snapshot s, ChurnRiskSpec spec, JobMonitor monitor) {
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        int window = spec.inactivityDays();
        monitor.progress(0, 4, "Reading purchases");
        CustomerHistory history = CustomerHistory.of(s, end, monitor);
        PurchaseDays pd = PurchaseDays.of(s, end, monitor);
        int n = s.customers().size();
        boolean[] in = new boolean[n];
        for (int c = 0; c < n; c++) {
            in[c] = pd.count(c) > 0 && spec.filter().test(s, c, history.firstServiceLine(c));
        }
        List<String> definitions = List.of(
                "A purchase is a completed job with revenue above 0.",
                "Active: a purchase in the " + window + " days before the day; churned within the next window:"
                        + " active at the day and no purchase in the " + window + " days after it.",
                "Weights are the logistic model's coefficients per standard deviation of each factor; + raises churn.",
                "Value at risk = churn probability × the customer's margin of the last 365 days.");
        monitor.progress(1, 4, "Training on history");
        int testCut = end - window;
        int trainCut = end - 2 * window;
        Labelled test = labelled(s, pd, in, testCut, window, end);
        Labelled train = labelled(s, pd, in, trainCut, window, end);
        LogisticRegression model;
        ChurnRiskResult.Validation validation = null;
        List<String> notes = new ArrayList<>();
        try {
            model = LogisticRegression.fit(test.x, test.y, LogisticRegression.DEFAULT_LAMBDA);
        } catch (ModelFitException e) {
            return new ChurnRiskResult(
                    asOf,
                    window,
                    0,
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    "No churn model could be trained on the customers active at " + LocalDate.ofEpochDay(testCut) + ": "
                            + e.getMessage(),
                    definitions);
        }
        try {
            LogisticRegression older = LogisticRegression.fit(train.x, train.y, LogisticRegression.DEFAULT_LAMBDA);
            double[] score = new double[test.y.length];
            int churners = 0;
            for (int i = 0; i < score.length; i++) {
                score[i] = older.probability(test.x[i]);
                churners += test.y[i];
            }
            validation = new ChurnRiskResult.Validation(
                    LocalDate.ofEpochDay(trainCut),
                    train.y.length,
                    LocalDate.ofEpochDay(testCut),
                    test.y.length,
                    Roc.auc(score, test.y),
                    Roc.accuracy(score, test.y),
                    (double) churners / score.length,
                    Roc.calibration(score, test.y, 10));
        } catch (ModelFitException e) {
            notes.add("The model could not be checked on a later period (the data before "
                    + LocalDate.ofEpochDay(trainCut) + " are too few): " + e.getMessage());
        }
        monitor.progress(2, 4, "Scoring the active customers");
        double[][] now = ChurnFactors.at(s, pd, end);
        RepeatModel alive = null;
        RepeatSummaries rs = RepeatSummaries.at(pd, in, end);
        try {
            alive = rs.isEmpty() ? null : BgNbd.fit(rs.summaries()).model();
        } catch (ModelFitException e) {
            notes.add("P(alive) is not shown: " + e.getMessage());
        }
        int[] row = new int[n];
        java.util.Arrays.fill(row, -1);
        for (int i = 0; i < rs.size(); i++) {
            row[rs.customer()[i]] = i;
        }
        double[] marginYear = new double[n];
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            int d = jobs.completedDay(j);
            if (c >= 0 && jobs.isCompleted(j) && d <= end && d > end - 365) {
                marginYear[c] += jobs.margin(j);
            }
        }
        List<ChurnRiskResult.CustomerRisk> list = new ArrayList<>();
        int[] perLevel = new int[3];
        double[] meanActive = new double[ChurnFactors.NAMES.size()];
        Snapshot.Customers cs = s.customers();
        for (int c = 0; c < n; c++) {
            if (!in[c] || !isActive(pd, c, end, window)) {
                continue;
            }
            double p = model.probability(now[c]);
            int level = p >= spec.highRiskFrom() ? 0 : p >= spec.mediumRiskFrom() ? 1 : 2;
            perLevel[level]++;
            for (int f = 0; f < meanActive.length; f++) {
                meanActive[f] += now[c][f];
            }
            Double pAlive = null;
            if (alive != null && row[c] >= 0) {
                int i = row[c];
                pAlive = alive.pAlive(
                        rs.summaries().x(i),
                        rs.summaries().tx(i),
                        rs.summaries().t(i));
            }
            int last = pd.day(pd.start(c) + pd.countUpTo(c, end) - 1);
            double margin = Math.round(marginYear[c] * 100) / 100.0;
            list.add(new ChurnRiskResult.CustomerRisk(
                    cs.id(c),
                    cs.name(c),
                    cs.segments().value(cs.segment(c)),
                    p,
                    levelName(level),
                    intervention(level),
                    pAlive,
                    margin,
                    Math.max(0, p * margin),
                    LocalDate.ofEpochDay(last),
                    now[c].clone(),
                    reasons(model, now[c])));
        }
        list.sort(Comparator.comparingDouble(ChurnRiskResult.CustomerRisk::valueAtRisk)
                .reversed()
                .thenComparing(Comparator.comparingDouble(ChurnRiskResult.CustomerRisk::churnProbability)
                        .reversed()));
        List<ChurnRiskResult.Factor> factors = new ArrayList<>();
        for (int f = 0; f < ChurnFactors.NAMES.size(); f++) {
            double w = model.coefficients()[f];
            factors.add(new ChurnRiskResult.Factor(
                    ChurnFactors.NAMES.get(f),
                    DESCRIPTIONS[f],
                    w,
                    Math.exp(w),
                    UNITS[f],
                    Math.exp(w / model.sds()[f] * UNIT_SIZES[f]),
                    list.isEmpty() ? 0 : meanActive[f] / list.size()));
        }
        List<ChurnRiskResult.Level> levels = List.of(
                new ChurnRiskResult.Level(levelName(0), spec.highRiskFrom(), intervention(0), perLevel[0]),
                new ChurnRiskResult.Level(levelName(1), spec.mediumRiskFrom(), intervention(1), perLevel[1]),
                new ChurnRiskResult.Level(levelName(2), 0, intervention(2), perLevel[2]));
        monitor.progress(4, 4, "Done");
        return new ChurnRiskResult(
                asOf,
                window,
                list.size(),
                factors,
                validation,
                levels,
                list,
                notes.isEmpty() ? null : String.join(" ", notes),
                definitions);
    }

    private static boolean isActive(PurchaseDays pd, int c, int day, int window) {
        int k = pd.countUpTo(c, day);
        return k > 0 && pd.day(pd.start(c) + k - 1) > day - window;
    }

    private static Labelled labelled(Snapshot s, PurchaseDays pd, boolean[] in, int cut, int window, int end) {
        double[][] f = ChurnFactors.at(s, pd, cut);
        List<Integer> rows = new ArrayList<>();
        for (int c = 0; c < in.length; c++) {
            if (in[c] && isActive(pd, c, cut, window)) {
                rows.add(c);
            }
        }
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        int[] who = new int[rows.size()];
        int horizon = Math.min(end, cut + window);
        for (int i = 0; i < rows.size(); i++) {
            int c = rows.get(i);
            x[i] = f[c];
            who[i] = c;
            y[i] = pd.countUpTo(c, horizon) - pd.countUpTo(c, cut) == 0 ? 1 : 0;
        }
        return new Labelled(x, y, who);
    }

    private static String levelName(int level) {
        return switch (level) {
            case 0 -> "high";
            case 1 -> "medium";
            default -> "low";
        };
    }

    private static String intervention(int level) {
        return switch (level) {
            case 0 -> "immediate outreach";
            case 1 -> "proactive engagement";
            default -> "quarterly check-in";
        };
    }

    /** The factors that raise this customer's log-odds of churning by at least 0.1, largest first, in words. */
    static List<String> reasons(LogisticRegression model, double[] f) {
        List<double[]> raised = new ArrayList<>();
        for (int k = 0; k < f.length; k++) {
            double c = model.contribution(f, k);
            if (c >= 0.1) {
                raised.add(new double[] {k, c});
            }
        }
        raised.sort((a, b) -> Double.compare(b[1], a[1]));
        List<String> out = new ArrayList<>();
        for (double[] r : raised) {
            int k = (int) r[0];
            out.add(
                    switch (k) {
                        case ChurnFactors.CALLBACKS -> plural((int) f[k], "callback") + " in the last year";
                        case ChurnFactors.LOW_RATINGS -> plural((int) f[k], "rating") + " of 1–2 in the last year";
                        case ChurnFactors.LATE -> plural((int) f[k], "late or disputed invoice") + " in the last year";
                        case ChurnFactors.DROP ->
                            String.format(Locale.ROOT, "%.0f %% fewer purchases than the year before", 100 * f[k]);
                        default -> String.format(Locale.ROOT, "no purchase for %.0f days", f[k]);
                    });
        }
        return out;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
