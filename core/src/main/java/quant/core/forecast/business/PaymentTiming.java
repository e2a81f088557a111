package quant.core.forecast.business;

import java.util.Arrays;

/**
 * How long payment takes, as a Kaplan–Meier estimate (Kaplan & Meier 1958) over whole days: invoices
 * paid in full contribute their delay as an event, invoices still unpaid at the as-of date
 * contribute their age as a censored time (they have waited that long so far). With
 * {@code S(t) = Π_{u ≤ t} (1 − d_u / n_u)} — d paid at delay u of the n still unpaid just before u —
 * an invoice unpaid at delay {@code a} is paid at delay {@code t > a} with probability
 * {@code (S(t−1) − S(t)) / S(a)}, and is still unpaid at delay {@code t} with probability
 * {@code S(t) / S(a)}. The mass left at the longest delay observed is money not expected within it.
 */
final class PaymentTiming {
    private final int min;
    private final double[] survival; // survival[k] = S(min + k)
    private final int events;

    private PaymentTiming(int min, double[] survival, int events) {
        this.min = min;
        this.survival = survival;
        this.events = events;
    }

    /**
     * The estimate from observed delays.
     *
     * @param delay each invoice's delay: days to full payment, or days waited so far
     * @param paid whether the invoice was paid in full (an event) or is still open (censored)
     */
    static PaymentTiming of(int[] delay, boolean[] paid, int n) {
        if (n == 0) {
            return new PaymentTiming(0, new double[] {1}, 0);
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, delay[i]);
            hi = Math.max(hi, delay[i]);
        }
        int span = hi - lo + 1;
        int[] deaths = new int[span];
        int[] leaving = new int[span]; // leave the risk set after day u (events and censored)
        int events = 0;
        for (int i = 0; i < n; i++) {
            int k = delay[i] - lo;
            if (paid[i]) {
                deaths[k]++;
                events++;
            }
            leaving[k]++;
        }
        double[] s = new double[span];
        double current = 1;
        int atRisk = n;
        for (int k = 0; k < span; k++) {
            if (atRisk > 0 && deaths[k] > 0) {
                current *= 1 - deaths[k] / (double) atRisk;
            }
            s[k] = current;
            atRisk -= leaving[k];
        }
        return new PaymentTiming(lo, s, events);
    }

    /** The number of payments the estimate rests on. */
    int events() {
        return events;
    }

    /** S(t): the share still unpaid after delay t. */
    double unpaidAfter(int t) {
        if (t < min) {
            return 1;
        }
        long k = (long) t - min;
        return k >= survival.length ? floor() : survival[(int) k];
    }

    /** The share never paid within the longest delay observed. */
    double floor() {
        return survival[survival.length - 1];
    }

    /**
     * Whether an invoice unpaid at delay {@code a} has any chance of payment by this estimate (some
     * invoice was still unpaid at that delay and later paid).
     */
    boolean informs(int a) {
        return unpaidAfter(a) > floor();
    }

    /**
     * The probabilities that an invoice unpaid at delay {@code a} is paid at delays a+1 … a+days.
     * Empty (all zeros) when the estimate has nothing to say past {@code a}.
     */
    double[] paidNext(int a, int days) {
        double[] p = new double[days];
        double base = unpaidAfter(a);
        if (base <= 0) {
            return p;
        }
        for (int k = 1; k <= days; k++) {
            p[k - 1] = (unpaidAfter(a + k - 1) - unpaidAfter(a + k)) / base;
        }
        return p;
    }

    @Override
    public String toString() {
        return "PaymentTiming[from " + min + ", " + Arrays.toString(survival) + "]";
    }
}
