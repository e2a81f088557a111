package quant.core.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quant.core.analysis.Codes;
import quant.core.analysis.Operations;
import quant.core.analysis.Snapshot;
import quant.core.churn.Roc;
import quant.core.forecast.business.StageWinRates;
import quant.core.stats.LogisticRegression;
import quant.core.stats.ModelFitException;

/**
 * Win probabilities for open deals from a logistic regression ({@link LogisticRegression}) on closed
 * deals. A closed deal gives a training row when it entered each open stage and every
 * {@value #OBSERVE_EVERY} days it stayed there (from the stage history; without history, one row at
 * the last open stage), each describing the deal as it stood then: the stage (one indicator per
 * stage after the first), its age and its days in the stage (log(1 + days)), its size
 * (log(1 + amount)), and indicators for its lead source, sales rep and product (the most common
 * {@value #MAX_LEVELS} of each; the rest together, the most common being the reference). The
 * label is whether the deal was won. An open deal is scored as it stands at the as-of date.
 *
 * <p>Above {@value #MAX_TRAINING_DEALS} closed deals, every k-th by close date is used, so the fit
 * stays fast on large sales teams.
 *
 * <p>Validation on a time split: the model is fitted on deals closed before the day by which three
 * quarters of the closed deals had closed, and its ROC AUC measured on the rows of the deals that
 * closed from that day on. The probabilities shown come from a refit on every closed deal. A deal's
 * drivers are the feature groups that move its log-odds most from the average row's.
 */
final class DealScoring {
    /** Levels kept per categorical feature. */
    static final int MAX_LEVELS = 8;
    /** Closed deals needed before a model is fitted. */
    static final int MIN_CLOSED = 30;
    /** Ridge penalty on the standardised coefficients: the dummies of small groups stay modest. */
    static final double LAMBDA = 1e-2;
    /** A closed deal is observed again every this many days it stayed in a stage. */
    static final int OBSERVE_EVERY = 30;

    /**
     * Closed deals the model learns from at most: above this, every k-th deal by close date is kept
     * (k = ⌈closed ÷ this⌉). Some thirty coefficients are estimated well long before this many deals,
     * and the fit stays well under a second on a sales team with hundreds of thousands of deals.
     */
    static final int MAX_TRAINING_DEALS = 20_000;

    private static final int GROUPS = 7;

    private final Snapshot ops;
    private final int day;
    private final List<Integer> openStages;
    private final int[] stagePosition;
    private final Levels sources;
    private final Levels reps;
    private final Levels products;
    private final List<String> groups = new ArrayList<>();
    private final boolean useSize;
    private final List<Integer> groupOf = new ArrayList<>();

    private record Levels(Map<Integer, Integer> index, int count) {
        int of(int code) {
            return index.getOrDefault(code, -1);
        }
    }

    private DealScoring(Snapshot ops, List<Integer> deals, List<Integer> order, int day) {
        this.ops = ops;
        this.day = day;
        Operations.Deals d = ops.deals();
        openStages = order.stream()
                .filter(s -> !StageWinRates.isClosing(d.stages().value(s)))
                .toList();
        stagePosition = new int[d.stages().size()];
        java.util.Arrays.fill(stagePosition, -1);
        for (int k = 0; k < openStages.size(); k++) {
            stagePosition[openStages.get(k)] = k;
        }
        for (int k = 1; k < openStages.size(); k++) {
            feature("stage " + d.stages().value(openStages.get(k)), 0);
        }
        feature("age", 1);
        feature("days in stage", 6);
        useSize = amountsKnown(d, deals, day);
        feature("size", 2);
        sources = levels(deals, d::leadSource, d.leadSources(), "source", 3);
        reps = levels(deals, d::rep, d.reps(), "rep", 4);
        products = levels(deals, d::product, d.products(), "product", 5);
    }

    /**
     * Whether deal size can be a feature: at least half the open deals and half the lost deals carry a
     * positive amount. CRM exports often record a value only at close (0 for a lost deal, none while
     * open), which would make size tell the outcome rather than predict it.
     */
    private static boolean amountsKnown(Operations.Deals d, List<Integer> deals, int day) {
        int open = 0;
        int openKnown = 0;
        int lost = 0;
        int lostKnown = 0;
        for (int i : deals) {
            boolean known = d.amount(i) > 0;
            if (!d.isClosedBy(i, day)) {
                open++;
                openKnown += known ? 1 : 0;
            } else if (d.outcome(i) == Operations.Deals.LOST) {
                lost++;
                lostKnown += known ? 1 : 0;
            }
        }
        return 2 * openKnown >= open && 2 * lostKnown >= lost;
    }

    private void feature(String name, int group) {
        groups.add(name);
        groupOf.add(group);
    }

    private Levels levels(
            List<Integer> deals, java.util.function.IntUnaryOperator code, Codes codes, String label, int group) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i : deals) {
            int c = code.applyAsInt(i);
            if (c != Codes.NONE) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        List<Integer> top = counts.keySet().stream()
                .sorted(Comparator.comparingInt((Integer c) -> -counts.get(c)).thenComparingInt(c -> c))
                .limit(MAX_LEVELS)
                .toList();
        Map<Integer, Integer> index = new HashMap<>();
        for (int k = 1; k < top.size(); k++) {
            index.put(top.get(k), k - 1);
            feature(label + " " + codes.value(top.get(k)), group);
        }
        return new Levels(index, Math.max(0, top.size() - 1));
    }

    /** The model, its validation and the open deals' scores; null when too few deals have closed. */
    static DealScoring.Scored score(
            Snapshot ops, List<Integer> deals, int[] stageAt, List<Integer> order, DealAging aging, int day) {
        DealScoring s = new DealScoring(ops, deals, order, day);
        return s.run(deals, stageAt, aging);
    }

    /** The fitted model's summary and each open deal's probability and drivers (by deal row). */
    record Scored(
            PipelineResult.Scoring scoring,
            Map<Integer, Double> probability,
            Map<Integer, List<PipelineResult.Driver>> drivers) {}

    private Scored run(List<Integer> deals, int[] stageAt, DealAging aging) {
        Operations.Deals d = ops.deals();
        List<Integer> allClosed = deals.stream()
                .filter(i -> d.isClosedBy(i, day))
                .sorted(Comparator.comparingInt(d::closedDay).thenComparingInt(i -> i))
                .toList();
        if (allClosed.size() < MIN_CLOSED || openStages.isEmpty()) {
            return null;
        }
        int stride = (allClosed.size() + MAX_TRAINING_DEALS - 1) / MAX_TRAINING_DEALS;
        List<Integer> closed = stride == 1
                ? allClosed
                : java.util.stream.IntStream.range(0, allClosed.size())
                        .filter(k -> k % stride == 0)
                        .mapToObj(allClosed::get)
                        .toList();
        int split = d.closedDay(closed.get((int) Math.floor(closed.size() * 0.75)));
        List<double[]> trainX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<double[]> testX = new ArrayList<>();
        List<Integer> testY = new ArrayList<>();
        List<double[]> allX = new ArrayList<>();
        List<Integer> allY = new ArrayList<>();
        int trainDeals = 0;
        int testDeals = 0;
        for (int i : closed) {
            int y = d.outcome(i) == Operations.Deals.WON ? 1 : 0;
            boolean train = d.closedDay(i) < split;
            trainDeals += train ? 1 : 0;
            testDeals += train ? 0 : 1;
            for (double[] row : trainingRows(i)) {
                (train ? trainX : testX).add(row);
                (train ? trainY : testY).add(y);
                allX.add(row);
                allY.add(y);
            }
        }
        double auc = Double.NaN;
        String note = useSize
                ? null
                : "Size left out: fewer than half the open or the lost deals carry an amount, so it would only tell"
                        + " closed deals from open ones.";
        if (stride > 1) {
            note = (note == null ? "" : note + " ")
                    + String.format(
                            java.util.Locale.ROOT,
                            "Learned from every %d%s of the %,d closed deals by close date.",
                            stride,
                            stride == 2 ? "nd" : stride == 3 ? "rd" : "th",
                            allClosed.size());
        }
        try {
            LogisticRegression m = fit(trainX, trainY);
            double[] scores = testX.stream().mapToDouble(m::probability).toArray();
            auc = Roc.auc(scores, testY.stream().mapToInt(v -> v).toArray());
        } catch (ModelFitException e) {
            note = (note == null ? "" : note + " ") + "Not validated: " + e.getMessage();
        }
        LogisticRegression model;
        try {
            model = fit(allX, allY);
        } catch (ModelFitException e) {
            return null;
        }
        Map<Integer, Double> probability = new HashMap<>();
        Map<Integer, List<PipelineResult.Driver>> drivers = new HashMap<>();
        for (int i : deals) {
            if (d.isClosedBy(i, day) || stageAt[i] < 0 || stagePosition[stageAt[i]] < 0) {
                continue;
            }
            int start = d.startDay(i);
            int entered = aging.enteredDay(i);
            double[] row = row(
                    stageAt[i],
                    start == Snapshot.NO_DAY ? 0 : day - start,
                    entered == Snapshot.NO_DAY ? 0 : day - entered,
                    i);
            probability.put(i, Math.round(model.probability(row) * 10_000) / 10_000.0);
            drivers.put(i, drivers(model, row, stageAt[i], i));
        }
        List<PipelineResult.Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < groups.size(); j++) {
            if (groupOf.get(j) == 2 && !useSize) {
                continue;
            }
            coefficients.add(new PipelineResult.Coefficient(groups.get(j), model.coefficients()[j]));
        }
        coefficients.sort(Comparator.comparingDouble((PipelineResult.Coefficient c) -> -Math.abs(c.perSd())));
        return new Scored(
                new PipelineResult.Scoring(
                        LocalDate.ofEpochDay(split),
                        trainDeals,
                        testDeals,
                        trainX.size(),
                        testX.size(),
                        auc,
                        note,
                        List.copyOf(coefficients)),
                probability,
                drivers);
    }

    private static LogisticRegression fit(List<double[]> x, List<Integer> y) {
        return LogisticRegression.fit(
                x.toArray(double[][]::new), y.stream().mapToInt(v -> v).toArray(), LAMBDA);
    }

    /** A closed deal as it stood at each open stage it entered. */
    private List<double[]> trainingRows(int i) {
        Operations.Deals d = ops.deals();
        Operations.StageHistory h = ops.stageHistory();
        int start = d.startDay(i);
        List<double[]> rows = new ArrayList<>();
        for (int k = h.firstOf(i); k < h.size() && h.deal(k) == i; k++) {
            int s = h.stage(k);
            if (stagePosition[s] < 0 || h.day(k) > d.closedDay(i)) {
                continue;
            }
            int left = k + 1 < h.size() && h.deal(k + 1) == i ? h.day(k + 1) : d.closedDay(i);
            for (int t = h.day(k); t == h.day(k) || t < left; t += OBSERVE_EVERY) {
                int age = start == Snapshot.NO_DAY ? 0 : Math.max(0, t - start);
                rows.add(row(s, age, t - h.day(k), i));
            }
        }
        if (rows.isEmpty()) {
            int last = openStages.getLast();
            int engaged = d.engagedDay(i);
            int age = start == Snapshot.NO_DAY || engaged == Snapshot.NO_DAY ? 0 : Math.max(0, engaged - start);
            rows.add(row(last, age, 0, i));
        }
        return rows;
    }

    private double[] row(int stage, double ageDays, double daysInStage, int deal) {
        Operations.Deals d = ops.deals();
        double[] x = new double[groups.size()];
        int at = 0;
        int position = stagePosition[stage];
        if (position > 0) {
            x[position - 1] = 1;
        }
        at += openStages.size() - 1;
        x[at++] = Math.log1p(ageDays);
        x[at++] = Math.log1p(daysInStage);
        x[at++] = useSize ? Math.log1p(Math.max(0, d.amount(deal))) : 0;
        at = indicator(x, at, sources, d.leadSource(deal));
        at = indicator(x, at, reps, d.rep(deal));
        indicator(x, at, products, d.product(deal));
        return x;
    }

    private static int indicator(double[] x, int at, Levels levels, int code) {
        int k = levels.of(code);
        if (k >= 0) {
            x[at + k] = 1;
        }
        return at + levels.count();
    }

    /** The three feature groups that move this row's log-odds most, largest first. */
    private List<PipelineResult.Driver> drivers(LogisticRegression model, double[] row, int stage, int deal) {
        Operations.Deals d = ops.deals();
        double[] effect = new double[GROUPS];
        for (int j = 0; j < groups.size(); j++) {
            effect[groupOf.get(j)] += model.contribution(row, j);
        }
        String[] label = {
            "stage " + d.stages().value(stage),
            "age " + Math.round(Math.expm1(row[openStages.size() - 1])) + " days",
            "size " + Math.round(d.amount(deal)),
            "source " + orNone(d.leadSources().value(d.leadSource(deal))),
            "rep " + orNone(d.reps().value(d.rep(deal))),
            "product " + orNone(d.products().value(d.product(deal))),
            Math.round(Math.expm1(row[openStages.size()])) + " days in stage"
        };
        List<PipelineResult.Driver> out = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            if (g == 2 && !useSize) {
                continue;
            }
            out.add(new PipelineResult.Driver(label[g], Math.round(effect[g] * 1000) / 1000.0));
        }
        out.sort(Comparator.comparingDouble((PipelineResult.Driver x) -> -Math.abs(x.logOdds())));
        return List.copyOf(out.subList(0, Math.min(3, out.size())));
    }

    private static String orNone(String v) {
        return v == null ? "(none)" : v;
    }
}
