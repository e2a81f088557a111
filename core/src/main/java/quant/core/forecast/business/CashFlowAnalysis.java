package quant.core.forecast.business;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Cash in and out, day by day, over the days after the as-of date.
 *
 * <ul>
 *   <li><b>Collections on open invoices:</b> each invoice with money outstanding at the as-of date is
 *       paid on the days after it with the conditional probabilities of its customer's own payment
 *       record ({@link PaymentTiming}: Kaplan–Meier over days past the due date, censored at the
 *       as-of date) when the customer has at least {@value #OWN_HISTORY} invoices due and that record
 *       says anything past the invoice's current lateness; otherwise of all customers' record.
 *   <li><b>Collections on forecast revenue:</b> the monthly job-revenue forecast ({@link Outlook})
 *       spread evenly over each month's days, invoiced on the day, and paid with the probabilities
 *       of all invoices' days from issue to full payment (Kaplan–Meier) — a convolution.
 *   <li><b>Outflows:</b> job costs (labour, materials, equipment) and variable expenses as their
 *       shares of revenue over the last twelve months, applied to the forecast revenue on its day;
 *       fixed expenses at the latest month's amount and marketing at the average of the last three
 *       months recorded, spread evenly over the days of each month.
 * </ul>
 *
 * The running balance starts from the opening cash the user entered. Its bounds combine three
 * sources, taken as independent and added in quadrature ({@link #bounds}): the revenue forecast's
 * 80 % and 95 % bounds run through the same flows (the bounds of each month taken together, so a
 * path stays low or high throughout; a lower revenue lowers costs at once while its collections come
 * later, so the departure on each side is the widest of the two paths'); the timing of the open
 * invoices' collections (each paid by a day or not: Σ owed² · P(1 − P)); and the job cost share,
 * whose month-to-month standard deviation over the last year is applied to the cumulative forecast
 * revenue. Invoices older than any invoice ever paid are not expected at all: they are reported by
 * age as doubtful. "Low cash" is a balance below 30 days of outflows: the horizon's average daily
 * outflow × 30.
 */
public final class CashFlowAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(
            Snapshot.Customers.PART,
            Snapshot.Jobs.PART,
            Snapshot.Invoices.PART,
            Operations.Deals.PART,
            Operations.StageHistory.PART,
            Operations.Expenses.PART,
            Operations.Spend.PART);

    /** Invoices due by the as-of date a customer needs for their own payment timing. */
    static final int OWN_HISTORY = 5;

    static final int LOW_CASH_DAYS = 30;

    /**
     * The first day past due of each age band of doubtful invoices after "not yet due" (the last band is
     * open-ended).
     */
    static final int[] AGE_BANDS = {1, 31, 61, 91, 181, 366};

    /** The band of an invoice {@code daysPastDue} days past due: 0 not yet due, then {@link #AGE_BANDS}. */
    static int ageBand(int daysPastDue) {
        int band = 0;
        for (int b = 0; b < AGE_BANDS.length; b++) {
            if (daysPastDue >= AGE_BANDS[b]) {
                band = b + 1;
            }
        }
        return band;
    }

    static CashFlowResult.AgeBand ageBand(int band, int count, double amount) {
        if (band == 0) {
            return new CashFlowResult.AgeBand("not yet due", null, null, count, amount);
        }
        int from = AGE_BANDS[band - 1];
        Integer to = band < AGE_BANDS.length ? AGE_BANDS[band] - 1 : null;
        String label = to == null ? "over " + (from - 1) + " days" : from + "–" + to + " days";
        return new CashFlowResult.AgeBand(label, from, to, count, amount);
    }

    private CashFlowAnalysis() {}

    /** Daily amounts of the horizon, index 0 = the day after the as-of date. */
    private record Daily(
            double[] revenueDaily,
            double[] collectOpen,
            double[] collectForecast,
            double[] jobCosts,
            double[] fixed,
            double[] variable,
            double[] marketing) {
        double net(int d) {
            return collectOpen[d] + collectForecast[d] - outflow(d);
        }

        /** The forecast revenue of day d. */
        double revenue(int d) {
            return revenueDaily[d];
        }

        double outflow(int d) {
            return jobCosts[d] + fixed[d] + variable[d] + marketing[d];
        }

        CashFlowResult.Flows sum(int from, int to) {
            double[] t = new double[6];
            for (int d = from; d < to; d++) {
                t[0] += collectOpen[d];
                t[1] += collectForecast[d];
                t[2] += jobCosts[d];
                t[3] += fixed[d];
                t[4] += variable[d];
                t[5] += marketing[d];
            }
            return new CashFlowResult.Flows(
                    t[0], t[1], t[2], t[3], t[4], t[5], t[0] + t[1] - t[2] - t[3] - t[4] - t[5]);
        }
    }

    public static CashFlowResult run(Snapshot s, CashFlowSpec spec, JobMonitor monitor) {
        OutlookSpec o = spec.outlook();
        AsOf asOf = AsOf.resolve(s, o.asOf());
        int day = asOf.day();
        int h = o.horizonDays();
        Invoices open = openInvoices(s, day, h);
        monitor.checkCancelled();

        JobRevenue history = JobRevenue.of(s, asOf.date());
        MonthGrid grid = history.grid();
        Outlook revenue =
                Outlook.of("Revenue of completed jobs", grid, history.monthly(), o.method(), grid.monthsAhead(h));
        monitor.checkCancelled();

        double jobCostShare = history.yearRevenue() > 0 ? history.yearCost() / history.yearRevenue() : 0;
        Snapshot ops = s;
        double variableShare = variableShare(ops.expenses(), grid, history.monthly());
        double fixedPerMonth = latestFixed(ops.expenses(), day);
        double marketingPerMonth = recentMarketing(ops.spend(), day);

        // Five revenue paths: mean, lower 80, upper 80, lower 95, upper 95.
        Daily[] paths = new Daily[5];
        for (int p = 0; p < 5; p++) {
            double[] rev = new double[h];
            for (int d = 0; d < h; d++) {
                LocalDate date = asOf.date().plusDays(d + 1L);
                int k = grid.index((int) date.toEpochDay()) - grid.complete();
                Outlook.Total t = revenue.month(k);
                double month =
                        switch (p) {
                            case 0 -> t.mean();
                            case 1 -> t.lower80();
                            case 2 -> t.upper80();
                            case 3 -> t.lower95();
                            default -> t.upper95();
                        };
                rev[d] = month / date.lengthOfMonth();
            }
            double[] fixed = new double[h];
            double[] marketing = new double[h];
            double[] jobCosts = new double[h];
            double[] variable = new double[h];
            for (int d = 0; d < h; d++) {
                int len = asOf.date().plusDays(d + 1L).lengthOfMonth();
                fixed[d] = fixedPerMonth / len;
                marketing[d] = marketingPerMonth / len;
                jobCosts[d] = rev[d] * jobCostShare;
                variable[d] = rev[d] * variableShare;
            }
            paths[p] = new Daily(rev, open.daily, collect(rev, open.fromIssue), jobCosts, fixed, variable, marketing);
        }

        Daily mean = paths[0];
        double outflow = 0;
        for (int d = 0; d < h; d++) {
            outflow += mean.outflow(d);
        }
        double threshold = LOW_CASH_DAYS * outflow / h;
        Double opening = spec.openingCash().isPresent() ? spec.openingCash().getAsDouble() : null;
        double[][] cumulative = new double[5][h];
        for (int p = 0; p < 5; p++) {
            double c = 0;
            for (int d = 0; d < h; d++) {
                c += paths[p].net(d);
                cumulative[p][d] = c;
            }
        }
        double costSpread = history.costShareSpread();
        double[] other = otherVariance(open.timingVariance, mean, costSpread);
        double[][] bounds = {
            bounds(cumulative, 1, 2, other, 80, false),
            bounds(cumulative, 1, 2, other, 80, true),
            bounds(cumulative, 3, 4, other, 95, false),
            bounds(cumulative, 3, 4, other, 95, true)
        };
        String lowDate = null;
        String lowDate80 = null;
        int lowDays = 0;
        if (opening != null) {
            for (int d = 0; d < h; d++) {
                if (opening + cumulative[0][d] < threshold) {
                    lowDays++;
                    if (lowDate == null) {
                        lowDate = asOf.date().plusDays(d + 1L).toString();
                    }
                }
                if (lowDate80 == null && opening + bounds[0][d] < threshold) {
                    lowDate80 = asOf.date().plusDays(d + 1L).toString();
                }
            }
        }
        List<CashFlowResult.Week> weeks = new ArrayList<>();
        for (int from = 0; from < h; from += 7) {
            int to = Math.min(h, from + 7);
            int last = to - 1;
            weeks.add(new CashFlowResult.Week(
                    asOf.date().plusDays(from + 1L).toString(),
                    asOf.date().plusDays(to).toString(),
                    mean.sum(from, to),
                    cumulative[0][last],
                    opening == null ? null : opening + cumulative[0][last],
                    opening == null ? null : opening + bounds[0][last],
                    opening == null ? null : opening + bounds[1][last],
                    opening == null ? null : opening + bounds[2][last],
                    opening == null ? null : opening + bounds[3][last]));
        }
        List<String> notes = new ArrayList<>();
        if (opening == null) {
            notes.add("No opening cash balance is set, so only the flows are shown: set it under File ▸"
                    + " Business settings… in the window or with quant settings set cash.openingBalance=AMOUNT.");
        }
        notes.add("Collections on new revenue assume an invoice on the day each job is completed.");
        notes.add("Job costs and variable expenses follow the revenue forecast month by month; fixed expenses"
                + " (the latest month's) and marketing (the average of the last three months) are flat monthly"
                + " amounts spread evenly over the days of each month.");
        notes.add("The balance's bounds combine the revenue forecast's bounds with the uncertain timing of the open"
                + " invoices and the month-to-month spread of the job cost share, so they widen with time.");
        notes.add("The sales pipeline is not in the cash flow: deals carry no invoices or payment terms in the data.");
        if (open.doubtfulCount > 0) {
            notes.add(String.format(
                    java.util.Locale.ROOT,
                    "%d open invoice%s %s older than any invoice ever paid, so no collection is expected:"
                            + " they are listed by age as doubtful, not counted as cash to come.",
                    open.doubtfulCount,
                    open.doubtfulCount == 1 ? "" : "s",
                    open.doubtfulCount == 1 ? "is" : "are"));
        }
        return new CashFlowResult(
                asOf,
                h,
                opening,
                List.copyOf(weeks),
                mean.sum(0, h),
                new CashFlowResult.OpenInvoices(
                        open.count,
                        open.outstanding,
                        Arrays.stream(open.daily).sum(),
                        open.later,
                        open.doubtfulAmount(),
                        open.ownHistory,
                        open.doubtful),
                new CashFlowResult.Assumptions(
                        jobCostShare,
                        variableShare,
                        fixedPerMonth,
                        marketingPerMonth,
                        median(open.fromIssue),
                        open.fromIssue.floor()),
                threshold,
                lowDate,
                lowDate80,
                lowDays,
                List.copyOf(notes));
    }

    /**
     * A path's cumulative net flow bound at one level: the mean path moved by the revenue paths' widest
     * departure on that side, combined in quadrature with z times the other sources' standard deviation
     * (collection timing of the open invoices, the job cost share); the sources are taken as independent.
     */
    static double[] bounds(
            double[][] cumulative, int lowerPath, int upperPath, double[] other, int level, boolean upper) {
        double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(0.5 + level / 200.0);
        int h = cumulative[0].length;
        double[] out = new double[h];
        for (int d = 0; d < h; d++) {
            double a = cumulative[lowerPath][d] - cumulative[0][d];
            double b = cumulative[upperPath][d] - cumulative[0][d];
            double revenue = upper ? Math.max(0, Math.max(a, b)) : Math.min(0, Math.min(a, b));
            double spread = Math.sqrt(revenue * revenue + z * z * other[d]);
            out[d] = cumulative[0][d] + (upper ? spread : -spread);
        }
        return out;
    }

    /**
     * The variance of the cumulative net flow from sources other than the revenue forecast, day by
     * day: the open invoices' collection timing (each invoice paid by day d or not, Σ owed² · P(1 − P))
     * and the job cost share, whose month-to-month standard deviation is applied to the cumulative
     * forecast revenue (a share that is off stays off for the horizon).
     */
    static double[] otherVariance(double[] timingVariance, Daily mean, double costShareSpread) {
        int h = timingVariance.length;
        double[] out = new double[h];
        double revenue = 0;
        for (int d = 0; d < h; d++) {
            revenue += mean.revenue(d);
            double cost = costShareSpread * revenue;
            out[d] = timingVariance[d] + cost * cost;
        }
        return out;
    }

    /**
     * What the open invoices will bring, and the payment timing from issue for new revenue.
     *
     * @param timingVariance day by day, the variance of what the open invoices have paid by then
     * @param later owed on invoices expected to be paid, but not within the horizon
     * @param doubtful invoices that no payment record expects to be paid, by age past due
     */
    private record Invoices(
            double[] daily,
            double[] timingVariance,
            int count,
            double outstanding,
            double later,
            int ownHistory,
            int doubtfulCount,
            List<CashFlowResult.AgeBand> doubtful,
            PaymentTiming fromIssue) {
        double doubtfulAmount() {
            return doubtful.stream().mapToDouble(CashFlowResult.AgeBand::amount).sum();
        }
    }

    private static Invoices openInvoices(Snapshot s, int day, int h) {
        Snapshot.Invoices inv = s.invoices();
        int n = inv.size();
        double[] paid = new double[n];
        int[] last = new int[n];
        Arrays.fill(last, Snapshot.NO_DAY);
        Snapshot.Payments pay = inv.payments();
        for (int k = 0; k < pay.size(); k++) {
            if (pay.day(k) <= day) {
                paid[pay.invoice(k)] += pay.amount(k);
                last[pay.invoice(k)] = Math.max(last[pay.invoice(k)], pay.day(k));
            }
        }
        int[] dueDelay = new int[n];
        int[] issueDelay = new int[n];
        boolean[] settled = new boolean[n];
        boolean[] counted = new boolean[n];
        int m = 0;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) > day) {
                continue;
            }
            counted[i] = true;
            settled[i] = paid[i] >= inv.amount(i) - 0.005 && last[i] != Snapshot.NO_DAY;
            int end = settled[i] ? last[i] : day;
            dueDelay[i] = end - inv.dueDay(i);
            issueDelay[i] = end - inv.issuedDay(i);
            rows[m++] = i;
        }
        int[] dd = new int[m];
        int[] id = new int[m];
        boolean[] ev = new boolean[m];
        for (int k = 0; k < m; k++) {
            dd[k] = dueDelay[rows[k]];
            id[k] = issueDelay[rows[k]];
            ev[k] = settled[rows[k]];
        }
        PaymentTiming pooled = PaymentTiming.of(dd, ev, m);
        PaymentTiming fromIssue = PaymentTiming.of(id, ev, m);

        // Each customer's invoices, for their own timing.
        int customers = s.customers().size();
        int[] start = new int[customers + 1];
        for (int k = 0; k < m; k++) {
            int c = inv.customer(rows[k]);
            if (c >= 0) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < customers; c++) {
            start[c + 1] += start[c];
        }
        int[] byCustomer = new int[start[customers]];
        int[] fill = Arrays.copyOf(start, customers);
        for (int k = 0; k < m; k++) {
            int c = inv.customer(rows[k]);
            if (c >= 0) {
                byCustomer[fill[c]++] = rows[k];
            }
        }
        double[] daily = new double[h];
        double[] variance = new double[h];
        int count = 0;
        double outstanding = 0;
        double later = 0;
        int own = 0;
        int unexpected = 0;
        int[] ageCount = new int[AGE_BANDS.length + 1];
        double[] ageAmount = new double[AGE_BANDS.length + 1];
        java.util.Map<Integer, PaymentTiming> timing = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            double owed = inv.amount(i) - paid[i];
            if (!counted[i] || settled[i] || owed <= 0.005) {
                continue;
            }
            count++;
            outstanding += owed;
            int a = day - inv.dueDay(i);
            int c = inv.customer(i);
            PaymentTiming t = pooled;
            if (c >= 0 && start[c + 1] - start[c] >= OWN_HISTORY) {
                PaymentTiming mine =
                        timing.computeIfAbsent(c, key -> customerTiming(byCustomer, start, key, dueDelay, settled));
                if (mine.informs(a)) {
                    t = mine;
                    own++;
                }
            }
            if (!t.informs(a)) {
                unexpected++;
                int band = ageBand(a);
                ageCount[band]++;
                ageAmount[band] += owed;
                continue;
            }
            double[] p = t.paidNext(a, h);
            double by = 0;
            for (int d = 0; d < h; d++) {
                daily[d] += owed * p[d];
                by += p[d];
                variance[d] += owed * owed * by * (1 - by);
            }
            later += owed * (1 - by);
        }
        List<CashFlowResult.AgeBand> doubtful = new ArrayList<>();
        for (int b = 0; b <= AGE_BANDS.length; b++) {
            doubtful.add(ageBand(b, ageCount[b], ageAmount[b]));
        }
        return new Invoices(
                daily, variance, count, outstanding, later, own, unexpected, List.copyOf(doubtful), fromIssue);
    }

    private static PaymentTiming customerTiming(int[] byCustomer, int[] start, int c, int[] delay, boolean[] settled) {
        int k = start[c + 1] - start[c];
        int[] d = new int[k];
        boolean[] e = new boolean[k];
        for (int j = 0; j < k; j++) {
            int i = byCustomer[start[c] + j];
            d[j] = delay[i];
            e[j] = settled[i];
        }
        return PaymentTiming.of(d, e, k);
    }

    /** Payments of the revenue invoiced each day: Σ_{i ≤ d} revenue(i) × P(paid t = d − i days after issue). */
    static double[] collect(double[] revenue, PaymentTiming t) {
        int h = revenue.length;
        double[] pmf = new double[h];
        for (int k = 0; k < h; k++) {
            pmf[k] = t.unpaidAfter(k - 1) - t.unpaidAfter(k);
        }
        double[] out = new double[h];
        for (int i = 0; i < h; i++) {
            if (revenue[i] == 0) {
                continue;
            }
            for (int d = i; d < h; d++) {
                out[d] += revenue[i] * pmf[d - i];
            }
        }
        return out;
    }

    /** Variable expenses ÷ job revenue over the last twelve complete months (0 without revenue). */
    static double variableShare(Operations.Expenses e, MonthGrid grid, double[] monthly) {
        int from = Math.max(0, grid.complete() - 12);
        double expenses = 0;
        double revenue = 0;
        for (int m = from; m < grid.complete(); m++) {
            revenue += monthly[m];
        }
        for (int i = 0; i < e.size(); i++) {
            int m = grid.index(e.monthDay(i));
            if (!e.isFixed(i) && m >= from && m < grid.complete()) {
                expenses += e.amount(i);
            }
        }
        return revenue > 0 ? expenses / revenue : 0;
    }

    /** The fixed expenses of the latest month recorded on or before the as-of date. */
    static double latestFixed(Operations.Expenses e, int day) {
        int latest = Snapshot.NO_DAY;
        for (int i = 0; i < e.size(); i++) {
            if (e.isFixed(i) && e.monthDay(i) <= day) {
                latest = Math.max(latest, e.monthDay(i));
            }
        }
        double sum = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.isFixed(i) && e.monthDay(i) == latest) {
                sum += e.amount(i);
            }
        }
        return sum;
    }

    /** The average monthly spend over the last three months recorded on or before the as-of date. */
    static double recentMarketing(Operations.Spend s, int day) {
        java.util.TreeMap<Integer, Double> byMonth = new java.util.TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.monthDay(i) <= day) {
                byMonth.merge(s.monthDay(i), s.amount(i), Double::sum);
            }
        }
        return byMonth.descendingMap().values().stream()
                .limit(3)
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
    }

    /** The smallest delay by which half the invoices are paid; -1 when half never are. */
    static int median(PaymentTiming t) {
        for (int k = 0; k <= 3660; k++) {
            if (t.unpaidAfter(k) <= 0.5) {
                return k;
            }
        }
        return -1;
    }
}
