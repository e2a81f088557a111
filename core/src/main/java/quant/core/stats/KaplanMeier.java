package quant.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan–Meier estimate of a survival curve (Kaplan &amp; Meier 1958, "Nonparametric estimation
 * from incomplete observations", JASA 53): {@code S(t) = Π_{u ≤ t} (1 − d_u / n_u)} over the distinct
 * event times u, with d_u the events at u and n_u the subjects at risk at u.
 *
 * <p>A subject is at risk at u when its entry is before u and its time is u or later: one whose event
 * has not happened is right-censored at its time (at risk up to and including it, then gone), and one
 * that came under observation only at an age {@code entry} (delayed entry, or left truncation: an
 * asset bought before the records start) is at risk only after that age. Without entries every subject
 * is at risk from the start. With delayed entry the curve is conditional on surviving to the earliest
 * entry, and where few subjects are at risk early it rests on few.
 *
 * <p>Greenwood's formula gives the variance: Var(ln S(t)) = Σ_{u ≤ t} d_u / (n_u (n_u − d_u)), so
 * se(S) = S · √(that sum); the 95 % interval is S · exp(± 1.96 · √(that sum)), capped at 1 (the "log"
 * interval, the default of R's {@code survfit}). Where every subject at risk has the event, S drops to 0
 * and the interval is not defined (NaN).
 */
public final class KaplanMeier {
    private static final double Z95 = 1.959963984540054;

    /**
     * The curve at one event time.
     *
     * @param atRisk subjects at risk at that time
     * @param events events at that time
     * @param survival S(time)
     * @param stdErr Greenwood's standard error of S(time)
     * @param lower the 95 % interval's lower bound
     * @param upper the 95 % interval's upper bound
     */
    public record Step(
            double time, int atRisk, int events, double survival, double stdErr, double lower, double upper) {}

    private final double[] times;
    private final double[] survival;
    private final List<Step> steps;
    private final int subjects;
    private final int events;
    private final double lastTime;

    private KaplanMeier(List<Step> steps, int subjects, double lastTime) {
        this.steps = List.copyOf(steps);
        this.subjects = subjects;
        this.lastTime = lastTime;
        this.times = new double[steps.size()];
        this.survival = new double[steps.size()];
        int e = 0;
        for (int k = 0; k < steps.size(); k++) {
            times[k] = steps.get(k).time();
            survival[k] = steps.get(k).survival();
            e += steps.get(k).events();
        }
        this.events = e;
    }

    /**
     * The estimate from the first {@code n} subjects, every one at risk from the start.
     *
     * @param time each subject's time: of its event, or of censoring
     * @param event whether the subject's event happened at its time (else it is censored there)
     */
    public static KaplanMeier of(int[] time, boolean[] event, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[i];
        }
        return of(t, Arrays.copyOf(event, n), null);
    }

    /**
     * The estimate.
     *
     * @param time each subject's time: of its event, or of censoring
     * @param event whether the subject's event happened at its time (else it is censored there)
     * @param entry each subject's age when it came under observation, or null when all were observed from
     *     the start
     * @throws IllegalArgumentException when the columns differ in length, a time is not finite, or a
     *     subject's time is not after its entry
     */
    public static KaplanMeier of(double[] time, boolean[] event, double[] entry) {
        int n = time.length;
        if (event.length != n || (entry != null && entry.length != n)) {
            throw new IllegalArgumentException("time, event and entry need one value per subject");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i])) {
                throw new IllegalArgumentException("Subject " + (i + 1) + " has no finite time.");
            }
            if (entry != null && !(Double.isFinite(entry[i]) && entry[i] < time[i])) {
                throw new IllegalArgumentException(
                        "Subject " + (i + 1) + " enters at " + entry[i] + ", not before its time " + time[i] + ".");
            }
        }
        double[] sortedTime = time.clone();
        Arrays.sort(sortedTime);
        double[] sortedEntry = entry == null ? null : entry.clone();
        if (sortedEntry != null) {
            Arrays.sort(sortedEntry);
        }
        double[] eventTimes = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (event[i]) {
                eventTimes[m++] = time[i];
            }
        }
        eventTimes = Arrays.copyOf(eventTimes, m);
        Arrays.sort(eventTimes);
        List<Step> steps = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        int endedBefore = 0; // subjects whose time is before u
        int entered = n; // subjects whose entry is before u (all, without entries)
        int enteredIndex = 0;
        for (int k = 0; k < m; ) {
            double u = eventTimes[k];
            int d = 0;
            while (k < m && eventTimes[k] == u) {
                d++;
                k++;
            }
            while (endedBefore < n && sortedTime[endedBefore] < u) {
                endedBefore++;
            }
            if (sortedEntry != null) {
                while (enteredIndex < n && sortedEntry[enteredIndex] < u) {
                    enteredIndex++;
                }
                entered = enteredIndex;
            }
            int atRisk = entered - endedBefore;
            s *= 1 - d / (double) atRisk;
            greenwood = atRisk > d ? greenwood + d / ((double) atRisk * (atRisk - d)) : Double.POSITIVE_INFINITY;
            double logSe = Math.sqrt(greenwood);
            boolean defined = Double.isFinite(logSe) && s > 0;
            steps.add(new Step(
                    u,
                    atRisk,
                    d,
                    s,
                    defined ? s * logSe : Double.NaN,
                    defined ? s * Math.exp(-Z95 * logSe) : Double.NaN,
                    defined ? Math.min(1, s * Math.exp(Z95 * logSe)) : Double.NaN));
        }
        return new KaplanMeier(steps, n, n == 0 ? 0 : sortedTime[n - 1]);
    }

    /** The curve at each distinct event time, in time order. */
    public List<Step> steps() {
        return steps;
    }

    /** The number of events the estimate rests on. */
    public int events() {
        return events;
    }

    /** The number of subjects. */
    public int subjects() {
        return subjects;
    }

    /** The longest time observed, of an event or of censoring: how far the curve is known (0 without subjects). */
    public double lastTime() {
        return lastTime;
    }

    /** S(t): the share whose event has not happened by time t (1 before the first event time). */
    public double survivalAt(double t) {
        int k = Arrays.binarySearch(times, t);
        int last = k >= 0 ? lastEqual(k) : -k - 2;
        return last < 0 ? 1 : survival[last];
    }

    private int lastEqual(int k) {
        while (k + 1 < times.length && times[k + 1] == times[k]) {
            k++;
        }
        return k;
    }

    /** S(t) over whole time units, as {@link #survivalAt(double)}. */
    public double survivalAfter(int t) {
        return survivalAt(t);
    }

    /** The curve's last value: the share without an event by the last event time (1 without events). */
    public double floor() {
        return survival.length == 0 ? 1 : survival[survival.length - 1];
    }

    /** The median: the first event time at which S falls to 0.5 or below; NaN when it never does. */
    public double median() {
        for (int k = 0; k < survival.length; k++) {
            if (survival[k] <= 0.5) {
                return times[k];
            }
        }
        return Double.NaN;
    }

    @Override
    public String toString() {
        return "KaplanMeier[" + subjects + " subjects, " + events + " events, S = " + Arrays.toString(survival) + "]";
    }
}
