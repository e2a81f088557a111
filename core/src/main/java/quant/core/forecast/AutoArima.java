package quant.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Automatic ARIMA order selection as R's {@code forecast::auto.arima} does it (Hyndman &amp;
 * Khandakar, "Automatic time series forecasting: the forecast package for R", JSS 27(3), 2008; the
 * package's current defaults):
 *
 * <ol>
 *   <li>D ∈ {0, 1}: one seasonal difference when the seasonal strength exceeds 0.64 (the package's
 *       "seas" test: strength = max(0, 1 − Var(remainder) / Var(season + remainder))). The package
 *       decomposes by STL; here the decomposition is classical (centred moving average, mean seasonal
 *       effects), which the Javadoc of {@link Seasonality} describes.
 *   <li>d ≤ 2: difference while the KPSS test (Kwiatkowski, Phillips, Schmidt &amp; Shin, J.
 *       Econometrics 54, 1992; level stationarity, Bartlett window of trunc(3√n / 13) lags) rejects at
 *       5 % (statistic above 0.463).
 *   <li>Stepwise search from ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0) and (0,d,1)(0,D,1),
 *       then neighbours in the package's order — P and Q by ±1 singly and together, p and q likewise,
 *       the constant toggled — moving to the first that lowers the AICc, until none does. A constant
 *       (mean or drift) is allowed when d + D ≤ 1. A model whose AR or MA roots come within 1.01 of
 *       the unit circle is rejected.
 *   <li>With more than 150 points or a season over 12, the search compares CSS fits, and the best
 *       models are then refitted by maximum likelihood in order until one succeeds — at most five
 *       (R tries them all); if none does, the best CSS fit is kept.
 * </ol>
 */
public final class AutoArima {
    static final double KPSS_CRITICAL_5 = 0.463;
    static final double SEASONAL_STRENGTH = 0.64;
    /** Refits by exact likelihood tried after an approximate search before its best CSS fit is kept. */
    static final int REFITS = 5;

    private AutoArima() {}

    /**
     * Selects and fits a model.
     *
     * @throws IllegalArgumentException when the series is too short or no model can be fitted
     */
    public static Arima fit(double[] x, int m) {
        int n = x.length;
        if (n < 4) {
            throw new IllegalArgumentException("ARIMA needs at least four points; the series has " + n + ".");
        }
        int season = m > 1 && n >= 2 * m + 1 ? m : 1;
        int sd = season > 1 && seasonalStrength(x, season) > SEASONAL_STRENGTH ? 1 : 0;
        double[] dx = sd == 1 ? Arima.difference(x, season) : x;
        int d = differences(dx, 2);
        int maxP = Math.min(5, n / 3);
        int maxQ = Math.min(5, n / 3);
        int maxSp = season > 1 ? Math.min(2, n / 3 / season) : 0;
        int maxSq = maxSp;
        if (season > 1) {
            if (maxSp > 0) {
                maxP = Math.min(maxP, season - 1);
            }
            if (maxSq > 0) {
                maxQ = Math.min(maxQ, season - 1);
            }
        }
        boolean approximation = n > 150 || season > 12;
        boolean allowConstant = d + sd <= 1;
        Search search = new Search(x, season, d, sd, approximation);
        double[] w = Arima.difference(dx, 1);
        for (int i = 1; i < d; i++) {
            w = Arima.difference(w, 1);
        }
        double[] finalDiff = d == 0 ? dx : w;
        if (isConstant(finalDiff)) {
            // nothing left to model: a (seasonal) random walk, with drift when allowed
            return Arima.fit(x, new Arima.Order(0, d, 0, 0, sd, 0, season, allowConstant && d + sd == 1), false);
        }
        int p = Math.min(2, maxP);
        int q = Math.min(2, maxQ);
        int sp = Math.min(1, maxSp);
        int sq = Math.min(1, maxSq);
        if (n < 10) {
            p = Math.min(p, 1);
            q = Math.min(q, 1);
            sp = 0;
            sq = 0;
        }
        boolean constant = allowConstant;
        Candidate best = search.fit(p, q, sp, sq, constant);
        Candidate c = search.fit(0, 0, 0, 0, constant);
        if (c.ic < best.ic) {
            best = c;
            p = q = sp = sq = 0;
        }
        if (maxP > 0 || maxSp > 0) {
            int ap = maxP > 0 ? 1 : 0;
            int asp = season > 1 && maxSp > 0 ? 1 : 0;
            c = search.fit(ap, 0, asp, 0, constant);
            if (c.ic < best.ic) {
                best = c;
                p = ap;
                sp = asp;
                q = sq = 0;
            }
        }
        if (maxQ > 0 || maxSq > 0) {
            int aq = maxQ > 0 ? 1 : 0;
            int asq = season > 1 && maxSq > 0 ? 1 : 0;
            c = search.fit(0, aq, 0, asq, constant);
            if (c.ic < best.ic) {
                best = c;
                p = sp = 0;
                q = aq;
                sq = asq;
            }
        }
        if (constant) {
            c = search.fit(0, 0, 0, 0, false);
            if (c.ic < best.ic) {
                best = c;
                p = q = sp = sq = 0;
            }
        }
        // neighbours in auto.arima's order: {Δp, Δq, ΔP, ΔQ}
        int[][] moves = {
            {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
            {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
            {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
            {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}
        };
        boolean improved = true;
        while (improved && search.size() < 94) {
            improved = false;
            for (int[] mv : moves) {
                int np = p + mv[0];
                int nq = q + mv[1];
                int nsp = sp + mv[2];
                int nsq = sq + mv[3];
                if (np < 0 || nq < 0 || nsp < 0 || nsq < 0 || np > maxP || nq > maxQ || nsp > maxSp || nsq > maxSq) {
                    continue;
                }
                if (search.tried(np, nq, nsp, nsq, constant)) {
                    continue;
                }
                c = search.fit(np, nq, nsp, nsq, constant);
                if (c.ic < best.ic) {
                    best = c;
                    p = np;
                    q = nq;
                    sp = nsp;
                    sq = nsq;
                    improved = true;
                    break;
                }
            }
            if (!improved && allowConstant && !search.tried(p, q, sp, sq, !constant)) {
                c = search.fit(p, q, sp, sq, !constant);
                if (c.ic < best.ic) {
                    best = c;
                    constant = !constant;
                    improved = true;
                }
            }
        }
        if (!approximation) {
            if (best.fit == null) {
                throw new IllegalArgumentException("No ARIMA model could be fitted to this series.");
            }
            return best.fit;
        }
        List<Candidate> ranked = search.byIc();
        for (Candidate candidate : ranked.subList(0, Math.min(REFITS, ranked.size()))) {
            try {
                Arima exact = Arima.fit(x, candidate.order, false);
                if (Double.isFinite(exact.aicc()) && exact.smallestRoot() >= 1.01) {
                    return exact;
                }
            } catch (IllegalArgumentException notThisOne) {
                // the next best by the approximate criterion is tried
            }
        }
        if (!ranked.isEmpty() && ranked.getFirst().fit != null) {
            // none of the best refits by exact likelihood: the best approximate fit, which forecasts as well
            return ranked.getFirst().fit;
        }
        throw new IllegalArgumentException("No ARIMA model could be fitted to this series.");
    }

    private record Candidate(Arima.Order order, Arima fit, double ic) {}

    /** The models tried so far, each fitted once. */
    private static final class Search {
        private final double[] x;
        private final int m;
        private final int d;
        private final int sd;
        private final boolean approximation;
        private final Map<Arima.Order, Candidate> tried = new LinkedHashMap<>();

        Search(double[] x, int m, int d, int sd, boolean approximation) {
            this.x = x;
            this.m = m;
            this.d = d;
            this.sd = sd;
            this.approximation = approximation;
        }

        Arima.Order order(int p, int q, int sp, int sq, boolean constant) {
            return new Arima.Order(p, d, q, sp, sd, sq, m, constant);
        }

        boolean tried(int p, int q, int sp, int sq, boolean constant) {
            return tried.containsKey(order(p, q, sp, sq, constant));
        }

        int size() {
            return tried.size();
        }

        Candidate fit(int p, int q, int sp, int sq, boolean constant) {
            Arima.Order o = order(p, q, sp, sq, constant);
            return tried.computeIfAbsent(o, key -> {
                try {
                    Arima f = Arima.fit(x, key, approximation);
                    double ic = f.aicc();
                    if (!Double.isFinite(ic) || f.smallestRoot() < 1.01) {
                        ic = Double.POSITIVE_INFINITY;
                    }
                    return new Candidate(key, f, ic);
                } catch (IllegalArgumentException | ArithmeticException failed) {
                    return new Candidate(key, null, Double.POSITIVE_INFINITY);
                }
            });
        }

        List<Candidate> byIc() {
            List<Candidate> all = new ArrayList<>(tried.values());
            all.removeIf(c -> !Double.isFinite(c.ic));
            all.sort(Comparator.comparingDouble(Candidate::ic));
            return all;
        }
    }

    /** The number of ordinary differences (at most {@code max}) after which KPSS no longer rejects. */
    static int differences(double[] x, int max) {
        int d = 0;
        double[] y = x;
        if (isConstant(y)) {
            return 0;
        }
        while (d < max && kpss(y) > KPSS_CRITICAL_5) {
            d++;
            y = Arima.difference(y, 1);
            if (y.length < 3 || isConstant(y)) {
                return d;
            }
        }
        return d;
    }

    /**
     * The KPSS statistic for level stationarity: Σ S_t² / (n² σ̂²), S the partial sums of the deviations
     * from the mean and σ̂² the Newey–West long-run variance with a Bartlett window of trunc(3√n / 13) lags.
     */
    static double kpss(double[] y) {
        int n = y.length;
        double mean = Arrays.stream(y).average().orElse(0);
        double[] e = new double[n];
        double partial = 0;
        double eta = 0;
        double s0 = 0;
        for (int t = 0; t < n; t++) {
            e[t] = y[t] - mean;
            partial += e[t];
            eta += partial * partial;
            s0 += e[t] * e[t];
        }
        int lags = (int) Math.floor(3 * Math.sqrt(n) / 13);
        double longRun = s0 / n;
        for (int s = 1; s <= lags; s++) {
            double c = 0;
            for (int t = s; t < n; t++) {
                c += e[t] * e[t - s];
            }
            longRun += 2 * (1 - s / (lags + 1.0)) * c / n;
        }
        return longRun > 0 ? eta / ((double) n * n * longRun) : 0;
    }

    /** Seasonal strength from a classical additive decomposition: max(0, 1 − Var(R) / Var(S + R)). */
    static double seasonalStrength(double[] x, int m) {
        if (x.length < 2 * m || isConstant(x)) {
            return 0;
        }
        double[] trend = Seasonality.movingAverage(x, m);
        double[] effect = Seasonality.additiveIndexes(x, m);
        List<Double> remainder = new ArrayList<>();
        List<Double> seasonal = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(trend[t])) {
                double detrended = x[t] - trend[t];
                remainder.add(detrended - effect[t % m]);
                seasonal.add(detrended);
            }
        }
        double varR = variance(remainder);
        double varSr = variance(seasonal);
        return varSr > 0 ? Math.max(0, Math.min(1, 1 - varR / varSr)) : 0;
    }

    private static double variance(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double s = 0;
        for (double v : values) {
            s += (v - mean) * (v - mean);
        }
        return values.size() > 1 ? s / (values.size() - 1) : 0;
    }

    static boolean isConstant(double[] y) {
        for (double v : y) {
            if (v != y[0]) {
                return false;
            }
        }
        return true;
    }
}
