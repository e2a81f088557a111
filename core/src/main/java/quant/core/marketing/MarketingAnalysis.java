package quant.core.marketing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import quant.core.analysis.AsOf;
import quant.core.analysis.Commercial;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.clv.ClvAnalysis;
import quant.core.clv.ClvResult;
import quant.core.clv.ClvSpec;
import quant.core.job.JobMonitor;
import quant.core.stats.ModelFitException;

/**
 * Marketing efficiency: what each acquisition channel's customers cost and what they are worth.
 *
 * <ul>
 *   <li>CAC of a channel = its spend to the as-of date ÷ the customers acquired through it (the
 *       customer's acquisition channel, acquired on or before the as-of date); by month, the
 *       month's spend ÷ the month's acquisitions.
 *   <li>LTV = the mean over the channel's customers of margin to date plus the CLV analysis's future
 *       margin ({@link ClvAnalysis}: BG/NBD or Pareto/NBD with Gamma-Gamma, discounted, over the
 *       settings' horizon); margin to date alone when asked, or when the model cannot be fitted
 *       (the result says which). LTV:CAC = LTV ÷ CAC.
 *   <li>Payback: for each month of age a (0 = the acquisition month), the mean margin in that month
 *       over the channel's customers observed through it; payback is the first number of months m
 *       whose cumulative mean margin covers the CAC, counting only ages seen for at least
 *       {@value #MIN_COHORT} customers.
 *   <li>Campaigns: spend booked to the campaign; its leads; deals from those leads; the customers
 *       the leads became; their revenue and margin to date; ROI = (margin − spend) ÷ spend.
 * </ul>
 */
public final class MarketingAnalysis {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(
            Snapshot.Customers.PART,
            Snapshot.Jobs.PART,
            Operations.Spend.PART,
            Commercial.Leads.PART,
            Commercial.Campaigns.PART,
            Operations.Deals.PART,
            Commercial.Targets.PART);

    /** Customers a month of age needs before it counts in a payback curve. */
    static final int MIN_COHORT = 10;

    private MarketingAnalysis() {}

    private static final class Acc {
        final String channel;
        double spend;
        int customers;
        int leads;
        int converted;
        double ltvSum;
        double[] marginAtAge = new double[0];
        int[] seenAtAge = new int[0];

        Acc(String channel) {
            this.channel = channel;
        }

        void addMargin(int age, double margin) {
            grow(age);
            marginAtAge[age] += margin;
        }

        void seen(int ages) {
            grow(ages - 1);
            for (int a = 0; a < ages; a++) {
                seenAtAge[a]++;
            }
        }

        private void grow(int age) {
            if (age >= marginAtAge.length) {
                int n = Math.max(age + 1, marginAtAge.length * 2);
                marginAtAge = Arrays.copyOf(marginAtAge, n);
                seenAtAge = Arrays.copyOf(seenAtAge, n);
            }
        }
    }

    public static MarketingResult run(Snapshot s, MarketingSpec spec, JobMonitor monitor) {
        return run(s, spec, monitor, MIN_COHORT);
    }

    /** As {@link #run(Snapshot, MarketingSpec, JobMonitor)}, with the customers an age needs in payback curves. */
    static MarketingResult run(Snapshot s, MarketingSpec spec, JobMonitor monitor, int minCohort) {
        if (s.isEmpty()) {
            throw new InvalidSpecException("The database holds no customers or jobs yet: import them first.");
        }
        Operations.Spend spend = s.spend();
        if (spend.size() == 0) {
            throw new InvalidSpecException(
                    "The database holds no marketing spend: import it (table marketing_spend) to measure CAC.");
        }
        AsOf asOf = AsOf.resolve(s, spec.asOf());
        int end = asOf.day();
        YearMonth endMonth = YearMonth.from(asOf.date());
        boolean endComplete = asOf.date().equals(endMonth.atEndOfMonth());
        Snapshot.Customers cu = s.customers();
        Map<String, Acc> channels = new LinkedHashMap<>();
        TreeMap<String, Map<String, double[]>> months = new TreeMap<>();
        monitor.progress(0, 5, "Adding up spend and acquisitions");
        for (int i = 0; i < spend.size(); i++) {
            String ch = spend.channels().value(spend.channel(i));
            if (ch == null || spend.monthDay(i) > end) {
                continue;
            }
            channels.computeIfAbsent(ch, Acc::new).spend += spend.amount(i);
            monthCell(months, spend.monthDay(i), ch)[0] += spend.amount(i);
        }
        String[] channelOf = new String[cu.size()];
        int[] ageMonths = new int[cu.size()];
        for (int c = 0; c < cu.size(); c++) {
            String ch = cu.channels().value(cu.channel(c));
            int acquired = cu.acquiredDay(c);
            if (ch == null || acquired == Snapshot.NO_DAY || acquired > end) {
                continue;
            }
            channelOf[c] = ch;
            Acc acc = channels.computeIfAbsent(ch, Acc::new);
            acc.customers++;
            monthCell(months, acquired, ch)[1]++;
            YearMonth from = YearMonth.from(LocalDate.ofEpochDay(acquired));
            int complete = (int) from.until(endMonth, java.time.temporal.ChronoUnit.MONTHS) + (endComplete ? 1 : 0);
            ageMonths[c] = complete;
            acc.seen(complete);
        }
        monitor.progress(1, 5, "Margin by month of customer age");
        double[] marginToDate = new double[cu.size()];
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            int day = jobs.completedDay(j);
            if (c < 0 || channelOf[c] == null || !jobs.isCompleted(j) || day > end) {
                continue;
            }
            marginToDate[c] += jobs.margin(j);
            int age = (int) YearMonth.from(LocalDate.ofEpochDay(cu.acquiredDay(c)))
                    .until(YearMonth.from(LocalDate.ofEpochDay(day)), java.time.temporal.ChronoUnit.MONTHS);
            if (age >= 0 && age < ageMonths[c]) {
                channels.get(channelOf[c]).addMargin(age, jobs.margin(j));
            }
        }
        monitor.progress(2, 5, "Lifetime value");
        Lifetime lifetime = lifetime(s, spec, asOf, marginToDate, monitor);
        for (int c = 0; c < cu.size(); c++) {
            if (channelOf[c] != null) {
                channels.get(channelOf[c]).ltvSum += lifetime.value[c];
            }
        }
        Commercial.Leads leads = s.leads();
        for (int i = 0; i < leads.size(); i++) {
            String ch = leads.channels().value(leads.channel(i));
            Acc acc = ch == null ? null : channels.get(ch);
            if (acc == null || leads.createdDay(i) > end) {
                continue;
            }
            acc.leads++;
            int converted = leads.convertedDay(i);
            acc.converted += converted != Snapshot.NO_DAY && converted <= end ? 1 : 0;
        }
        monitor.progress(3, 5, "Campaigns");
        List<MarketingResult.Channel> rows = new ArrayList<>();
        Acc all = new Acc("all channels");
        for (Acc a : channels.values()) {
            rows.add(row(a, minCohort));
            all.spend += a.spend;
            all.customers += a.customers;
            all.leads += a.leads;
            all.converted += a.converted;
            all.ltvSum += a.ltvSum;
            for (int age = 0; age < a.marginAtAge.length; age++) {
                all.addMargin(age, a.marginAtAge[age]);
                all.seenAtAge[age] += a.seenAtAge[age];
            }
        }
        rows.sort(Comparator.comparingDouble((MarketingResult.Channel r) -> -r.spend())
                .thenComparing(MarketingResult.Channel::channel));
        List<MarketingResult.MonthCac> byMonth = new ArrayList<>();
        months.forEach((month, cells) -> cells.forEach((ch, v) -> byMonth.add(new MarketingResult.MonthCac(
                month, ch, round(v[0]), (int) v[1], v[1] == 0 ? Double.NaN : round(v[0] / v[1])))));
        List<MarketingResult.Campaign> campaigns = campaigns(s, end, marginToDate);
        Commercial.Targets targets = s.targets();
        int t = targets.find("ltv_to_cac", end);
        Double target = t < 0 ? null : targets.target(t);
        monitor.progress(4, 5, "Recommendations");
        return new MarketingResult(
                asOf,
                lifetime.method.name().toLowerCase(java.util.Locale.ROOT),
                lifetime.note,
                target,
                row(all, minCohort),
                List.copyOf(rows),
                List.copyOf(byMonth),
                campaigns,
                Recommendations.of(rows, target),
                definitions());
    }

    private static double[] monthCell(TreeMap<String, Map<String, double[]>> months, int day, String channel) {
        return months.computeIfAbsent(YearMonth.from(LocalDate.ofEpochDay(day)).toString(), k -> new TreeMap<>())
                .computeIfAbsent(channel, k -> new double[2]);
    }

    private static MarketingResult.Channel row(Acc a, int minCohort) {
        double cac = a.customers == 0 ? Double.NaN : a.spend / a.customers;
        double ltv = a.customers == 0 ? Double.NaN : a.ltvSum / a.customers;
        List<Double> curve = new ArrayList<>();
        double cumulative = 0;
        Integer payback = null;
        for (int age = 0; age < a.marginAtAge.length && a.seenAtAge[age] >= minCohort; age++) {
            cumulative += a.marginAtAge[age] / a.seenAtAge[age];
            curve.add(round(cumulative));
            if (payback == null && cac > 0 && cumulative >= cac) {
                payback = age + 1;
            }
        }
        if (payback == null && cac == 0 && !curve.isEmpty()) {
            payback = 0;
        }
        return new MarketingResult.Channel(
                a.channel,
                round(a.spend),
                a.customers,
                round(cac),
                round(ltv),
                cac > 0 ? round(ltv / cac) : Double.NaN,
                payback,
                cac > 0 && !curve.isEmpty() ? round(cumulative / cac) : Double.NaN,
                a.leads,
                a.leads == 0 ? Double.NaN : a.converted / (double) a.leads,
                List.copyOf(curve));
    }

    private record Lifetime(MarketingSpec.Ltv method, double[] value, String note) {}

    private static Lifetime lifetime(
            Snapshot s, MarketingSpec spec, AsOf asOf, double[] marginToDate, JobMonitor monitor) {
        String historic = "LTV is the margin to date of the channel's customers (revenue − job costs of completed"
                + " jobs), without future value";
        if (spec.ltv() == MarketingSpec.Ltv.HISTORIC) {
            return new Lifetime(MarketingSpec.Ltv.HISTORIC, marginToDate, historic + ".");
        }
        var settings = spec.settings();
        ClvSpec clvSpec = new ClvSpec(
                settings.clvHorizonMonths(),
                settings.annualDiscountRate(),
                settings.inactivityDays(),
                ClvSpec.DEFAULT_HOLDOUT_WEEKS,
                CustomerFilter.ALL,
                Optional.of(asOf.date()));
        ClvResult clv;
        try {
            clv = ClvAnalysis.run(s, clvSpec, JobMonitor.NONE);
        } catch (ModelFitException | InvalidSpecException e) {
            return new Lifetime(
                    MarketingSpec.Ltv.HISTORIC,
                    marginToDate,
                    historic + ": the lifetime value model could not be fitted (" + e.getMessage() + ").");
        }
        if (clv.probabilistic() == null || clv.probabilistic().meanClv() == null) {
            String why = clv.probabilistic() == null
                    ? "no model"
                    : clv.probabilistic().note();
            return new Lifetime(
                    MarketingSpec.Ltv.HISTORIC,
                    marginToDate,
                    historic + ": the lifetime value model gave no future value (" + why + ").");
        }
        double[] value = marginToDate.clone();
        Snapshot.Customers cu = s.customers();
        long[] ids = new long[cu.size()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = cu.id(c);
        }
        for (ClvResult.CustomerValue v : clv.customerValues()) {
            int c = Arrays.binarySearch(ids, v.id());
            if (c >= 0 && v.clv() != null) {
                value[c] += v.clv();
            }
        }
        return new Lifetime(
                MarketingSpec.Ltv.CLV,
                value,
                "LTV is the margin to date plus the future margin the "
                        + clv.probabilistic().model()
                        + " model expects over " + clvSpec.horizonMonths() + " months, discounted at "
                        + Math.round(clvSpec.annualDiscountRate() * 1000) / 10.0 + " % a year (the CLV analysis).");
    }

    private static List<MarketingResult.Campaign> campaigns(Snapshot s, int end, double[] marginToDate) {
        Snapshot com = s;
        Commercial.Campaigns cp = com.campaigns();
        int n = cp.size();
        if (n == 0) {
            return List.of();
        }
        double[] spent = new double[n];
        int[] leads = new int[n];
        int[] deals = new int[n];
        Operations.Spend spend = s.spend();
        for (int i = 0; i < spend.size(); i++) {
            int k = cp.row(spend.campaignId(i));
            if (k >= 0 && spend.monthDay(i) <= end) {
                spent[k] += spend.amount(i);
            }
        }
        Commercial.Leads l = com.leads();
        List<java.util.Set<Integer>> customers = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            customers.add(new java.util.HashSet<>());
        }
        for (int i = 0; i < l.size(); i++) {
            int k = l.campaign(i);
            if (k < 0 || l.createdDay(i) > end) {
                continue;
            }
            leads[k]++;
            int converted = l.convertedDay(i);
            if (l.customer(i) >= 0 && converted != Snapshot.NO_DAY && converted <= end) {
                customers.get(k).add(l.customer(i));
            }
        }
        Operations.Deals d = s.deals();
        for (int i = 0; i < d.size(); i++) {
            int lead = l.row(d.leadId(i));
            int start = d.startDay(i);
            if (lead >= 0 && l.campaign(lead) >= 0 && (start == Snapshot.NO_DAY || start <= end)) {
                deals[l.campaign(lead)]++;
            }
        }
        double[] revenueToDate = new double[s.customers().size()];
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            if (c >= 0 && jobs.isCompleted(j) && jobs.completedDay(j) <= end) {
                revenueToDate[c] += jobs.revenue(j);
            }
        }
        List<MarketingResult.Campaign> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (cp.startDay(k) != Snapshot.NO_DAY && cp.startDay(k) > end) {
                continue;
            }
            double revenue = 0;
            double margin = 0;
            for (int c : customers.get(k)) {
                revenue += revenueToDate[c];
                margin += marginToDate[c];
            }
            out.add(new MarketingResult.Campaign(
                    cp.name(k),
                    cp.channels().value(cp.channel(k)),
                    Snapshot.date(cp.startDay(k)),
                    Snapshot.date(cp.endDay(k)),
                    round(cp.budget(k)),
                    round(spent[k]),
                    leads[k],
                    deals[k],
                    customers.get(k).size(),
                    round(revenue),
                    round(margin),
                    spent[k] > 0 ? round((margin - spent[k]) / spent[k]) : Double.NaN));
        }
        return List.copyOf(out);
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    static List<String> definitions() {
        return List.of(
                "CAC = the channel's marketing spend to the as-of date ÷ the customers acquired through it.",
                "LTV = the mean over the channel's customers of margin to date plus, with the CLV model, the future"
                        + " margin it expects; LTV:CAC = LTV ÷ CAC.",
                "Payback = months after acquisition until the channel's customers' mean cumulative margin covers"
                        + " the CAC, counting months of age seen for at least " + MIN_COHORT + " customers.",
                "Lead conversion = leads that became customers ÷ leads recorded for the channel.",
                "Campaign ROI = (margin to date of the customers its leads became − its spend) ÷ its spend.");
    }
}
