package quant.core.forecast.business;

import quant.core.stats.KaplanMeier;

/**
 * How long payment takes, as a Kaplan–Meier estimate ({@link KaplanMeier}) over whole days: invoices
 * paid in full contribute their delay as an event, invoices still unpaid at the as-of date
 * contribute their age as a censored time (they have waited that long so far). With
 * {@code S(t) = Π_{u ≤ t} (1 − d_u / n_u)} — d paid at delay u of the n still unpaid just before u —
 * an invoice unpaid at delay {@code a} is paid at delay {@code t > a} with probability
 * {@code (S(t−1) − S(t)) / S(a)}, and is still unpaid at delay {@code t} with probability
 * {@code S(t) / S(a)}. The mass left at the longest delay observed is money not expected within it.
 */
final class PaymentTiming {
    private final KaplanMeier estimate;

    private PaymentTiming(KaplanMeier estimate) {
        this.estimate = estimate;
    }

    /**
     * The estimate from observed delays.
     *
     * @param delay each invoice's delay: days to full payment, or days waited so far
     * @param paid whether the invoice was paid in full (an event) or is still open (censored)
     */
    static PaymentTiming of(int[] delay, boolean[] paid, int n) {
        return new PaymentTiming(KaplanMeier.of(delay, paid, n));
    }

    /** The number of payments the estimate rests on. */
    int events() {
        return estimate.events();
    }

    /** S(t): the share still unpaid after delay t. */
    double unpaidAfter(int t) {
        return estimate.survivalAfter(t);
    }

    /** The share never paid within the longest delay observed. */
    double floor() {
        return estimate.floor();
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
        return "PaymentTiming[" + estimate + "]";
    }
}
