package quant.core.finance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.AsOf;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;
import quant.core.settings.Monitors;

/**
 * The finance monitors at an as-of date.
 *
 * <ul>
 *   <li>Concentration over the 12 months to the as-of date, on invoiced revenue (invoices issued then,
 *       not void): the five largest customers' share, and the Herfindahl index HHI = Σ sᵢ² over every
 *       customer's share sᵢ (0.15 and 0.25 are the usual lines for moderate and high concentration).
 *   <li>Margins by calendar month: gross = revenue of the jobs completed in the month − their labour,
 *       materials and equipment; operating = gross − the month's expenses (fixed and variable) −
 *       marketing spend. The monitors judge the last three complete months together.
 *   <li>Seasonality, by classical multiplicative decomposition of monthly revenue over the last 36
 *       complete months: a centred 2×12 moving average is the trend, each month's revenue ÷ trend its
 *       ratio, a calendar month's index the mean of its ratios, scaled so the twelve average 1.
 *       Volatility is the standard deviation of revenue ÷ (trend × index) − 1: what trend and season do
 *       not explain.
 *   <li>Reserve: over the last 36 complete months, the three consecutive months in which the fixed
 *       costs most exceeded the contribution (gross margin − variable expenses − marketing spend); the
 *       shortfall is the cash it took to carry them, also in months of the last year's mean fixed costs.
 * </ul>
 */
public final class FinanceAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS =
            List.of(Snapshot.Jobs.PART, Snapshot.Invoices.PART, Operations.Expenses.PART, Operations.Spend.PART);

    static final int MONTHS_SHOWN = 24;
    static final int HISTORY = 36;

    private FinanceAnalysis() {}

    public static FinanceResult run(Snapshot s, Optional<LocalDate> asOfDate, Monitors levels, JobMonitor monitor) {
        if (s.jobs().size() == 0) {
            throw new InvalidSpecException("The database holds no jobs yet: import them first.");
        }
        AsOf asOf = AsOf.resolve(s, asOfDate);
        int end = asOf.day();
        monitor.progress(0, 4, "Concentration");
        Snapshot.Invoices inv = s.invoices();
        int from12 = (int) asOf.date().plusDays(1).minusYears(1).toEpochDay();
        double[] byCustomer = new double[s.customers().size()];
        double invoiced = 0;
        for (int i = 0; i < inv.size(); i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) < from12 || inv.issuedDay(i) > end) {
                continue;
            }
            invoiced += inv.amount(i);
            if (inv.customer(i) >= 0) {
                byCustomer[inv.customer(i)] += inv.amount(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        double hhi = 0;
        for (int c = 0; c < byCustomer.length; c++) {
            if (byCustomer[c] > 0) {
                order.add(c);
                double sh = byCustomer[c] / invoiced;
                hhi += sh * sh;
            }
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -byCustomer[c]).thenComparingInt(c -> c));
        List<FinanceResult.Share> top = new ArrayList<>();
        double cumulative = 0;
        double top5 = 0;
        for (int k = 0; k < Math.min(10, order.size()); k++) {
            int c = order.get(k);
            double sh = byCustomer[c] / invoiced;
            cumulative += sh;
            if (k < 5) {
                top5 += sh;
            }
            top.add(new FinanceResult.Share(
                    k + 1,
                    s.customers().id(c),
                    s.customers().name(c),
                    round(byCustomer[c]),
                    round4(sh),
                    round4(cumulative)));
        }
        double top5Share = invoiced > 0 ? top5 : Double.NaN;
        double hhiValue = invoiced > 0 ? hhi : Double.NaN;

        monitor.progress(1, 4, "Margins by month");
        YearMonth last = YearMonth.from(asOf.date());
        boolean lastComplete = asOf.date().equals(last.atEndOfMonth());
        YearMonth lastFull = lastComplete ? last : last.minusMonths(1);
        YearMonth first = last.minusMonths(Math.max(MONTHS_SHOWN, HISTORY + 6) - 1);
        int n = (int) (monthIndex(last) - monthIndex(first)) + 1;
        double[] revenue = new double[n];
        double[] jobCosts = new double[n];
        double[] fixed = new double[n];
        double[] variable = new double[n];
        double[] marketing = new double[n];
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            if (!jobs.isCompleted(j) || jobs.completedDay(j) > end) {
                continue;
            }
            int m = slot(jobs.completedDay(j), first, n);
            if (m >= 0) {
                revenue[m] += jobs.revenue(j);
                jobCosts[m] += jobs.cost(j);
            }
        }
        Operations.Expenses ex = s.expenses();
        for (int i = 0; i < ex.size(); i++) {
            if (ex.monthDay(i) == Snapshot.NO_DAY || ex.monthDay(i) > end) {
                continue;
            }
            int m = slot(ex.monthDay(i), first, n);
            if (m >= 0) {
                if (ex.isFixed(i)) {
                    fixed[m] += ex.amount(i);
                } else {
                    variable[m] += ex.amount(i);
                }
            }
        }
        Operations.Spend sp = s.spend();
        for (int i = 0; i < sp.size(); i++) {
            if (sp.monthDay(i) == Snapshot.NO_DAY || sp.monthDay(i) > end) {
                continue;
            }
            int m = slot(sp.monthDay(i), first, n);
            if (m >= 0) {
                marketing[m] += sp.amount(i);
            }
        }
        List<FinanceResult.Month> months = new ArrayList<>();
        for (int m = n - MONTHS_SHOWN; m < n; m++) {
            YearMonth ym = first.plusMonths(m);
            double gross = revenue[m] - jobCosts[m];
            double operating = gross - fixed[m] - variable[m] - marketing[m];
            months.add(new FinanceResult.Month(
                    ym.toString(),
                    round(revenue[m]),
                    round(jobCosts[m]),
                    round(gross),
                    share(gross, revenue[m]),
                    round(fixed[m]),
                    round(variable[m]),
                    round(marketing[m]),
                    round(operating),
                    share(operating, revenue[m]),
                    !ym.isAfter(lastFull)));
        }
        int lastFullSlot = (int) (monthIndex(lastFull) - monthIndex(first));
        double r3 = 0;
        double g3 = 0;
        double o3 = 0;
        for (int m = lastFullSlot - 2; m <= lastFullSlot; m++) {
            r3 += revenue[m];
            g3 += revenue[m] - jobCosts[m];
            o3 += revenue[m] - jobCosts[m] - fixed[m] - variable[m] - marketing[m];
        }
        double grossShare = r3 > 0 ? g3 / r3 : Double.NaN;
        double operatingShare = r3 > 0 ? o3 / r3 : Double.NaN;

        monitor.progress(2, 4, "Seasonality");
        int h0 = lastFullSlot - HISTORY + 1;
        int firstActivity = firstActive(revenue);
        int start = Math.max(h0, firstActivity);
        List<String> notes = new ArrayList<>();
        List<FinanceResult.Season> seasonality = new ArrayList<>();
        double volatility = Double.NaN;
        int span = lastFullSlot - start + 1;
        if (span >= 24) {
            double[] y = java.util.Arrays.copyOfRange(revenue, start, lastFullSlot + 1);
            double[] trend = centredMovingAverage(y);
            double[] sum = new double[12];
            int[] count = new int[12];
            for (int t = 0; t < y.length; t++) {
                if (Double.isFinite(trend[t]) && trend[t] > 0) {
                    int cal = first.plusMonths(start + t).getMonthValue() - 1;
                    sum[cal] += y[t] / trend[t];
                    count[cal]++;
                }
            }
            double[] index = new double[12];
            double mean = 0;
            for (int m = 0; m < 12; m++) {
                index[m] = count[m] == 0 ? 1 : sum[m] / count[m];
                mean += index[m] / 12;
            }
            for (int m = 0; m < 12; m++) {
                index[m] /= mean;
                seasonality.add(new FinanceResult.Season(m + 1, round4(index[m])));
            }
            double ss = 0;
            int k = 0;
            for (int t = 0; t < y.length; t++) {
                if (Double.isFinite(trend[t]) && trend[t] > 0) {
                    int cal = first.plusMonths(start + t).getMonthValue() - 1;
                    double irregular = y[t] / (trend[t] * index[cal]) - 1;
                    ss += irregular * irregular;
                    k++;
                }
            }
            volatility = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
        } else {
            notes.add("Seasonality and volatility need 24 complete months of revenue; the data hold "
                    + Math.max(0, span) + ".");
        }

        monitor.progress(3, 4, "Reserve");
        FinanceResult.Reserve reserve = null;
        double averageFixed = 0;
        for (int m = lastFullSlot - 11; m <= lastFullSlot; m++) {
            averageFixed += fixed[m] / 12;
        }
        int r0 = Math.max(start, lastFullSlot - HISTORY + 1);
        for (int m = r0; m + 2 <= lastFullSlot; m++) {
            double f = 0;
            double contribution = 0;
            for (int t = m; t < m + 3; t++) {
                f += fixed[t];
                contribution += revenue[t] - jobCosts[t] - variable[t] - marketing[t];
            }
            if (reserve == null || f - contribution > reserve.fixedCosts() - reserve.contribution()) {
                double shortfall = Math.max(0, f - contribution);
                reserve = new FinanceResult.Reserve(
                        first.plusMonths(m).toString(),
                        first.plusMonths(m + 2).toString(),
                        round(f),
                        round(contribution),
                        round(shortfall),
                        round(averageFixed),
                        averageFixed > 0 ? round4(shortfall / averageFixed) : Double.NaN);
            }
        }
        if (reserve != null && reserve.shortfall() == 0) {
            notes.add("Even the worst three months (" + reserve.from() + " to " + reserve.to()
                    + ") left enough after variable costs and marketing to carry the fixed costs.");
        }
        if (!lastComplete) {
            notes.add("The as-of month " + last + " is not complete: it is shown but the monitors judge the three"
                    + " complete months before it.");
        }
        monitor.progress(4, 4, "Done");
        return new FinanceResult(
                asOf,
                round(invoiced),
                order.size(),
                round4(top5Share),
                ReceivablesAnalysis.status(levels.top5(), top5Share),
                round4(hhiValue),
                ReceivablesAnalysis.status(levels.hhi(), hhiValue),
                List.copyOf(top),
                List.copyOf(months),
                round4(grossShare),
                ReceivablesAnalysis.status(levels.grossMargin(), grossShare),
                round4(operatingShare),
                ReceivablesAnalysis.status(levels.operatingMargin(), operatingShare),
                List.copyOf(seasonality),
                round4(volatility),
                ReceivablesAnalysis.status(levels.volatility(), volatility),
                reserve,
                List.of(
                        "Top-5 share: " + levels.top5().words(FinanceAnalysis::percent) + ".",
                        "Concentration index (HHI): " + levels.hhi().words(v -> String.format(Locale.ROOT, "%.2f", v))
                                + ".",
                        "Gross margin: " + levels.grossMargin().words(FinanceAnalysis::percent) + ".",
                        "Operating margin: " + levels.operatingMargin().words(FinanceAnalysis::percent) + ".",
                        "Revenue volatility: " + levels.volatility().words(FinanceAnalysis::percent) + "."),
                List.copyOf(notes),
                definitions());
    }

    /** The centred 2×12 moving average; NaN where six months on either side are not there. */
    static double[] centredMovingAverage(double[] y) {
        double[] out = new double[y.length];
        java.util.Arrays.fill(out, Double.NaN);
        for (int t = 6; t + 6 < y.length; t++) {
            double s = 0.5 * y[t - 6] + 0.5 * y[t + 6];
            for (int k = t - 5; k <= t + 5; k++) {
                s += y[k];
            }
            out[t] = s / 12;
        }
        return out;
    }

    private static int firstActive(double[] revenue) {
        for (int m = 0; m < revenue.length; m++) {
            if (revenue[m] != 0) {
                return m;
            }
        }
        return revenue.length;
    }

    private static int slot(int day, YearMonth first, int n) {
        long m = monthIndex(YearMonth.from(LocalDate.ofEpochDay(day))) - monthIndex(first);
        return m < 0 || m >= n ? -1 : (int) m;
    }

    private static long monthIndex(YearMonth ym) {
        return ym.getYear() * 12L + ym.getMonthValue() - 1;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    private static double share(double part, double whole) {
        return whole > 0 ? round4(part / whole) : Double.NaN;
    }

    private static List<String> definitions() {
        return List.of(
                "Top-5 share: the five largest customers' share of invoiced revenue (not void) over the last 12 months.",
                "HHI (Herfindahl index): the sum of every customer's share of that revenue, squared.",
                "Gross margin: revenue of the jobs completed in the month − their labour, materials and equipment.",
                "Operating margin: gross margin − the month's fixed and variable expenses − marketing spend.",
                "Seasonal index: a calendar month's mean ratio of revenue to its centred 12-month moving average,"
                        + " scaled so the twelve average 1.",
                "Volatility: the standard deviation of revenue ÷ (moving average × seasonal index) − 1.",
                "Reserve: the fixed costs the contribution (gross margin − variable expenses − marketing) did not"
                        + " cover over the worst three consecutive months of the last 36.");
    }

    static double round(double v) {
        return ReceivablesAnalysis.round(v);
    }

    static double round4(double v) {
        return ReceivablesAnalysis.round4(v);
    }
}
