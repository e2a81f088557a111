package quant.core.forecast.business;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import quant.core.analysis.AsOf;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Revenue over the next 30, 90 and 365 days, in three parts.
 *
 * <ul>
 *   <li><b>Jobs:</b> the monthly revenue of completed jobs (by completion date) forecast by the
 *       spec's method with 80/95 % bands ({@link Outlook}); a window's figure is the sum of its
 *       months' forecasts by the share of each month's days inside it.
 *   <li><b>Booked:</b> jobs requested by the as-of date, neither done nor cancelled then, valued at
 *       their estimated hours × their line's revenue per estimated hour over the last twelve months
 *       (scheduled jobs carry no revenue yet), in the window of their scheduled day (the next day
 *       when unscheduled or overdue). Warranty callbacks bring no revenue and are left out (a note
 *       counts them). They are the part of the jobs forecast already on the calendar, shown beside
 *       it, not added to it.
 *   <li><b>Pipeline:</b> each deal open at the as-of date × the win rate of the stage it was in then
 *       ({@link StageWinRates}), in the window of its expected close date — or, when that date is
 *       missing, the typical cycle (median days from creation to close of won deals) less the deal's
 *       age, at least one day. A deal whose expected close date has passed is overdue: it is in no
 *       window and is reported apart ({@link RevenueResult.Overdue}). Deals are a separate stream from jobs. Each deal is
 *       won or lost independently: mean Σ p·a, variance Σ p(1−p)·a², bounds by the normal
 *       approximation.
 * </ul>
 *
 * The total adds jobs and pipeline; its bounds combine the two as independent normal errors (the
 * jobs' spread read from their band).
 */
public final class RevenueAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS =
            List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART, Operations.Deals.PART, Operations.StageHistory.PART);

    /** The default horizon: a year. */
    public static final int DEFAULT_DAYS = 365;

    /** The windows reported when the horizon reaches them. */
    static final int[] WINDOWS = {30, 90, 365};

    private static final double Z80 = 1.2815515655446004;
    private static final double Z95 = 1.959963984540054;

    private RevenueAnalysis() {}

    public static RevenueResult run(Snapshot s, OutlookSpec spec, JobMonitor monitor) {
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int day = asOf.day();
        Snapshot.Jobs jobs = s.jobs();
        JobRevenue history = JobRevenue.of(s, asOf.date());
        MonthGrid grid = history.grid();
        double[] monthly = history.monthly();
        int lines = s.serviceLines().size();
        double[] lineRevenue = new double[lines];
        double[] lineHours = new double[lines];
        int yearAgo = (int) asOf.date().minusYears(1).toEpochDay();
        for (int i = 0; i < jobs.size(); i++) {
            int line = jobs.serviceLine(i);
            if (jobs.isCompleted(i)
                    && jobs.completedDay(i) <= day
                    && jobs.completedDay(i) > yearAgo
                    && line >= 0
                    && jobs.revenue(i) > 0
                    && !Double.isNaN(jobs.estimatedHours(i))) {
                lineRevenue[line] += jobs.revenue(i);
                lineHours[line] += jobs.estimatedHours(i);
            }
        }
        monitor.checkCancelled();
        int[] windows = windows(spec.horizonDays());
        Outlook jobRevenue = Outlook.of(
                "Revenue of completed jobs", grid, monthly, spec.method(), grid.monthsAhead(spec.horizonDays()));
        monitor.checkCancelled();

        // Booked: jobs on the calendar at the as-of date.
        double[] rate = new double[lines];
        for (int l = 0; l < lines; l++) {
            rate[l] = lineHours[l] > 0 ? lineRevenue[l] / lineHours[l] : 0;
        }
        int[] bookedCount = new int[lines];
        double[] bookedValue = new double[lines];
        List<int[]> bookedDays = new ArrayList<>(); // {day offset, line}
        List<Double> bookedValues = new ArrayList<>();
        int bookedCallbacks = 0;
        for (int i = 0; i < jobs.size(); i++) {
            int line = jobs.serviceLine(i);
            boolean open = jobs.requestedDay(i) <= day
                    && jobs.status(i) != Snapshot.Jobs.CANCELLED
                    && (jobs.completedDay(i) == Snapshot.NO_DAY || jobs.completedDay(i) > day);
            if (!open || line < 0 || Double.isNaN(jobs.estimatedHours(i))) {
                continue;
            }
            if (jobs.isCallback(i)) {
                bookedCallbacks++; // a warranty revisit takes a technician's time but brings no revenue
                continue;
            }
            int when = jobs.scheduledDay(i) != Snapshot.NO_DAY && jobs.scheduledDay(i) > day
                    ? jobs.scheduledDay(i) - day
                    : 1;
            double value = jobs.estimatedHours(i) * rate[line];
            bookedCount[line]++;
            bookedValue[line] += value;
            bookedDays.add(new int[] {when, line});
            bookedValues.add(value);
        }
        List<RevenueResult.LineRate> lineRates = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            lineRates.add(new RevenueResult.LineRate(
                    s.serviceLines().value(l), s.serviceLines().label(l), rate[l], bookedCount[l], bookedValue[l]));
        }

        // Pipeline: open deals × stage win rates.
        Snapshot ops = s;
        Operations.Deals deals = ops.deals();
        StageWinRates rates = StageWinRates.learn(ops, day);
        int cycle = typicalCycle(deals, day);
        int stages = deals.stages().size();
        int[] openDeals = new int[stages + 1];
        double[] openValue = new double[stages + 1];
        double[] weighted = new double[stages + 1];
        List<double[]> pipeline = new ArrayList<>(); // {day offset, p, amount}
        int overdueDeals = 0;
        double overdueValue = 0;
        double overdueWeighted = 0;
        for (int i = 0; i < deals.size(); i++) {
            if (!deals.isOpenAt(i, day) || deals.amount(i) <= 0) {
                continue;
            }
            int stage = StageWinRates.stageAt(ops, i, day);
            double p = rates.of(stage).winRate();
            if (Double.isNaN(p)) {
                continue;
            }
            int when;
            int expected = deals.expectedCloseDay(i);
            if (expected != Snapshot.NO_DAY && expected > day) {
                when = expected - day;
            } else if (expected != Snapshot.NO_DAY) {
                // it should have closed already: overdue, not revenue of the next days
                overdueDeals++;
                overdueValue += deals.amount(i);
                overdueWeighted += p * deals.amount(i);
                when = -1;
            } else {
                int age = deals.startDay(i) == Snapshot.NO_DAY ? 0 : day - deals.startDay(i);
                when = Math.max(1, cycle - age);
            }
            int slot = stage < 0 ? stages : stage;
            openDeals[slot]++;
            openValue[slot] += deals.amount(i);
            weighted[slot] += p * deals.amount(i);
            if (when > 0) {
                pipeline.add(new double[] {when, p, deals.amount(i)});
            }
        }
        List<RevenueResult.StageValue> stageValues = new ArrayList<>();
        for (StageWinRates.Rate r : rates.rates()) {
            if (StageWinRates.isClosing(r.stage())) {
                continue;
            }
            int slot = deals.stages().find(r.stage());
            stageValues.add(new RevenueResult.StageValue(
                    r.stage(),
                    r.closed(),
                    r.won(),
                    r.winRate(),
                    r.own(),
                    openDeals[slot],
                    openValue[slot],
                    weighted[slot]));
        }
        stageValues.sort((a, b) -> Integer.compare(b.closedDeals(), a.closedDeals()));
        if (openDeals[stages] > 0) {
            StageWinRates.Rate r = rates.overall();
            stageValues.add(new RevenueResult.StageValue(
                    "unknown",
                    r.closed(),
                    r.won(),
                    r.winRate(),
                    true,
                    openDeals[stages],
                    openValue[stages],
                    weighted[stages]));
        }

        List<RevenueResult.Window> out = new ArrayList<>();
        for (int days : windows) {
            Outlook.Total j = jobRevenue.window(grid, days);
            double booked = 0;
            int bookedJobs = 0;
            for (int k = 0; k < bookedDays.size(); k++) {
                if (bookedDays.get(k)[0] <= days) {
                    booked += bookedValues.get(k);
                    bookedJobs++;
                }
            }
            double mean = 0;
            double variance = 0;
            int count = 0;
            for (double[] d : pipeline) {
                if (d[0] <= days) {
                    mean += d[1] * d[2];
                    variance += d[1] * (1 - d[1]) * d[2] * d[2];
                    count++;
                }
            }
            Outlook.Total p = normal(mean, variance);
            double jobs80 = (j.upper80() - j.lower80()) / (2 * Z80);
            double jobs95 = (j.upper95() - j.lower95()) / (2 * Z95);
            Outlook.Total total = new Outlook.Total(
                    j.mean() + mean,
                    Math.max(0, j.mean() + mean - Z80 * Math.sqrt(jobs80 * jobs80 + variance)),
                    j.mean() + mean + Z80 * Math.sqrt(jobs80 * jobs80 + variance),
                    Math.max(0, j.mean() + mean - Z95 * Math.sqrt(jobs95 * jobs95 + variance)),
                    j.mean() + mean + Z95 * Math.sqrt(jobs95 * jobs95 + variance));
            out.add(new RevenueResult.Window(days, j, booked, bookedJobs, p, count, total));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Booked jobs are part of the job revenue forecast (work already on the calendar), not added to it.");
        if (bookedCallbacks > 0) {
            notes.add(bookedCallbacks + " booked warranty callback" + (bookedCallbacks == 1 ? " is" : "s are")
                    + " left out of the booked revenue: a callback brings no revenue.");
        }
        notes.add("Deals are a separate stream: their weighted value is added to the total, not to job revenue.");
        if (overdueDeals > 0) {
            notes.add(String.format(
                    java.util.Locale.ROOT,
                    "%d open deal%s %s past %s expected close date: overdue, so in no"
                            + " window; follow them up or move their dates.",
                    overdueDeals,
                    overdueDeals == 1 ? "" : "s",
                    overdueDeals == 1 ? "is" : "are",
                    overdueDeals == 1 ? "its" : "their"));
        }
        if (rates.overall().closed() == 0) {
            notes.add(
                    "No deal was closed by the as-of date, so the pipeline has no win rates to weight by and is left out.");
        }
        return new RevenueResult(
                asOf,
                spec.horizonDays(),
                jobRevenue,
                List.copyOf(out),
                List.copyOf(lineRates),
                List.copyOf(stageValues),
                new RevenueResult.Overdue(overdueDeals, overdueValue, overdueWeighted),
                List.copyOf(notes));
    }

    /** 30, 90 and 365 where the horizon reaches them, and the horizon itself. */
    static int[] windows(int horizon) {
        TreeSet<Integer> w = new TreeSet<>();
        for (int d : WINDOWS) {
            if (d <= horizon) {
                w.add(d);
            }
        }
        w.add(horizon);
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The median days from start to close of deals won by {@code day}; 30 without any. */
    static int typicalCycle(Operations.Deals deals, int day) {
        int[] cycles = new int[deals.size()];
        int n = 0;
        for (int i = 0; i < deals.size(); i++) {
            if (deals.isClosedBy(i, day)
                    && deals.outcome(i) == Operations.Deals.WON
                    && deals.startDay(i) != Snapshot.NO_DAY) {
                cycles[n++] = deals.closedDay(i) - deals.startDay(i);
            }
        }
        if (n == 0) {
            return 30;
        }
        int[] c = Arrays.copyOf(cycles, n);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    private static Outlook.Total normal(double mean, double variance) {
        double sd = Math.sqrt(variance);
        return new Outlook.Total(
                mean, Math.max(0, mean - Z80 * sd), mean + Z80 * sd, Math.max(0, mean - Z95 * sd), mean + Z95 * sd);
    }
}
