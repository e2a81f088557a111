package quant.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import quant.core.stats.NelderMead;

/**
 * Exponential smoothing in its innovations state-space form, ETS(error, trend, season) (Hyndman,
 * Koehler, Snyder &amp; Grose, "A state space framework for automatic forecasting using exponential
 * smoothing methods", IJF 18(3), 2002; Hyndman, Koehler, Ord &amp; Snyder, "Forecasting with
 * Exponential Smoothing: The State Space Approach", Springer 2008).
 *
 * <p>Error additive (A) or multiplicative (M); trend none (N), additive (A) or damped (Ad); season
 * none, additive or multiplicative. With q = ℓ + φb (φ = 1 undamped, b = 0 without trend) and the
 * one-step forecast μ = q, q + s or q·s, every model updates its states from d = y − μ (Table 2.3 of
 * the book, written in error-correction form): ℓ ← q + α d / s̃, b ← φ b + β d / s̃, s ← s + γ d / q̃,
 * where s̃ = s and q̃ = q for a multiplicative season and 1 otherwise. The error type changes only the
 * likelihood: −2 log L = n log Σ ε² (+ 2 Σ log|μ| for relative errors ε = d / μ), up to a constant.
 *
 * <p>Fitting: α, β, γ, φ and the initial level and trend maximise the likelihood by Nelder–Mead,
 * under R {@code forecast::ets}'s "usual" bounds (10⁻⁴ ≤ α ≤ 0.9999, β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98)
 * imposed by logistic transforms. The initial seasonal states are not searched: they come from a
 * classical decomposition of the first seasons, as R's starting values do; they are still counted
 * among the parameters of the AICc. Automatic selection ({@link #auto}) fits the 15 models R
 * considers by default (no multiplicative trend, none of the unstable additive-error
 * multiplicative-season ones, multiplicative ones only for positive data, a season only when m ≤ 24)
 * and keeps the lowest AICc.
 *
 * <p>Intervals: exact for the linear models (additive error, no multiplicative season), from the
 * variance σ²(1 + Σ_{j&lt;h} c_j²) with c_j = α + β(φ + … + φ^j) + γ·[j mod m = 0] (Table 6.1);
 * simulated from 2,000 sample paths with a fixed seed for the others.
 */
public final class Ets {
    /** A model in the taxonomy: error A|M, trend N|A|D (damped), season N|A|M. */
    public record Spec(char error, char trend, char season) {
        public Spec {
            if ("AM".indexOf(error) < 0 || "NAD".indexOf(trend) < 0 || "NAM".indexOf(season) < 0) {
                throw new IllegalArgumentException("no ETS model " + error + trend + season);
            }
        }

        /** Parses the three-letter code, e.g. "AAdN" or "MAM"; D and Ad both mean damped. */
        public static Spec parse(String code) {
            String c = code.toUpperCase(java.util.Locale.ROOT).replace("AD", "D");
            if (c.length() != 3) {
                throw new IllegalArgumentException(
                        "an ETS model is three letters such as ANN, AAdN or MAM, not " + code);
            }
            return new Spec(c.charAt(0), c.charAt(1), c.charAt(2));
        }

        public String label() {
            return "ETS(" + error + "," + (trend == 'D' ? "Ad" : String.valueOf(trend)) + "," + season + ")";
        }

        boolean linear() {
            return error == 'A' && season != 'M';
        }
    }

    static final double LOW = 1e-4;
    static final double HIGH = 0.9999;
    static final int PATHS = 2_000;

    private final Spec spec;
    private final int m;
    private final int n;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double l0;
    private final double b0;
    private final double[] s0;
    private final double level;
    private final double trend;
    private final double[] season;
    private final double sse;
    private final double lik;
    private final int parameters;

    private Ets(Spec spec, int m, double[] y, double[] p, double l0, double b0, double[] s0) {
        this.spec = spec;
        this.m = spec.season() == 'N' ? 1 : m;
        this.n = y.length;
        this.alpha = p[0];
        this.beta = p[1];
        this.gamma = p[2];
        this.phi = p[3];
        this.l0 = l0;
        this.b0 = b0;
        this.s0 = s0.clone();
        double[] s = s0.clone();
        double[] state = new double[4];
        run(spec, this.m, y, alpha, beta, gamma, phi, l0, b0, s, state);
        this.sse = state[0];
        this.lik = state[1];
        this.level = state[2];
        this.trend = state[3];
        this.season = s;
        this.parameters = 1
                + (spec.trend() == 'N' ? 0 : 2)
                + (spec.trend() == 'D' ? 1 : 0)
                + (spec.season() == 'N' ? 0 : m)
                + 1
                + 1;
    }

    /**
     * Runs the recursion over y from the initial states; leaves the final seasonal states in s and
     * {SSE, −2 log L (up to a constant), ℓ_n, b_n} in out. Returns false when a multiplicative model
     * meets a forecast that is not positive.
     */
    static boolean run(
            Spec spec,
            int m,
            double[] y,
            double a,
            double be,
            double g,
            double ph,
            double l,
            double b,
            double[] s,
            double[] out) {
        boolean damped = spec.trend() == 'D';
        boolean hasTrend = spec.trend() != 'N';
        char season = spec.season();
        boolean relative = spec.error() == 'M';
        double sse = 0;
        double logs = 0;
        for (int t = 0; t < y.length; t++) {
            double phiB = hasTrend ? (damped ? ph * b : b) : 0;
            double q = l + phiB;
            int p = t % m;
            double mu;
            double d;
            switch (season) {
                case 'A' -> {
                    double sv = s[p];
                    mu = q + sv;
                    d = y[t] - mu;
                    l = q + a * d;
                    b = phiB + be * d;
                    s[p] = sv + g * d;
                }
                case 'M' -> {
                    double sv = s[p];
                    mu = q * sv;
                    if (!(q > 0) || !(sv > 0)) {
                        return fail(out);
                    }
                    d = y[t] - mu;
                    l = q + a * d / sv;
                    b = phiB + be * d / sv;
                    s[p] = sv + g * d / q;
                }
                default -> {
                    mu = q;
                    d = y[t] - mu;
                    l = q + a * d;
                    b = phiB + be * d;
                }
            }
            if (relative) {
                if (!(mu > 0)) {
                    return fail(out);
                }
                double e = d / mu;
                sse += e * e;
                logs += Math.log(mu);
            } else {
                sse += d * d;
            }
        }
        out[0] = sse;
        out[1] = y.length * Math.log(sse) + 2 * logs;
        out[2] = l;
        out[3] = b;
        return Double.isFinite(out[1]);
    }

    private static boolean fail(double[] out) {
        out[0] = Double.POSITIVE_INFINITY;
        out[1] = Double.POSITIVE_INFINITY;
        return false;
    }

    /**
     * Fits one model.
     *
     * @throws IllegalArgumentException when the series is too short for it, or a multiplicative
     *     component meets a value that is not positive
     */
    public static Ets fit(double[] y, int m, Spec spec) {
        boolean seasonal = spec.season() != 'N';
        if (seasonal && (m < 2 || y.length < 2 * m)) {
            throw new IllegalArgumentException(
                    "a seasonal model needs two full seasons of " + m + " periods; the series has " + y.length);
        }
        if ((spec.error() == 'M' || spec.season() == 'M') && Arrays.stream(y).anyMatch(v -> !(v > 0))) {
            throw new IllegalArgumentException("a multiplicative model needs positive values");
        }
        int k = 2 + (spec.trend() == 'N' ? 0 : 2) + (spec.trend() == 'D' ? 1 : 0) + (seasonal ? m : 0);
        if (y.length <= k + 1) {
            throw new IllegalArgumentException(
                    spec.label() + " has " + k + " parameters and needs more than " + (k + 1) + " points");
        }
        int mm = seasonal ? m : 1;
        double scale = 0;
        for (double v : y) {
            scale += Math.abs(v);
        }
        scale = scale == 0 ? 1 : scale / y.length;
        double[] z = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            z[t] = y[t] / scale;
        }
        double[] s0 = EtsInitialStates.initialSeason(z, mm, spec.season());
        double[] lb = EtsInitialStates.initialLevelAndTrend(z, mm, spec.season(), s0);
        double[] states = new double[2 + mm];
        states[0] = lb[0];
        states[1] = spec.trend() == 'N' ? 0 : lb[1];
        System.arraycopy(s0, 0, states, 2, mm);
        double alpha0 = seasonal ? 0.1 : 0.3;
        List<Double> start = new ArrayList<>();
        start.add(logit((alpha0 - LOW) / (HIGH - LOW)));
        if (spec.trend() != 'N') {
            start.add(logit(0.1));
        }
        if (seasonal) {
            start.add(logit(0.01));
        }
        if (spec.trend() == 'D') {
            start.add(logit((0.95 - 0.8) / 0.18));
        }
        double[] x = start.stream().mapToDouble(Double::doubleValue).toArray();
        EtsInitialStates initial = new EtsInitialStates(spec, mm, z);
        // Few states: profile them out exactly at every step of the search. Many (a season): alternate
        // between the least-squares states and a search of the smoothing weights.
        boolean profile = !seasonal;
        int rounds = profile ? 1 : 3;
        double[] out = new double[4];
        double[] s = new double[mm];
        for (int round = 0; round < rounds; round++) {
            double[] fixed = profile ? null : initial.solve(params(spec, x), states);
            double[] heuristic = states;
            java.util.function.ToDoubleFunction<double[]> objective = v -> {
                double[] p = params(spec, v);
                double[] st = profile ? initial.solve(p, heuristic) : fixed;
                System.arraycopy(st, 2, s, 0, mm);
                run(spec, mm, z, p[0], p[1], p[2], p[3], st[0], st[1], s, out);
                return out[1];
            };
            double[] steps = new double[x.length];
            Arrays.fill(steps, 1.0);
            x = NelderMead.minimise(objective, x, steps, 4_000);
            if (!profile) {
                states = fixed;
            }
        }
        double[] p = params(spec, x);
        double[] best = states;
        double[] solved = initial.solve(p, states);
        if (likelihood(spec, mm, z, p, solved) < likelihood(spec, mm, z, p, best)) {
            best = solved;
        }
        double[] seasonScaled = Arrays.copyOfRange(best, 2, 2 + mm);
        if (spec.season() == 'A') {
            for (int i = 0; i < mm; i++) {
                seasonScaled[i] *= scale;
            }
        }
        Ets fitted = new Ets(spec, m, y, p, best[0] * scale, best[1] * scale, seasonScaled);
        if (!Double.isFinite(fitted.lik)) {
            throw new IllegalArgumentException(spec.label() + " could not be fitted: a forecast turned negative");
        }
        return fitted;
    }

    private static double likelihood(Spec spec, int m, double[] z, double[] p, double[] st) {
        double[] out = new double[4];
        double[] s = Arrays.copyOfRange(st, 2, 2 + m);
        run(spec, m, z, p[0], p[1], p[2], p[3], st[0], st[1], s, out);
        return Double.isFinite(out[1]) ? out[1] : Double.POSITIVE_INFINITY;
    }

    /** α, β, γ, φ from the unconstrained search vector [α, (β), (γ), (φ)]. */
    private static double[] params(Spec spec, double[] x) {
        double a = LOW + (HIGH - LOW) * logistic(x[0]);
        int i = 1;
        double b = 0;
        if (spec.trend() != 'N') {
            b = Math.max(LOW, a * logistic(x[i++]));
        }
        double g = 0;
        if (spec.season() != 'N') {
            g = Math.max(LOW, (1 - a) * logistic(x[i++]));
        }
        double ph = 1;
        if (spec.trend() == 'D') {
            ph = 0.8 + 0.18 * logistic(x[i]);
        }
        return new double[] {a, b, g, ph};
    }

    private static double logistic(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /**
     * Fits every admissible model and keeps the one with the lowest AICc.
     *
     * @throws IllegalArgumentException when no model can be fitted (fewer than four points)
     */
    public static Ets auto(double[] y, int m) {
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        boolean seasonOk = m > 1 && m <= 24 && y.length >= 2 * m;
        Ets best = null;
        for (char e : new char[] {'A', 'M'}) {
            if (e == 'M' && !positive) {
                continue;
            }
            for (char t : new char[] {'N', 'A', 'D'}) {
                for (char s : new char[] {'N', 'A', 'M'}) {
                    if (s != 'N' && !seasonOk || s == 'M' && (e == 'A' || !positive)) {
                        continue;
                    }
                    try {
                        Ets fit = fit(y, m, new Spec(e, t, s));
                        if (best == null || fit.aicc() < best.aicc()) {
                            best = fit;
                        }
                    } catch (IllegalArgumentException tooShortOrNegative) {
                        // this model does not apply to this series; the others are still tried
                    }
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(
                    "no exponential smoothing model fits a series of " + y.length + " points");
        }
        return best;
    }

    public Spec spec() {
        return spec;
    }

    /** Number of estimated parameters including the initial states and the error variance. */
    public int parameterCount() {
        return parameters;
    }

    /** −2 log L up to a constant shared by all models of the same series. */
    public double minus2LogLik() {
        return lik;
    }

    public double aic() {
        return lik + 2 * parameters;
    }

    public double aicc() {
        double k = parameters;
        return n - k - 1 > 0 ? aic() + 2 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    }

    /** The innovations variance σ² = Σε² / (n − k): of errors in the series' units, or relative ones. */
    public double sigma2() {
        return sse / Math.max(1, n - parameters);
    }

    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        if (spec.trend() != 'N') {
            p.put("beta", beta);
        }
        if (spec.season() != 'N') {
            p.put("gamma", gamma);
        }
        if (spec.trend() == 'D') {
            p.put("phi", phi);
        }
        p.put("l0", l0);
        if (spec.trend() != 'N') {
            p.put("b0", b0);
        }
        p.put("sigma2", sigma2());
        return p;
    }

    /** The point forecast: the states carried forward with no further errors. */
    public double[] mean(int h) {
        double[] f = new double[h];
        double damp = 0;
        double ph = 1;
        for (int k = 1; k <= h; k++) {
            ph = spec.trend() == 'D' ? ph * phi : 1;
            damp += spec.trend() == 'D' ? ph : 1;
            double q = level + (spec.trend() == 'N' ? 0 : damp * trend);
            double s = season[(n + k - 1) % m];
            f[k - 1] = switch (spec.season()) {
                case 'A' -> q + s;
                case 'M' -> q * s;
                default -> q;
            };
        }
        return f;
    }

    /** The forecast with intervals at the given levels. */
    public Forecast forecast(int h, int[] levels) {
        double[] mean = mean(h);
        if (spec.linear()) {
            double[] sd = new double[h];
            double sigma2 = sigma2();
            double var = 0;
            double phiSum = 0;
            double phiPower = 1;
            for (int k = 1; k <= h; k++) {
                sd[k - 1] = Math.sqrt(sigma2 * (1 + var));
                phiPower = spec.trend() == 'D' ? phiPower * phi : 1;
                phiSum += phiPower;
                double c = alpha
                        + (spec.trend() == 'N' ? 0 : beta * phiSum)
                        + (spec.season() != 'N' && k % m == 0 ? gamma : 0);
                var += c * c;
            }
            return new Forecast(spec.label(), parameters(), mean, Bands.normal(mean, sd, levels), "analytic");
        }
        return new Forecast(spec.label(), parameters(), mean, Bands.fromPaths(paths(h), h, levels), "simulated");
    }

    /** Sample paths: the model run forward with Gaussian errors of variance σ², seeded for repeatability. */
    double[][] paths(int h) {
        SplittableRandom random = new SplittableRandom(20_021_2008L + n);
        double sigma = Math.sqrt(sigma2());
        double[][] out = new double[PATHS][h];
        double[] s = new double[m];
        for (int p = 0; p < PATHS; p++) {
            System.arraycopy(season, 0, s, 0, m);
            double l = level;
            double b = trend;
            for (int k = 0; k < h; k++) {
                double phiB = spec.trend() == 'N' ? 0 : spec.trend() == 'D' ? phi * b : b;
                double q = l + phiB;
                int pos = (n + k) % m;
                double sv = s[pos];
                double mu = spec.season() == 'A' ? q + sv : spec.season() == 'M' ? q * sv : q;
                double e = gaussian(random) * sigma;
                double d = spec.error() == 'M' ? mu * e : e;
                out[p][k] = mu + d;
                double div = spec.season() == 'M' ? sv : 1;
                l = q + alpha * d / div;
                b = phiB + beta * d / div;
                if (spec.season() != 'N') {
                    s[pos] = sv + gamma * d / (spec.season() == 'M' ? q : 1);
                }
            }
        }
        return out;
    }

    /** A standard normal draw by the Box–Muller transform. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
