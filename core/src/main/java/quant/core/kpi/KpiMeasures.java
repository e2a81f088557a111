package quant.core.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import quant.core.analysis.Operations;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;
import quant.core.finance.ReceivablesAnalysis;
import quant.core.forecast.business.ForecastAccuracy;
import quant.core.forecast.business.StageWinRates;
import quant.core.job.JobMonitor;

/**
 * Measures each {@link Kpi} over a {@link Window} of a snapshot, by the definitions the registry
 * states (and the analyses behind the views use): flows over the window's days, stocks at its last
 * day. A value that cannot be measured (no jobs completed in the window, no opening cash set, no
 * saved forecast month in it) is {@code NaN}.
 */
public final class KpiMeasures {
    /**
     * Days past due after which an unpaid invoice is doubtful debt rather than a receivable being
     * collected: the receivables KPI leaves it out (the receivables view's aging still shows it).
     */
    static final int DOUBTFUL_AFTER = 365;

    private final Snapshot s;
    private final int asOfDay;
    private final int inactivityDays;
    private final OptionalDouble openingCash;
    private final int cashDay;
    private final List<ForecastAccuracy.Run> forecasts;
    private final boolean[] calledBack;
    private final PurchaseDays purchases;
    private final ReceivablesAnalysis.Ledger ledger;

    /**
     * @param asOfDay the day computed at: callbacks requested by it count, purchases up to it
     * @param inactivityDays the churn inactivity window
     * @param openingCash the opening cash balance setting, the cash at {@code cashDay}
     * @param cashDay the day the opening cash is the balance of (the data's last activity day)
     * @param forecasts the saved forecasts compared with what happened
     */
    public KpiMeasures(
            Snapshot s,
            int asOfDay,
            int inactivityDays,
            OptionalDouble openingCash,
            int cashDay,
            List<ForecastAccuracy.Run> forecasts,
            JobMonitor monitor) {
        this.s = s;
        this.asOfDay = asOfDay;
        this.inactivityDays = inactivityDays;
        this.openingCash = openingCash;
        this.cashDay = cashDay;
        this.forecasts = List.copyOf(forecasts);
        Snapshot.Jobs jobs = s.jobs();
        calledBack = new boolean[jobs.size()];
        for (int c = 0; c < jobs.size(); c++) {
            int original = jobs.callbackOf(c);
            if (original >= 0 && jobs.requestedDay(c) <= asOfDay) {
                calledBack[original] = true;
            }
        }
        purchases = PurchaseDays.of(s, asOfDay, monitor);
        ledger = ReceivablesAnalysis.Ledger.of(s.invoices());
    }

    /** The KPI's value over the window, or {@code NaN} when there is nothing to measure. */
    public double value(Kpi k, Window w) {
        return switch (k) {
            case REVENUE -> jobs(w)[0];
            case GROSS_MARGIN -> share(jobs(w)[0] - jobs(w)[1], jobs(w)[0]);
            case OPERATING_MARGIN -> operatingMargin(w);
            case AVERAGE_RATING -> rating(w);
            case FIRST_TIME_FIX -> firstTimeFix(w);
            case CALLBACK_RATE -> callbackRate(w);
            case UTILISATION -> utilisation(w);
            case NEW_CUSTOMERS -> newCustomers(w);
            case CHURN_RATE -> monthlyChurn(w.toDay());
            case NET_REVENUE_RETENTION -> netRevenueRetention(w.to());
            case DSO -> dso(w.toDay());
            case RECEIVABLES_OVER_60 -> over60(w.toDay());
            case TOP5_CONCENTRATION -> top5(w.to());
            case CASH_RUNWAY -> runway(w.to());
            case CAC -> cac(w);
            case LTV_TO_CAC -> cac(w) > 0 ? lifetimeValue(w.to()) / cac(w) : Double.NaN;
            case PAYBACK -> cac(w) / marginPerCustomerMonth(w.to());
            case WIN_RATE -> winRate(w);
            case PIPELINE_COVERAGE -> coverage(w.to());
            case AVERAGE_DEAL_SIZE -> averageDeal(w);
            case FORECAST_ACCURACY -> forecastAccuracy(w);
        };
    }

    static double share(double part, double whole) {
        return whole > 0 ? part / whole : Double.NaN;
    }

    /** Revenue and job costs of the jobs completed in the window. */
    double[] jobs(Window w) {
        Snapshot.Jobs jobs = s.jobs();
        double revenue = 0;
        double cost = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j) && w.contains(jobs.completedDay(j))) {
                revenue += jobs.revenue(j);
                cost += jobs.cost(j);
            }
        }
        return new double[] {revenue, cost};
    }

    private double expenses(Window w) {
        Operations.Expenses ex = s.expenses();
        double sum = 0;
        for (int i = 0; i < ex.size(); i++) {
            if (ex.monthDay(i) != Snapshot.NO_DAY && w.contains(ex.monthDay(i))) {
                sum += ex.amount(i);
            }
        }
        return sum;
    }

    private double spend(Window w) {
        Operations.Spend sp = s.spend();
        double sum = 0;
        for (int i = 0; i < sp.size(); i++) {
            if (sp.monthDay(i) != Snapshot.NO_DAY && w.contains(sp.monthDay(i))) {
                sum += sp.amount(i);
            }
        }
        return sum;
    }

    private double operatingMargin(Window w) {
        double[] rc = jobs(w);
        return share(rc[0] - rc[1] - expenses(w) - spend(w), rc[0]);
    }

    private double rating(Window w) {
        Snapshot.Jobs jobs = s.jobs();
        long sum = 0;
        int n = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j) && jobs.rating(j) > 0 && w.contains(jobs.completedDay(j))) {
                sum += jobs.rating(j);
                n++;
            }
        }
        return n > 0 ? (double) sum / n : Double.NaN;
    }

    private double firstTimeFix(Window w) {
        Snapshot.Jobs jobs = s.jobs();
        int first = 0;
        int back = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j) && !jobs.isCallback(j) && w.contains(jobs.completedDay(j))) {
                first++;
                back += calledBack[j] ? 1 : 0;
            }
        }
        return first > 0 ? 1 - (double) back / first : Double.NaN;
    }

    private double callbackRate(Window w) {
        Snapshot.Jobs jobs = s.jobs();
        int all = 0;
        int callbacks = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j) && w.contains(jobs.completedDay(j))) {
                all++;
                callbacks += jobs.isCallback(j) ? 1 : 0;
            }
        }
        return all > 0 ? (double) callbacks / all : Double.NaN;
    }

    private double utilisation(Window w) {
        Snapshot.Jobs jobs = s.jobs();
        double worked = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.technician(j) >= 0 && jobs.isCompleted(j) && w.contains(jobs.completedDay(j))) {
                double h = jobs.actualHours(j);
                worked += (Double.isNaN(h) ? 0 : h) + Math.max(0, jobs.travelMinutes(j)) / 60.0;
            }
        }
        Operations.Technicians techs = s.technicians();
        double shift = 0;
        for (int t = 0; t < techs.size(); t++) {
            double hours = techs.shiftHours(t);
            if (hours <= 0) {
                continue;
            }
            for (int d = w.fromDay(); d <= w.toDay(); d++) {
                if (techs.works(t, d)) {
                    shift += hours;
                }
            }
        }
        return share(worked, shift);
    }

    private double newCustomers(Window w) {
        Snapshot.Customers cu = s.customers();
        int n = 0;
        for (int c = 0; c < cu.size(); c++) {
            if (cu.acquiredDay(c) != Snapshot.NO_DAY && w.contains(cu.acquiredDay(c))) {
                n++;
            }
        }
        return n;
    }

    private boolean activeAt(int c, int day) {
        int k = purchases.countUpTo(c, day);
        if (k == 0) {
            return false;
        }
        return purchases.day(purchases.start(c) + k - 1) > day - inactivityDays;
    }

    /** 1 − (1 − C)^(1/12), C the annual churn of the customers active a year before {@code day}. */
    double monthlyChurn(int day) {
        int yearAgo = (int) LocalDate.ofEpochDay(day).minusYears(1).toEpochDay();
        int then = 0;
        int lost = 0;
        for (int c = 0; c < purchases.customers(); c++) {
            if (activeAt(c, yearAgo)) {
                then++;
                lost += activeAt(c, day) ? 0 : 1;
            }
        }
        return then > 0 ? 1 - Math.pow(1 - (double) lost / then, 1.0 / 12) : Double.NaN;
    }

    /**
     * Margin of the customers' jobs completed in the 12 months to {@code end} (callbacks' costs
     * included, as the lifetime value analysis counts it) ÷ the active customers counted at its 12
     * month points.
     */
    double marginPerCustomerMonth(LocalDate end) {
        int to = (int) end.toEpochDay();
        int from = (int) end.minusMonths(12).toEpochDay();
        double margin = 0;
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int d = jobs.completedDay(j);
            if (jobs.customer(j) >= 0 && jobs.isCompleted(j) && d > from && d <= to) {
                margin += jobs.margin(j);
            }
        }
        long customerMonths = 0;
        for (int m = 0; m < 12; m++) {
            int day = (int) end.minusMonths(m).toEpochDay();
            for (int c = 0; c < purchases.customers(); c++) {
                customerMonths += activeAt(c, day) ? 1 : 0;
            }
        }
        return customerMonths > 0 ? margin / customerMonths : Double.NaN;
    }

    /** The simple-formula lifetime value at {@code end}: margin per active customer-month ÷ monthly churn. */
    double lifetimeValue(LocalDate end) {
        double churn = monthlyChurn((int) end.toEpochDay());
        return churn > 0 ? marginPerCustomerMonth(end) / churn : Double.NaN;
    }

    private double netRevenueRetention(LocalDate end) {
        int to = (int) end.toEpochDay();
        int mid = (int) end.minusYears(1).toEpochDay();
        int from = (int) end.minusYears(2).toEpochDay();
        double before = 0;
        double after = 0;
        for (int c = 0; c < purchases.customers(); c++) {
            double b = 0;
            double a = 0;
            for (int k = purchases.start(c); k < purchases.end(c); k++) {
                int d = purchases.day(k);
                if (d > from && d <= mid) {
                    b += purchases.revenue(k);
                } else if (d > mid && d <= to) {
                    a += purchases.revenue(k);
                }
            }
            if (b > 0) {
                before += b;
                after += a;
            }
        }
        return share(after, before);
    }

    private double dso(int day) {
        return ReceivablesAnalysis.dsoAt(s.invoices(), ledger, day).dso();
    }

    private double over60(int day) {
        Snapshot.Invoices inv = s.invoices();
        double sum = 0;
        for (int i = 0; i < inv.size(); i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) > day || inv.dueDay(i) == Snapshot.NO_DAY) {
                continue;
            }
            int late = day - inv.dueDay(i);
            if (late > 60 && late <= DOUBTFUL_AFTER) {
                sum += Math.max(0, inv.amount(i) - ledger.paidBy(i, day));
            }
        }
        return sum;
    }

    private double top5(LocalDate end) {
        Snapshot.Invoices inv = s.invoices();
        int to = (int) end.toEpochDay();
        int from = (int) end.plusDays(1).minusYears(1).toEpochDay();
        double[] byCustomer = new double[s.customers().size()];
        double all = 0;
        for (int i = 0; i < inv.size(); i++) {
            if (inv.status(i) == Snapshot.Invoices.VOID || inv.issuedDay(i) < from || inv.issuedDay(i) > to) {
                continue;
            }
            all += inv.amount(i);
            if (inv.customer(i) >= 0) {
                byCustomer[inv.customer(i)] += inv.amount(i);
            }
        }
        Arrays.sort(byCustomer);
        double top = 0;
        for (int k = 0; k < 5 && k < byCustomer.length; k++) {
            top += byCustomer[byCustomer.length - 1 - k];
        }
        return share(top, all);
    }

    /** Money paid out on the days in (from, to]: job costs on completion, expenses and marketing in their month. */
    private double outgoings(int from, int to) {
        Snapshot.Jobs jobs = s.jobs();
        double out = 0;
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.isCompleted(j) && jobs.completedDay(j) > from && jobs.completedDay(j) <= to) {
                out += jobs.cost(j);
            }
        }
        Operations.Expenses ex = s.expenses();
        for (int i = 0; i < ex.size(); i++) {
            if (ex.monthDay(i) > from && ex.monthDay(i) <= to) {
                out += ex.amount(i);
            }
        }
        Operations.Spend sp = s.spend();
        for (int i = 0; i < sp.size(); i++) {
            if (sp.monthDay(i) > from && sp.monthDay(i) <= to) {
                out += sp.amount(i);
            }
        }
        return out;
    }

    /** The cash at the end of {@code day}, from the opening balance at the cash day; NaN when none is set. */
    double cashAt(int day) {
        if (openingCash.isEmpty()) {
            return Double.NaN;
        }
        double received = 0;
        Snapshot.Payments p = s.invoices().payments();
        int lo = Math.min(day, cashDay);
        int hi = Math.max(day, cashDay);
        for (int k = 0; k < p.size(); k++) {
            if (p.day(k) > lo && p.day(k) <= hi) {
                received += p.amount(k);
            }
        }
        double net = received - outgoings(lo, hi);
        return day <= cashDay ? openingCash.getAsDouble() - net : openingCash.getAsDouble() + net;
    }

    private double runway(LocalDate end) {
        int to = (int) end.toEpochDay();
        double monthly = outgoings((int) end.minusMonths(3).toEpochDay(), to) / 3;
        double cash = cashAt(to);
        return monthly > 0 && Double.isFinite(cash) ? Math.max(0, cash) / monthly : Double.NaN;
    }

    private double cac(Window w) {
        double n = newCustomers(w);
        return n > 0 ? spend(w) / n : Double.NaN;
    }

    private double winRate(Window w) {
        Operations.Deals d = s.deals();
        int won = 0;
        int closed = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.outcome(i) != Operations.Deals.OPEN
                    && d.closedDay(i) != Snapshot.NO_DAY
                    && w.contains(d.closedDay(i))) {
                closed++;
                won += d.outcome(i) == Operations.Deals.WON ? 1 : 0;
            }
        }
        return closed > 0 ? (double) won / closed : Double.NaN;
    }

    private double averageDeal(Window w) {
        Operations.Deals d = s.deals();
        double sum = 0;
        int won = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.outcome(i) == Operations.Deals.WON
                    && d.closedDay(i) != Snapshot.NO_DAY
                    && w.contains(d.closedDay(i))) {
                sum += d.amount(i);
                won++;
            }
        }
        return won > 0 ? sum / won : Double.NaN;
    }

    private double coverage(LocalDate end) {
        Operations.Deals d = s.deals();
        if (d.size() == 0) {
            return Double.NaN;
        }
        int day = (int) end.toEpochDay();
        int from = (int) end.minusMonths(3).toEpochDay();
        StageWinRates rates = StageWinRates.learn(s, day);
        double weighted = 0;
        double wonRecently = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.isClosedBy(i, day)) {
                if (d.outcome(i) == Operations.Deals.WON && d.closedDay(i) > from) {
                    wonRecently += d.amount(i);
                }
            } else if (d.isOpenAt(i, day)) {
                double rate = rates.of(StageWinRates.stageAt(s, i, day)).winRate();
                weighted += Double.isFinite(rate) ? d.amount(i) * rate : 0;
            }
        }
        return share(weighted, wonRecently);
    }

    private double forecastAccuracy(Window w) {
        double sum = 0;
        int n = 0;
        for (ForecastAccuracy.Run run : forecasts) {
            for (ForecastAccuracy.Month m : run.months()) {
                int end = (int) YearMonth.parse(m.month()).atEndOfMonth().toEpochDay();
                if (m.actual() != null && m.actual() > 0 && w.contains(end) && end <= asOfDay) {
                    sum += Math.abs(m.actual() - m.mean()) / m.actual();
                    n++;
                }
            }
        }
        return n > 0 ? 1 - sum / n : Double.NaN;
    }
}
