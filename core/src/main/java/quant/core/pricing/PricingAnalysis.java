package quant.core.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import quant.core.analysis.AsOf;
import quant.core.analysis.Codes;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;
import quant.core.stats.LogisticRegression;
import quant.core.stats.ModelFitException;

/**
 * Price sensitivity from the quote history: which price wins the job without giving margin away.
 *
 * <ul>
 *   <li>The quote history: deals that reached the quote stage ({@code quote_sent}, else the first stage
 *       whose name says quote or proposal; or any later open stage; every won deal) and were won or lost
 *       by the as-of date. The price ratio is the deal's amount ÷ its product's list price.
 *   <li>The model: logistic regression of winning on ln(price ratio), with the customer's segment and
 *       the product's service line as categories (the most common of each as the baseline), fitted by
 *       maximum likelihood (with a negligible ridge, {@link LogisticRegression}); intervals from the
 *       inverse information matrix. The slope is how fast the log-odds of winning fall per unit of
 *       ln(price ratio): at slope 4, pricing 10 % higher multiplies the odds by 1.1⁻⁴ = 0.68.
 *   <li>Expected margin at a ratio r, per unit of list price: P(win | r) × (r − c), the cost c being the
 *       line's direct cost ÷ revenue on its jobs of the last 12 months times the ratio quoted so far
 *       (the median). The recommended ratio maximises it over the ratios quoted in that line and segment
 *       (no extrapolation), with the range where it is within 5 % of the best.
 *   <li>No price is recommended, with the reason, when there are fewer than {@value #MIN_QUOTES}
 *       decided quotes, no wins or no losses, no variation in price (every ratio within 1 %), or no
 *       price effect (the slope's 95 % interval reaches 0 or below: winning does not measurably fall as
 *       the price rises). A line and segment needs {@value #MIN_CELL} quotes of its own.
 * </ul>
 */
public final class PricingAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(
            Operations.Deals.PART,
            Operations.StageHistory.PART,
            Operations.Products.PART,
            Snapshot.Customers.PART,
            Snapshot.Jobs.PART);

    /** Decided quotes the model needs. */
    public static final int MIN_QUOTES = 30;

    /** Quotes a line and segment needs for a recommendation of its own. */
    public static final int MIN_CELL = 10;

    /** The band around the best expected margin that counts as as good. */
    static final double NEAR_BEST = 0.95;

    private static final int GRID = 121;
    private static final double Z95 = 1.959963984540054;

    private PricingAnalysis() {}

    public static PricingResult run(
            Snapshot s, Optional<LocalDate> asOfDate, List<String> stageOrder, JobMonitor monitor) {
        Operations.Deals deals = s.deals();
        if (deals.size() == 0) {
            throw new InvalidSpecException("The database holds no deals: import them (table deal, with"
                    + " deal_stage_history) to measure how price wins or loses quotes.");
        }
        AsOf asOf = AsOf.resolve(s, asOfDate);
        int end = asOf.day();
        List<String> notes = new ArrayList<>();
        List<String> definitions = definitions();
        Codes stages = deals.stages();
        int quoteStage = QuoteHistory.quoteStage(stages);
        if (quoteStage == Codes.NONE) {
            return refused(
                    asOf,
                    null,
                    0,
                    0,
                    "No deal stage is called quote_sent or names a quote or proposal, so"
                            + " the deals that were quoted cannot be told apart.",
                    notes,
                    definitions);
        }
        monitor.progress(0, 3, "Reading the quotes");
        List<QuoteHistory.Quote> quotes = QuoteHistory.quotes(s, quoteStage, stageOrder, end, notes);
        int n = quotes.size();
        int won = (int) quotes.stream().filter(QuoteHistory.Quote::won).count();
        String stageName = stages.value(quoteStage);
        if (n < MIN_QUOTES) {
            return refused(
                    asOf,
                    stageName,
                    n,
                    won,
                    String.format(
                            Locale.ROOT,
                            "Pricing needs at least %d decided quotes (deals that reached %s and were won or lost); there"
                                    + " %s %d.",
                            MIN_QUOTES,
                            stageName,
                            n == 1 ? "is" : "are",
                            n),
                    notes,
                    definitions);
        }
        if (won == 0 || won == n) {
            return refused(
                    asOf,
                    stageName,
                    n,
                    won,
                    "All " + n + " decided quotes were " + (won == 0 ? "lost" : "won")
                            + ": with one outcome, how price moves it cannot be measured.",
                    notes,
                    definitions);
        }
        double[] ln = quotes.stream().mapToDouble(QuoteHistory.Quote::lnRatio).toArray();
        if (sd(ln) < 0.01) {
            return refused(
                    asOf,
                    stageName,
                    n,
                    won,
                    "Every quote was priced within 1 % of the same ratio to its list"
                            + " price: with no variation in price, its effect cannot be measured.",
                    notes,
                    definitions);
        }
        monitor.progress(1, 3, "Fitting win probability against price");
        List<String> segments =
                levels(quotes.stream().map(QuoteHistory.Quote::segment).toList());
        List<String> lines =
                levels(quotes.stream().map(QuoteHistory.Quote::line).toList());
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = features(
                    quotes.get(i).lnRatio(),
                    quotes.get(i).segment(),
                    quotes.get(i).line(),
                    segments,
                    lines);
            y[i] = quotes.get(i).won() ? 1 : 0;
        }
        LogisticRegression model;
        try {
            model = LogisticRegression.fit(x, y, LogisticRegression.DEFAULT_LAMBDA);
        } catch (ModelFitException e) {
            return refused(
                    asOf,
                    stageName,
                    n,
                    won,
                    "The win model could not be fitted: " + e.getMessage(),
                    notes,
                    definitions);
        }
        double[] b = model.rawCoefficients();
        double[][] cov = model.rawCovariance();
        double se = Math.sqrt(cov[1][1]);
        double slope = -b[1];
        double slopeLower = slope - Z95 * se;
        double slopeUpper = slope + Z95 * se;
        List<PricingResult.Effect> effects = effects(b, cov, segments, lines);
        String refusal = null;
        if (!(slopeLower > 0)) {
            refusal = String.format(
                    Locale.ROOT,
                    "No price effect was found: winning does not fall measurably as the price rises (slope %.2f, 95 %%"
                            + " from %.2f to %.2f), so no price is recommended.",
                    slope,
                    slopeLower,
                    slopeUpper);
        }
        monitor.progress(2, 3, "Finding the best price");
        Map<String, Double> costShare = costShares(s, end);
        Map<String, List<QuoteHistory.Quote>> cells = new TreeMap<>();
        for (QuoteHistory.Quote q : quotes) {
            cells.computeIfAbsent(q.line() + "\u0000" + q.segment(), k -> new ArrayList<>())
                    .add(q);
        }
        List<PricingResult.Recommendation> recommendations = new ArrayList<>();
        List<PricingResult.Curve> curves = new ArrayList<>();
        for (Map.Entry<String, List<QuoteHistory.Quote>> cell : cells.entrySet()) {
            List<QuoteHistory.Quote> qs = cell.getValue();
            String line = qs.getFirst().line();
            String segment = qs.getFirst().segment();
            if (qs.size() < MIN_CELL) {
                continue;
            }
            Double c = costShare.get(line);
            if (c == null) {
                notes.add("No job revenue of " + line + " in the 12 months to the as-of date to take its cost from:"
                        + " its quotes are not priced.");
                continue;
            }
            double[] r =
                    qs.stream().mapToDouble(q -> Math.exp(q.lnRatio())).sorted().toArray();
            double median = median(r);
            double cost = c * median;
            List<PricingResult.Point> points = new ArrayList<>();
            for (int k = 0; k < GRID; k++) {
                double ratio = r[0] * Math.pow(r[r.length - 1] / r[0], k / (double) (GRID - 1));
                double[] f = features(Math.log(ratio), segment, line, segments, lines);
                double eta = b[0];
                for (int j = 0; j < f.length; j++) {
                    eta += b[j + 1] * f[j];
                }
                double sdEta = Math.sqrt(Math.max(0, quadratic(cov, f)));
                double win = LogisticRegression.sigmoid(eta);
                points.add(new PricingResult.Point(
                        ratio,
                        win,
                        LogisticRegression.sigmoid(eta - Z95 * sdEta),
                        LogisticRegression.sigmoid(eta + Z95 * sdEta),
                        win * (ratio - cost)));
            }
            curves.add(new PricingResult.Curve(line, segment, median, List.copyOf(points)));
            if (refusal != null) {
                continue;
            }
            PricingResult.Point best = points.stream()
                    .max(java.util.Comparator.comparingDouble(PricingResult.Point::expected))
                    .orElseThrow();
            if (!(best.expected() > 0)) {
                notes.add("In " + line + " for " + segment + " no quoted price leaves a margin over the line's costs.");
                continue;
            }
            double low = best.ratio();
            double high = best.ratio();
            for (PricingResult.Point p : points) {
                if (p.expected() >= NEAR_BEST * best.expected()) {
                    low = Math.min(low, p.ratio());
                    high = Math.max(high, p.ratio());
                }
            }
            if (best.ratio() >= r[r.length - 1] * 0.999) {
                notes.add(String.format(
                        Locale.ROOT,
                        "In %s for %s the best price is the highest quoted so far (%.2f × list): dearer quotes were"
                                + " never tried, so the best may lie higher.",
                        line,
                        segment,
                        best.ratio()));
            } else if (best.ratio() <= r[0] * 1.001) {
                notes.add(String.format(
                        Locale.ROOT,
                        "In %s for %s the best price is the lowest quoted so far (%.2f × list): cheaper quotes were"
                                + " never tried, so the best may lie lower.",
                        line,
                        segment,
                        best.ratio()));
            }
            PricingResult.Point atMedian = pointAt(points, median);
            double listPrice = median(qs.stream()
                    .mapToDouble(QuoteHistory.Quote::listPrice)
                    .sorted()
                    .toArray());
            recommendations.add(new PricingResult.Recommendation(
                    line,
                    segment,
                    qs.size(),
                    (int) qs.stream().filter(QuoteHistory.Quote::won).count(),
                    median,
                    c,
                    best.ratio(),
                    low,
                    high,
                    best.win(),
                    atMedian.win(),
                    best.expected(),
                    atMedian.expected(),
                    listPrice,
                    best.ratio() * listPrice));
        }
        monitor.progress(3, 3, "Done");
        return new PricingResult(
                asOf,
                stageName,
                n,
                won,
                refusal,
                slope,
                slopeLower,
                slopeUpper,
                List.copyOf(effects),
                refusal == null ? List.copyOf(recommendations) : List.of(),
                List.copyOf(curves),
                List.copyOf(notes),
                definitions);
    }

    private static PricingResult refused(
            AsOf asOf, String stage, int n, int won, String why, List<String> notes, List<String> definitions) {
        return new PricingResult(
                asOf,
                stage,
                n,
                won,
                why,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                List.of(),
                List.copyOf(notes),
                definitions);
    }

    /** Each line's direct cost ÷ revenue over its jobs completed in the 365 days to {@code end}. */
    static Map<String, Double> costShares(Snapshot s, int end) {
        Snapshot.Jobs jobs = s.jobs();
        Map<String, double[]> sums = new HashMap<>();
        for (int j = 0; j < jobs.size(); j++) {
            int day = jobs.completedDay(j);
            if (jobs.isCompleted(j) && day > end - 365 && day <= end) {
                double[] t = sums.computeIfAbsent(QuoteHistory.lineOf(s, jobs.serviceLine(j)), k -> new double[2]);
                t[0] += jobs.cost(j);
                t[1] += jobs.revenue(j);
            }
        }
        Map<String, Double> out = new HashMap<>();
        sums.forEach((line, t) -> {
            if (t[1] > 0) {
                out.put(line, t[0] / t[1]);
            }
        });
        return out;
    }

    /** The categories of a column, most common first (the first is the baseline). */
    private static List<String> levels(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** [ln ratio, a dummy per segment but the baseline, a dummy per line but the baseline]. */
    private static double[] features(
            double lnRatio, String segment, String line, List<String> segments, List<String> lines) {
        double[] f = new double[1 + segments.size() - 1 + lines.size() - 1];
        f[0] = lnRatio;
        int k = segments.indexOf(segment);
        if (k > 0) {
            f[k] = 1;
        }
        int l = lines.indexOf(line);
        if (l > 0) {
            f[segments.size() - 1 + l] = 1;
        }
        return f;
    }

    /** (1, f)ᵀ Σ (1, f): the variance of the logit at features f. */
    private static double quadratic(double[][] cov, double[] f) {
        double[] v = new double[f.length + 1];
        v[0] = 1;
        System.arraycopy(f, 0, v, 1, f.length);
        double q = 0;
        for (int a = 0; a < v.length; a++) {
            for (int c = 0; c < v.length; c++) {
                q += v[a] * cov[a][c] * v[c];
            }
        }
        return q;
    }

    private static List<PricingResult.Effect> effects(
            double[] b, double[][] cov, List<String> segments, List<String> lines) {
        List<PricingResult.Effect> out = new ArrayList<>();
        String[] names = new String[b.length];
        names[0] = "baseline (segment " + segments.getFirst() + ", line " + lines.getFirst() + ", at list price)";
        names[1] = "ln(price ÷ list price)";
        for (int k = 1; k < segments.size(); k++) {
            names[1 + k] = "segment " + segments.get(k);
        }
        for (int l = 1; l < lines.size(); l++) {
            names[segments.size() + l] = "line " + lines.get(l);
        }
        for (int j = 0; j < b.length; j++) {
            double se = Math.sqrt(Math.max(0, cov[j][j]));
            out.add(new PricingResult.Effect(names[j], b[j], b[j] - Z95 * se, b[j] + Z95 * se));
        }
        return out;
    }

    private static PricingResult.Point pointAt(List<PricingResult.Point> points, double ratio) {
        PricingResult.Point nearest = points.getFirst();
        for (PricingResult.Point p : points) {
            if (Math.abs(Math.log(p.ratio() / ratio)) < Math.abs(Math.log(nearest.ratio() / ratio))) {
                nearest = p;
            }
        }
        return nearest;
    }

    /** The median of sorted values. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / Math.max(1, v.length - 1));
    }

    private static List<String> definitions() {
        return List.of(
                "Quote history: deals that reached the quote stage (or a later one, or were won) and were won or lost"
                        + " by the as-of date; price ratio = amount ÷ the product's list price.",
                "Win model: logit P(win) = baseline + segment + line − slope × ln(price ratio), by maximum likelihood;"
                        + " 95 % intervals from the information matrix.",
                "Expected margin per unit of list price = P(win) × (ratio − cost), cost = the line's direct cost ÷"
                        + " revenue on its jobs of the last 12 months × the median ratio quoted.",
                "The recommended ratio has the highest expected margin among the ratios quoted in the line and"
                        + " segment; the range is where the expected margin is within 5 % of that.");
    }
}
