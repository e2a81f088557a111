package quant.core.cohort;

import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerHistory;
import quant.core.analysis.Money;
import quant.core.analysis.Part;
import quant.core.analysis.Period;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Customer and revenue retention by acquisition cohort.
 *
 * <ul>
 *   <li>A customer's cohort is the period of {@code acquired_on}, or of the first completed job when
 *       that is empty; customers with neither, or whose cohort starts after the as-of day, are left out.
 *   <li>A customer is active in a period when they made a purchase in it: a completed job with revenue
 *       above 0 (warranty callbacks have revenue 0 and are not purchases). Customers with gaps count
 *       again when they return.
 *   <li>Revenue and margin of a period are summed over all the cohort's jobs completed in it
 *       (callbacks included: their cost lowers margin). Margin = revenue − labour − material −
 *       equipment cost.
 *   <li>Only jobs completed on or before the as-of day count; the period holding the as-of day is
 *       partial unless the as-of day is its last day, and its cells are marked so.
 * </ul>
 *
 * One pass over the jobs; active customer-periods are kept as one bit each.
 */
public final class CohortAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART);

    private CohortAnalysis() {}

    public static CohortResult run(Snapshot s, CohortSpec spec, JobMonitor monitor) {
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        Period period = spec.period();
        int asOfDay = asOf.day();
        int lastPeriod = period.index(asOfDay);
        boolean partial = !period.end(lastPeriod).equals(asOf.date());
        monitor.progress(0, 3, "Finding cohorts");
        CustomerHistory history = CustomerHistory.of(s, asOfDay, monitor);

        int n = s.customers().size();
        int[] cohortOf = new int[n];
        int firstCohort = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int day = history.cohortDay(i);
            if (day == Snapshot.NO_DAY || day > asOfDay || !spec.filter().test(s, i, history.firstServiceLine(i))) {
                cohortOf[i] = Integer.MIN_VALUE;
                continue;
            }
            cohortOf[i] = period.index(day);
            firstCohort = Math.min(firstCohort, cohortOf[i]);
        }
        List<String> definitions = definitions(period);
        if (firstCohort == Integer.MAX_VALUE) {
            return new CohortResult(asOf, period, spec.metric(), 0, List.of(), List.of(), null, definitions);
        }
        int cohorts = lastPeriod - firstCohort + 1;
        int[] size = new int[cohorts];
        for (int i = 0; i < n; i++) {
            if (cohortOf[i] != Integer.MIN_VALUE) {
                size[cohortOf[i] - firstCohort]++;
            }
        }
        // activity bits: customer i, calendar period p → bit (p − firstCohort) of row i
        int words = (cohorts + 63) >>> 6;
        long[] activeBits = new long[n * words];
        double[][] revenue = new double[cohorts][];
        double[][] margin = new double[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            revenue[c] = new double[cohorts - c];
            margin[c] = new double[cohorts - c];
        }
        monitor.progress(1, 3, "Counting active customers");
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            if ((j & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            int customer = jobs.customer(j);
            int day = jobs.completedDay(j);
            if (customer < 0 || !jobs.isCompleted(j) || day > asOfDay || cohortOf[customer] == Integer.MIN_VALUE) {
                continue;
            }
            int c = cohortOf[customer] - firstCohort;
            // a job dated before its customer's acquisition counts in the cohort's first period
            int p = Math.max(period.index(day) - firstCohort, c);
            revenue[c][p - c] += jobs.revenue(j);
            margin[c][p - c] += jobs.margin(j);
            if (jobs.isTransaction(j)) {
                activeBits[customer * words + (p >>> 6)] |= 1L << (p & 63);
            }
        }
        int[][] active = new int[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            active[c] = new int[cohorts - c];
        }
        for (int i = 0; i < n; i++) {
            if (cohortOf[i] == Integer.MIN_VALUE) {
                continue;
            }
            int c = cohortOf[i] - firstCohort;
            for (int w = 0; w < words; w++) {
                long bits = activeBits[i * words + w];
                while (bits != 0) {
                    int p = (w << 6) + Long.numberOfTrailingZeros(bits);
                    active[c][p - c]++;
                    bits &= bits - 1;
                }
            }
        }
        monitor.progress(2, 3, "Building the table");
        List<CohortResult.Cohort> rows = new ArrayList<>();
        int customers = 0;
        for (int c = 0; c < cohorts; c++) {
            if (size[c] == 0) {
                continue;
            }
            customers += size[c];
            List<CohortResult.Cell> cells = new ArrayList<>();
            double cumulativeRevenue = 0;
            double cumulativeMargin = 0;
            for (int age = 0; age < cohorts - c; age++) {
                int calendar = firstCohort + c + age;
                cumulativeRevenue += revenue[c][age];
                cumulativeMargin += margin[c][age];
                cells.add(new CohortResult.Cell(
                        age,
                        period.label(calendar),
                        active[c][age],
                        (double) active[c][age] / size[c],
                        Money.cents(revenue[c][age]),
                        revenue[c][0] > 0 ? revenue[c][age] / revenue[c][0] : 0,
                        Money.cents(margin[c][age]),
                        Money.cents(cumulativeRevenue / size[c]),
                        Money.cents(cumulativeMargin / size[c]),
                        partial && calendar == lastPeriod));
            }
            int index = firstCohort + c;
            rows.add(new CohortResult.Cohort(period.label(index), period.start(index), size[c], cells));
        }
        monitor.progress(3, 3, "Building the table");
        return new CohortResult(
                asOf,
                period,
                spec.metric(),
                customers,
                rows,
                average(rows),
                partial ? period.label(lastPeriod) : null,
                definitions);
    }

    /**
     * Size-weighted means by age over the cohorts whose cell at that age is complete. The cumulative
     * margin per customer chains the ages' increments, Σ_{a' ≤ a} (margin at a' of the cohorts complete
     * at a' ÷ their customers), so that a changing mix of cohorts never makes it fall; the lifetime-value
     * cohort curve and the marketing payback curves are built the same way.
     */
    private static List<CohortResult.AgePoint> average(List<CohortResult.Cohort> rows) {
        List<CohortResult.AgePoint> points = new ArrayList<>();
        double chained = 0;
        for (int age = 0; ; age++) {
            int count = 0;
            long size = 0;
            long active = 0;
            double revenue = 0;
            double firstRevenue = 0;
            double margin = 0;
            for (CohortResult.Cohort cohort : rows) {
                if (cohort.cells().size() <= age || cohort.cells().get(age).partial()) {
                    continue;
                }
                CohortResult.Cell cell = cohort.cells().get(age);
                count++;
                size += cohort.size();
                active += cell.active();
                revenue += cell.revenue();
                firstRevenue += cohort.cells().getFirst().revenue();
                margin += cell.margin();
            }
            if (count == 0) {
                return points;
            }
            chained += margin / size;
            points.add(new CohortResult.AgePoint(
                    age,
                    count,
                    (double) active / size,
                    firstRevenue > 0 ? revenue / firstRevenue : 0,
                    Money.cents(chained)));
        }
    }

    private static List<String> definitions(Period period) {
        return List.of(
                "Cohort: the " + period.key() + " a customer was acquired in (acquired_on), or of their first"
                        + " completed job when that is empty.",
                "Active: at least one purchase in the " + period.key()
                        + " — a completed job with revenue above 0 (warranty callbacks are not purchases)."
                        + " Customers who return after a gap count again.",
                "Revenue and margin: all the cohort's completed jobs in the " + period.key()
                        + "; margin = revenue − labour − material − equipment cost.",
                "The " + period.key() + " holding the as-of date is partial until it ends and is marked, not"
                        + " read as a drop.");
    }
}
