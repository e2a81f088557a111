package quant.core.clv;

import java.util.Arrays;
import quant.core.analysis.PurchaseDays;

/**
 * The repeat-buying models' inputs cut at a day, in weeks: for each chosen customer whose first
 * purchase is on or before the cut, x = purchase days after the first up to the cut, t_x = weeks from the
 * first purchase to the last, T = weeks from the first purchase to the cut, and z̄ = the mean revenue
 * of the repeat purchase days (0 when x = 0). A customer acquired on the cut day has x = t_x = T = 0:
 * P(alive) 1 and the expected purchases of a new customer; such a row adds nothing to a likelihood (its
 * probability is 1), so it is kept for valuation rather than left unvalued.
 *
 * @param customer the customer index (into the purchase days) of each summary row
 * @param firstDay each row's first purchase day
 */
public record RepeatSummaries(int[] customer, int[] firstDay, CustomerSummaries summaries, double[] zbar) {
    /** Weeks per day. */
    public static final double WEEK = 7.0;

    /**
     * @param chosen which customers may take part (null for all)
     * @param cutDay the last day of the calibration period; purchases after it are not counted
     * @return empty summaries when no chosen customer bought by the cut
     */
    public static RepeatSummaries at(PurchaseDays pd, boolean[] chosen, int cutDay) {
        int n = pd.customers();
        int[] rows = new int[n];
        int m = 0;
        for (int c = 0; c < n; c++) {
            if ((chosen == null || chosen[c]) && pd.count(c) > 0 && pd.day(pd.start(c)) <= cutDay) {
                rows[m++] = c;
            }
        }
        rows = Arrays.copyOf(rows, m);
        int[] first = new int[m];
        double[] x = new double[m];
        double[] tx = new double[m];
        double[] t = new double[m];
        double[] zbar = new double[m];
        for (int i = 0; i < m; i++) {
            int c = rows[i];
            int k0 = pd.start(c);
            int k = pd.countUpTo(c, cutDay);
            first[i] = pd.day(k0);
            x[i] = k - 1;
            tx[i] = (pd.day(k0 + k - 1) - first[i]) / WEEK;
            t[i] = (cutDay - first[i]) / WEEK;
            if (k > 1) {
                double sum = 0;
                for (int j = k0 + 1; j < k0 + k; j++) {
                    sum += pd.revenue(j);
                }
                zbar[i] = sum / (k - 1);
            }
        }
        return new RepeatSummaries(rows, first, m == 0 ? null : new CustomerSummaries(x, tx, t), zbar);
    }

    public int size() {
        return customer.length;
    }

    public boolean isEmpty() {
        return customer.length == 0;
    }
}
