package quant.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import quant.core.analysis.Operations;
import quant.core.analysis.Snapshot;
import quant.core.forecast.business.StageWinRates;

/**
 * How long deals spend in each stage, and how old the open ones are.
 *
 * <ul>
 *   <li>A finished stay is the time between a deal's move into a stage and its next move (to the
 *       next stage, or to won or lost), both on or before the as-of date, from the stage history.
 *   <li>The typical cycle is the median days to close of the won deals.
 *   <li>An open deal is stalled when it has been in its stage longer than twice the 75th percentile
 *       of that stage's finished stays (at least {@value #MIN_STALL_DAYS} days). For a stage with
 *       fewer than {@value #MIN_STAYS} finished stays, or a deal without stage history, its age is
 *       compared with twice the typical cycle instead.
 * </ul>
 */
final class DealAging {
    /** The shortest time in a stage that can count as stalled. */
    static final int MIN_STALL_DAYS = 14;
    /** Finished stays a stage needs for its own stall threshold. */
    static final int MIN_STAYS = 10;

    private final double[] stalledAfter;
    private final double typicalCycle;
    private final List<PipelineResult.StageTime> stageTimes;
    private final int[] enteredDay;
    private final boolean[] fromHistory;

    private DealAging(
            double[] stalledAfter,
            double typicalCycle,
            List<PipelineResult.StageTime> stageTimes,
            int[] enteredDay,
            boolean[] fromHistory) {
        this.stalledAfter = stalledAfter;
        this.typicalCycle = typicalCycle;
        this.stageTimes = stageTimes;
        this.enteredDay = enteredDay;
        this.fromHistory = fromHistory;
    }

    static DealAging measure(Snapshot ops, List<Integer> deals, int[] stageAt, List<Integer> order, int day) {
        Operations.Deals d = ops.deals();
        Operations.StageHistory h = ops.stageHistory();
        int stages = d.stages().size();
        List<List<Double>> stays = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            stays.add(new ArrayList<>());
        }
        int[] entered = new int[d.size()];
        Arrays.fill(entered, Snapshot.NO_DAY);
        boolean[] fromHistory = new boolean[d.size()];
        List<Double> wonDays = new ArrayList<>();
        for (int i : deals) {
            int previous = -1;
            for (int k = h.firstOf(i); k < h.size() && h.deal(k) == i && h.day(k) <= day; k++) {
                if (previous >= 0 && !StageWinRates.isClosing(d.stages().value(h.stage(previous)))) {
                    stays.get(h.stage(previous)).add((double) (h.day(k) - h.day(previous)));
                }
                if (h.stage(k) == stageAt[i]) {
                    entered[i] = h.day(k);
                    fromHistory[i] = true;
                }
                previous = k;
            }
            if (entered[i] == Snapshot.NO_DAY) {
                entered[i] = d.startDay(i);
            }
            if (d.isClosedBy(i, day) && d.outcome(i) == Operations.Deals.WON) {
                double days = PipelineAnalysis.daysToClose(d, i);
                if (!Double.isNaN(days)) {
                    wonDays.add(days);
                }
            }
        }
        double typical = quantile(wonDays, 0.5);
        double[] after = new double[stages];
        Arrays.fill(after, Double.NaN);
        List<PipelineResult.StageTime> times = new ArrayList<>();
        int[] openIn = new int[stages];
        for (int i : deals) {
            if (!d.isClosedBy(i, day) && stageAt[i] >= 0) {
                openIn[stageAt[i]]++;
            }
        }
        for (int s : order) {
            if (StageWinRates.isClosing(d.stages().value(s))) {
                continue;
            }
            List<Double> x = stays.get(s);
            double p75 = quantile(x, 0.75);
            if (x.size() >= MIN_STAYS) {
                after[s] = Math.max(MIN_STALL_DAYS, 2 * p75);
            }
            times.add(new PipelineResult.StageTime(
                    d.stages().value(s),
                    x.size(),
                    PipelineAnalysis.round(
                            x.stream().mapToDouble(v -> v).average().orElse(Double.NaN)),
                    quantile(x, 0.5),
                    p75,
                    after[s],
                    openIn[s],
                    0));
        }
        DealAging aging = new DealAging(after, typical, times, entered, fromHistory);
        int[] stalledIn = new int[stages];
        for (int i : deals) {
            if (!d.isClosedBy(i, day) && stageAt[i] >= 0 && aging.stalled(d, i, stageAt[i], day)) {
                stalledIn[stageAt[i]]++;
            }
        }
        List<PipelineResult.StageTime> counted = times.stream()
                .map(t -> t.withStalled(stalledIn[d.stages().find(t.stage())]))
                .toList();
        return new DealAging(after, typical, counted, entered, fromHistory);
    }

    /** Per open stage in order: finished stays, their mean, median and 75th percentile, the stall threshold. */
    List<PipelineResult.StageTime> stageTimes() {
        return stageTimes;
    }

    /** Median days to close of won deals; NaN without any. */
    double typicalCycle() {
        return typicalCycle;
    }

    /** The day an open deal entered its stage ({@link Snapshot#NO_DAY} when unknown). */
    int enteredDay(int deal) {
        return enteredDay[deal];
    }

    /** Days an open deal has been in its stage at {@code day}; NaN when unknown. */
    double daysInStage(int deal, int day) {
        return enteredDay[deal] == Snapshot.NO_DAY ? Double.NaN : day - enteredDay[deal];
    }

    boolean stalled(Operations.Deals d, int deal, int stage, int day) {
        if (fromHistory[deal] && !Double.isNaN(stalledAfter[stage])) {
            return day - enteredDay[deal] > stalledAfter[stage];
        }
        int start = d.startDay(deal);
        return start != Snapshot.NO_DAY
                && !Double.isNaN(typicalCycle)
                && day - start > Math.max(MIN_STALL_DAYS, 2 * typicalCycle);
    }

    /** The q-quantile by linear interpolation between order statistics (Hyndman & Fan type 7); NaN for none. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] x = values.stream().mapToDouble(v -> v).sorted().toArray();
        double h = (x.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }
}
