package quant.core.churn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerHistory;
import quant.core.analysis.Part;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;
import quant.core.clv.BgNbd;
import quant.core.clv.RepeatModel;
import quant.core.clv.RepeatSummaries;
import quant.core.job.JobMonitor;
import quant.core.stats.LogisticRegression;
import quant.core.stats.ModelFitException;

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
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS =
            List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART, Snapshot.Invoices.PART);

    /** The least gain in time-split ROC AUC for which a candidate factor is kept. */
    static final double MIN_AUC_GAIN = 0.002;

    private ChurnRiskAnalysis() {}

    /** The labelled rows at one cut: active customers' factors and whether they churned in the window after. */
    private record Labelled(double[][] x, int[] y, int[] customer) {
        /** The same rows with only some columns, in the order given. */
        Labelled project(int[] columns) {
            double[][] out = new double[x.length][columns.length];
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < columns.length; k++) {
                    out[i][k] = x[i][columns[k]];
                }
            }
            return new Labelled(out, y, customer);
        }
    }

    /** The columns kept (indexes into the candidates' list) and what each candidate did. */
    private record Selection(int[] columns, List<ChurnRiskResult.Candidate> candidates) {}

    /**
     * Forward selection on the time split: the recent factors always; then, while one helps, the
     * candidate group (a lasting factor, or the segment's columns together) whose addition raises the
     * ROC AUC of a model trained at the older cut and tested at the later one the most, kept when it
     * gains at least {@value #MIN_AUC_GAIN}. The AUC reported is that of the chosen model on the same
     * split, so it is slightly optimistic; the candidates' table shows each gain.
     */
    private static Selection select(List<ChurnFactors.Column> all, Labelled train, Labelled test, List<String> notes) {
        List<Integer> chosen = new ArrayList<>();
        java.util.LinkedHashMap<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).group().equals("recent")) {
                chosen.add(k);
            } else {
                groups.computeIfAbsent(all.get(k).group(), g -> new ArrayList<>())
                        .add(k);
            }
        }
        double base = splitAuc(train, test, chosen);
        if (Double.isNaN(base)) {
            return new Selection(chosen.stream().mapToInt(Integer::intValue).toArray(), List.of());
        }
        java.util.Map<String, double[]> tried = new java.util.LinkedHashMap<>(); // group → {auc with it, kept}
        double current = base;
        boolean added = true;
        while (added && !groups.isEmpty()) {
            added = false;
            String bestGroup = null;
            double bestAuc = current;
            for (var g : groups.entrySet()) {
                List<Integer> with = new ArrayList<>(chosen);
                with.addAll(g.getValue());
                double auc = splitAuc(train, test, with);
                tried.put(g.getKey(), new double[] {auc, 0, current});
                if (auc > bestAuc) {
                    bestAuc = auc;
                    bestGroup = g.getKey();
                }
            }
            if (bestGroup != null && bestAuc >= current + MIN_AUC_GAIN) {
                chosen.addAll(groups.remove(bestGroup));
                tried.get(bestGroup)[1] = 1;
                current = bestAuc;
                added = true;
            }
        }
        List<ChurnRiskResult.Candidate> out = new ArrayList<>();
        for (var e : tried.entrySet()) {
            double[] v = e.getValue();
            out.add(new ChurnRiskResult.Candidate(e.getKey(), v[2], v[0], v[1] == 1));
        }
        if (current > base) {
            notes.add(String.format(
                    Locale.ROOT,
                    "Lasting factors and the segment were tried beside the last year's: the kept ones raised the"
                            + " time-split ROC AUC from %.3f to %.3f.",
                    base,
                    current));
        }
        return new Selection(chosen.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(out));
    }

    /** ROC AUC of a model on {@code columns} trained at the older cut and tested at the later; NaN if it cannot fit. */
    private static double splitAuc(Labelled train, Labelled test, List<Integer> columns) {
        int[] cols = columns.stream().mapToInt(Integer::intValue).toArray();
        Labelled tr = train.project(cols);
        Labelled te = test.project(cols);
        try {
            LogisticRegression m = LogisticRegression.fit(tr.x, tr.y, LogisticRegression.DEFAULT_LAMBDA);
            double[] score = new double[te.y.length];
            for (int i = 0; i < score.length; i++) {
                score[i] = m.probability(te.x[i]);
            }
            return Roc.auc(score, te.y);
        } catch (ModelFitException e) {
            return Double.NaN;
        }
    }

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
                "Value at risk = churn probability × the customer's margin of the last 365 days; 0 when that margin"
                        + " is negative (a customer who cost more than they brought puts no margin at risk).",
                "Factors: the last year's always; lasting ones over the whole history (ever a callback, a rating"
                        + " of 1–2, a late invoice) and the segment are tried and kept when they raise the ROC AUC of"
                        + " the time split by at least " + MIN_AUC_GAIN + " (the AUC shown is of the chosen model on"
                        + " that split, so slightly optimistic).");
        monitor.progress(1, 4, "Training on history");
        int testCut = end - window;
        int trainCut = end - 2 * window;
        List<ChurnFactors.Column> all = new ArrayList<>(ChurnFactors.RECENT);
        all.addAll(ChurnFactors.LASTING);
        all.addAll(ChurnFactors.segments(s, in));
        Labelled testAll = labelled(s, pd, in, testCut, window, end, all);
        Labelled trainAll = labelled(s, pd, in, trainCut, window, end, all);
        List<String> notes = new ArrayList<>();
        Selection selection = select(all, trainAll, testAll, notes);
        int[] keep = selection.columns();
        List<ChurnFactors.Column> columns = new ArrayList<>();
        for (int k : keep) {
            columns.add(all.get(k));
        }
        Labelled test = testAll.project(keep);
        Labelled train = trainAll.project(keep);
        LogisticRegression model;
        ChurnRiskResult.Validation validation = null;
        try {
            model = LogisticRegression.fit(test.x, test.y, LogisticRegression.DEFAULT_LAMBDA);
        } catch (ModelFitException e) {
            return new ChurnRiskResult(
                    asOf,
                    window,
                    0,
                    List.of(),
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
        double[][] now = ChurnFactors.at(s, pd, end, columns);
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
        double[] meanActive = new double[columns.size()];
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
                    cs.phone(c),
                    cs.email(c),
                    cs.segments().value(cs.segment(c)),
                    p,
                    levelName(level),
                    intervention(level),
                    pAlive,
                    margin,
                    Math.max(0, p * margin),
                    LocalDate.ofEpochDay(last),
                    now[c].clone(),
                    reasons(model, now[c], columns)));
        }
        list.sort(Comparator.comparingDouble(ChurnRiskResult.CustomerRisk::valueAtRisk)
                .reversed()
                .thenComparing(Comparator.comparingDouble(ChurnRiskResult.CustomerRisk::churnProbability)
                        .reversed()));
        List<ChurnRiskResult.Factor> factors = new ArrayList<>();
        for (int f = 0; f < columns.size(); f++) {
            double w = model.coefficients()[f];
            ChurnFactors.Column col = columns.get(f);
            factors.add(new ChurnRiskResult.Factor(
                    col.name(),
                    col.label(),
                    col.description(),
                    w,
                    Math.exp(w),
                    col.unit(),
                    Math.exp(w / model.sds()[f] * col.unitSize()),
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
                selection.candidates(),
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

    private static Labelled labelled(
            Snapshot s,
            PurchaseDays pd,
            boolean[] in,
            int cut,
            int window,
            int end,
            List<ChurnFactors.Column> columns) {
        double[][] f = ChurnFactors.at(s, pd, cut, columns);
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
    static List<String> reasons(LogisticRegression model, double[] f, List<ChurnFactors.Column> columns) {
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
            ChurnFactors.Column col = columns.get(k);
            out.add(
                    switch (col.kind()) {
                        case CALLBACKS -> plural((int) f[k], "callback") + " in the last year";
                        case LOW_RATINGS -> plural((int) f[k], "rating") + " of 1–2 in the last year";
                        case LATE -> plural((int) f[k], "late or disputed invoice") + " in the last year";
                        case DROP ->
                            String.format(Locale.ROOT, "%.0f %% fewer purchases than the year before", 100 * f[k]);
                        case DAYS -> String.format(Locale.ROOT, "no purchase for %.0f days", f[k]);
                        case EVER_CALLBACK -> "had a callback (the risk stays raised)";
                        case EVER_LOW_RATING -> "rated a job 1–2 before (the risk stays raised)";
                        case EVER_LATE -> "paid an invoice late before (the risk stays raised)";
                        case SEGMENT -> col.segment() + " customers churn more";
                    });
        }
        return out;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
