package quant.core.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import quant.core.analysis.PurchaseDays;
import quant.core.job.JobMonitor;
import quant.core.stats.ModelFitException;

/**
 * The calibration/holdout check of a repeat-buying model, as Fader, Hardie &amp; Lee (2005) show it
 * for CDNOW: fit on the purchases up to a split day, then compare with what happened after it.
 *
 * <ul>
 *   <li>Tracking: cumulative repeat transactions of the customers whose first purchase is before the
 *       split, week by week from the first purchase in the data to the end, actual against the
 *       model's Σ E[X(t − t₀ᵢ)] (each customer from their own first purchase).
 *   <li>Conditional expectations: by number of repeat purchases in calibration (0 … 6, then 7+), the
 *       mean number of purchases in the holdout, actual against E[Y(holdout) | x, t_x, T].
 * </ul>
 *
 * @param model the model's key
 * @param params its parameters fitted on the calibration period
 * @param customers customers in the check (first purchase before the split)
 * @param weeks the tracking curve
 * @param byFrequency the conditional expectations by calibration frequency
 * @param actualHoldout repeat purchases of those customers in the holdout
 * @param predictedHoldout the model's expectation of it
 */
public record HoldoutCheck(
        String model,
        LocalDate split,
        LocalDate end,
        Map<String, Double> params,
        int customers,
        List<WeekPoint> weeks,
        List<FrequencyPoint> byFrequency,
        double actualHoldout,
        double predictedHoldout) {

    /** Where the frequency buckets end: 7 stands for "7 or more". */
    public static final int TOP_BUCKET = 7;

    /**
     * One week of the tracking curve.
     *
     * @param week weeks since the first purchase in the data (1 = the first week's end)
     * @param end the week's last day
     * @param actual cumulative repeat purchases to that day
     * @param predicted the model's cumulative expectation
     */
    public record WeekPoint(int week, LocalDate end, double actual, double predicted) {}

    /**
     * Customers with one number of calibration repeat purchases.
     *
     * @param x repeat purchases in calibration; {@value #TOP_BUCKET} means that many or more
     * @param actual mean purchases in the holdout
     * @param predicted mean conditional expectation
     */
    public record FrequencyPoint(int x, int customers, double actual, double predicted) {}

    /**
     * Runs the check.
     *
     * @param chosen the customers that may take part (null for all)
     * @param fitter fits a model on the calibration summaries (throws {@link ModelFitException})
     * @throws ModelFitException when no customer bought before the split, or the fit fails
     */
    public static HoldoutCheck run(
            PurchaseDays pd,
            boolean[] chosen,
            int splitDay,
            int endDay,
            String modelKey,
            Function<CustomerSummaries, RepeatModel> fitter,
            JobMonitor monitor) {
        RepeatSummaries cal = RepeatSummaries.at(pd, chosen, splitDay);
        if (cal.isEmpty()) {
            throw new ModelFitException("No customer bought before the split date " + LocalDate.ofEpochDay(splitDay)
                    + ": there is nothing to calibrate on.");
        }
        RepeatModel model = fitter.apply(cal.summaries());
        monitor.checkCancelled();
        int firstDay = Integer.MAX_VALUE;
        for (int f : cal.firstDay()) {
            firstDay = Math.min(firstDay, f);
        }
        int weeks = (int) Math.ceil((endDay - firstDay) / RepeatSummaries.WEEK);
        // actual: repeat purchase days, counted in the week (from firstDay) they fall in
        double[] perWeek = new double[weeks + 1];
        int[] firstPerDay = new int[endDay - firstDay + 1];
        for (int i = 0; i < cal.size(); i++) {
            int c = cal.customer()[i];
            firstPerDay[cal.firstDay()[i] - firstDay]++;
            int last = pd.start(c) + pd.countUpTo(c, endDay);
            for (int k = pd.start(c) + 1; k < last; k++) {
                int w = (int) Math.ceil((pd.day(k) - firstDay) / RepeatSummaries.WEEK);
                perWeek[Math.min(Math.max(w, 1), weeks)]++;
            }
        }
        // predicted: Σ over first-purchase days of (customers that day) · E[X(lag)], E computed once per lag
        double[] expectedAtLag = new double[endDay - firstDay + 1];
        for (int lag = 0; lag < expectedAtLag.length; lag++) {
            expectedAtLag[lag] = lag == 0 ? 0 : model.expectedPurchases(lag / RepeatSummaries.WEEK);
        }
        List<WeekPoint> curve = new ArrayList<>(weeks);
        double actual = 0;
        for (int w = 1; w <= weeks; w++) {
            monitor.checkCancelled();
            int day = Math.min(firstDay + (int) Math.round(w * RepeatSummaries.WEEK), endDay);
            actual += perWeek[w];
            double predicted = 0;
            for (int d = firstDay; d < day; d++) {
                int n = firstPerDay[d - firstDay];
                if (n > 0) {
                    predicted += n * expectedAtLag[day - d];
                }
            }
            curve.add(new WeekPoint(w, LocalDate.ofEpochDay(day), actual, predicted));
        }
        // conditional expectations in the holdout, by calibration frequency
        double horizon = (endDay - splitDay) / RepeatSummaries.WEEK;
        int[] count = new int[TOP_BUCKET + 1];
        double[] act = new double[TOP_BUCKET + 1];
        double[] pred = new double[TOP_BUCKET + 1];
        double totalActual = 0;
        double totalPredicted = 0;
        CustomerSummaries s = cal.summaries();
        for (int i = 0; i < cal.size(); i++) {
            int c = cal.customer()[i];
            int holdout = pd.countUpTo(c, endDay) - pd.countUpTo(c, splitDay);
            double e = model.conditionalExpectedPurchases(horizon, s.x(i), s.tx(i), s.t(i));
            int b = (int) Math.min(s.x(i), TOP_BUCKET);
            count[b]++;
            act[b] += holdout;
            pred[b] += e;
            totalActual += holdout;
            totalPredicted += e;
        }
        List<FrequencyPoint> byX = new ArrayList<>();
        for (int b = 0; b <= TOP_BUCKET; b++) {
            if (count[b] > 0) {
                byX.add(new FrequencyPoint(b, count[b], act[b] / count[b], pred[b] / count[b]));
            }
        }
        return new HoldoutCheck(
                modelKey,
                LocalDate.ofEpochDay(splitDay),
                LocalDate.ofEpochDay(endDay),
                model.params(),
                cal.size(),
                curve,
                byX,
                totalActual,
                totalPredicted);
    }
}
