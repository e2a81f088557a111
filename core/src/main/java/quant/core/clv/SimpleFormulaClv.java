package quant.core.clv;

import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshot;

/**
 * The simple-formula lifetime value, m ÷ c: m the margin per active customer-month over the last 12
 * months, c the monthly churn rate 1 − (1 − C)^(1/12), where C is the share of customers active a
 * year before the as-of date (a purchase within the inactivity window before that day) who are not
 * active at it. The textbook formula for a geometric lifetime of mean 1/c months, undiscounted
 * (Gupta &amp; Lehmann 2003 give the discounted form m·(1+d)/(1+d−r)).
 */
final class SimpleFormulaClv {
    private SimpleFormulaClv() {}

    /** The day of customer c's last purchase on or before {@code day}, or {@link Snapshot#NO_DAY}. */
    static int lastPurchase(PurchaseDays pd, int c, int day) {
        int k = pd.countUpTo(c, day);
        return k == 0 ? Snapshot.NO_DAY : pd.day(pd.start(c) + k - 1);
    }

    private static boolean activeAt(PurchaseDays pd, int c, int day, int window) {
        int last = lastPurchase(pd, c, day);
        return last != Snapshot.NO_DAY && last > day - window;
    }

    static ClvResult.SimpleFormula of(PurchaseDays pd, boolean[] in, AsOf asOf, int window, double marginLastYear) {
        List<String> assumptions = List.of(
                "Margin per active customer-month stays at its level of the last 12 months.",
                "The same share of active customers churns every month (a geometric lifetime of mean 1/c months).",
                "A customer is active at a day with a transaction in the " + window + " days before it.",
                "Not discounted; no horizon (the whole expected lifetime).");
        long customerMonths = 0;
        for (int k = 11; k >= 0; k--) {
            int day = (int) asOf.date().minusMonths(k).toEpochDay();
            for (int c = 0; c < in.length; c++) {
                if (in[c] && activeAt(pd, c, day, window)) {
                    customerMonths++;
                }
            }
        }
        int yearAgo = (int) asOf.date().minusMonths(12).toEpochDay();
        int activeThen = 0;
        int lost = 0;
        for (int c = 0; c < in.length; c++) {
            if (in[c] && activeAt(pd, c, yearAgo, window)) {
                activeThen++;
                if (!activeAt(pd, c, asOf.day(), window)) {
                    lost++;
                }
            }
        }
        if (customerMonths == 0 || activeThen == 0) {
            return new ClvResult.SimpleFormula(
                    null,
                    null,
                    null,
                    null,
                    assumptions,
                    "No customer was active a year before the as-of date: the formula needs a year of history.");
        }
        double m = marginLastYear / customerMonths;
        double annual = (double) lost / activeThen;
        double monthly = 1 - Math.pow(1 - annual, 1.0 / 12);
        if (lost == 0) {
            return new ClvResult.SimpleFormula(
                    m,
                    0.0,
                    0.0,
                    null,
                    assumptions,
                    "No customer active a year ago has churned since: with no churn the formula has no bound.");
        }
        return new ClvResult.SimpleFormula(m, annual, monthly, m / monthly, assumptions, null);
    }
}
