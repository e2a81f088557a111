package quant.core.churn;

import java.util.List;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;

/**
 * The explainable churn factors of each customer at a day, over the year before it:
 *
 * <ol>
 *   <li>callbacks: completed callback jobs (warranty revisits) on the customer's jobs;
 *   <li>low ratings: completed jobs the customer rated 1 or 2;
 *   <li>late or disputed invoices: invoices issued in the year that were paid after their due day,
 *       are unpaid past it, or are disputed;
 *   <li>falling frequency: the drop in purchase days against the year before that, (before − last) ÷
 *       before, 0 when it did not fall;
 *   <li>days since the last purchase.
 * </ol>
 */
public final class ChurnFactors {
    public static final List<String> NAMES =
            List.of("callbacks", "lowRatings", "lateInvoices", "frequencyDrop", "daysSinceLastPurchase");

    static final int CALLBACKS = 0;
    static final int LOW_RATINGS = 1;
    static final int LATE = 2;
    static final int DROP = 3;
    static final int DAYS = 4;

    private ChurnFactors() {}

    /** One row of {@link #NAMES} per customer (all customers; callers pick the ones that count). */
    public static double[][] at(Snapshot s, PurchaseDays pd, int day) {
        int n = s.customers().size();
        double[][] f = new double[n][NAMES.size()];
        int yearAgo = day - 365;
        Snapshot.Jobs jobs = s.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int c = jobs.customer(j);
            int d = jobs.completedDay(j);
            if (c < 0 || !jobs.isCompleted(j) || d > day || d <= yearAgo) {
                continue;
            }
            if (jobs.isCallback(j)) {
                f[c][CALLBACKS]++;
            }
            int rating = jobs.rating(j);
            if (rating >= 1 && rating <= 2) {
                f[c][LOW_RATINGS]++;
            }
        }
        Snapshot.Invoices inv = s.invoices();
        for (int i = 0; i < inv.size(); i++) {
            int c = inv.customer(i);
            int issued = inv.issuedDay(i);
            if (c < 0 || issued > day || issued <= yearAgo) {
                continue;
            }
            if (inv.status(i) == Snapshot.Invoices.DISPUTED || inv.isLate(i, day)) {
                f[c][LATE]++;
            }
        }
        for (int c = 0; c < n; c++) {
            int upTo = pd.countUpTo(c, day);
            int last = upTo > 0 ? pd.day(pd.start(c) + upTo - 1) : Snapshot.NO_DAY;
            int lastYear = upTo - pd.countUpTo(c, yearAgo);
            int yearBefore = pd.countUpTo(c, yearAgo) - pd.countUpTo(c, yearAgo - 365);
            f[c][DROP] = yearBefore > 0 ? Math.max(0, (double) (yearBefore - lastYear) / yearBefore) : 0;
            f[c][DAYS] = last == Snapshot.NO_DAY ? 0 : day - last;
        }
        return f;
    }
}
