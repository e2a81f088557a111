package quant.core.stats;

import java.util.Arrays;

/**
 * The Kaplan–Meier estimate of a survival curve over whole time units (Kaplan &amp; Meier 1958):
 * {@code S(t) = Π_{u ≤ t} (1 − d_u / n_u)}, with d_u the events at time u and n_u the subjects still at
 * risk just before u. A subject whose event has not happened is right-censored at its time: it counts
 * at risk up to and including that time, then leaves. Past the longest time observed the curve stays
 * at its last value ({@link #floor()}).
 */
public final class KaplanMeier {
    private final int first;
    private final double[] survival; // survival[k] = S(first + k)
    private final int events;

    private KaplanMeier(int first, double[] survival, int events) {
        this.first = first;
        this.survival = survival;
        this.events = events;
    }

    /**
     * The estimate from the first {@code n} subjects.
     *
     * @param time each subject's time: of its event, or of censoring
     * @param event whether the subject's event happened at its time (else it is censored there)
     */
    public static KaplanMeier of(int[] time, boolean[] event, int n) {
        if (n == 0) {
            return new KaplanMeier(0, new double[] {1}, 0);
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, time[i]);
            hi = Math.max(hi, time[i]);
        }
        int span = hi - lo + 1;
        int[] deaths = new int[span];
        int[] leaving = new int[span]; // leave the risk set after time u (events and censored)
        int events = 0;
        for (int i = 0; i < n; i++) {
            int k = time[i] - lo;
            if (event[i]) {
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
        return new KaplanMeier(lo, s, events);
    }

    /** The number of events the estimate rests on. */
    public int events() {
        return events;
    }

    /** S(t): the share whose event has not happened by time t (1 before the first time observed). */
    public double survivalAfter(int t) {
        if (t < first) {
            return 1;
        }
        long k = (long) t - first;
        return k >= survival.length ? floor() : survival[(int) k];
    }

    /** The curve's last value: the share without an event by the longest time observed. */
    public double floor() {
        return survival[survival.length - 1];
    }

    @Override
    public String toString() {
        return "KaplanMeier[from " + first + ", " + Arrays.toString(survival) + "]";
    }
}
