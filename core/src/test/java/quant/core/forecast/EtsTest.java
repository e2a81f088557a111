package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Exponential smoothing in state-space form on series whose answers are known. */
class EtsTest {
    @Test
    void annIsSimpleExponentialSmoothing() {
        double[] y = {12, 15, 11, 14, 18, 16, 13, 17, 19, 15, 16, 20, 18, 17};
        Ets ets = Ets.fit(y, 1, Ets.Spec.parse("ANN"));
        Ses ses = Ses.fit(y);
        assertThat(ets.parameters().get("alpha")).isCloseTo(ses.alpha(), within(1e-3));
        assertThat(ets.mean(1)[0]).isCloseTo(ses.level(), within(1e-3));
        // −2 log L = n log SSE (up to a constant)
        assertThat(ets.minus2LogLik()).isCloseTo(y.length * Math.log(ses.sse()), within(1e-4));
    }

    @Test
    void aNoiselessTrendAndSeasonAreRecoveredAndExtended() {
        double[] pattern = {-5, 3, 8, -6};
        double[] y = new double[32];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t + pattern[t % 4];
        }
        Ets fit = Ets.fit(y, 4, Ets.Spec.parse("AAA"));
        double[] f = fit.mean(4);
        for (int k = 0; k < 4; k++) {
            int t = y.length + k;
            assertThat(f[k]).isCloseTo(100 + 2 * t + pattern[t % 4], within(1e-3));
        }
        // the initial states are solved exactly, so the one-step errors vanish
        assertThat(fit.sigma2()).isLessThan(1e-8);
    }

    @Test
    void linearIntervalsFollowTheVarianceFormula() {
        double[] y = {12, 15, 11, 14, 18, 16, 13, 17, 19, 15, 16, 20, 18, 17, 21, 19};
        Ets fit = Ets.fit(y, 1, Ets.Spec.parse("AAN"));
        double alpha = fit.parameters().get("alpha");
        double beta = fit.parameters().get("beta");
        Forecast f = fit.forecast(3, new int[] {95});
        // v3 = σ²(1 + (α + β)² + (α + 2β)²)
        double v3 = fit.sigma2() * (1 + Math.pow(alpha + beta, 2) + Math.pow(alpha + 2 * beta, 2));
        assertThat(f.band(95).upper()[2] - f.mean()[2]).isCloseTo(1.959964 * Math.sqrt(v3), within(1e-4));
        assertThat(f.intervalSource()).isEqualTo("analytic");
    }

    @Test
    void multiplicativeModelsSimulateTheirIntervalsRepeatably() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = (50 + t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + (t * 7919 % 11) - 5;
        }
        Ets fit = Ets.fit(y, 12, Ets.Spec.parse("MAM"));
        Forecast a = fit.forecast(12, new int[] {80, 95});
        Forecast b = fit.forecast(12, new int[] {80, 95});
        assertThat(a.intervalSource()).isEqualTo("simulated");
        assertThat(a.band(95).upper()).containsExactly(b.band(95).upper());
        for (int k = 0; k < 12; k++) {
            assertThat(a.band(95).lower()[k]).isLessThan(a.band(80).lower()[k]);
            assertThat(a.band(80).lower()[k]).isLessThan(a.mean()[k]);
            assertThat(a.band(95).upper()[k]).isGreaterThan(a.band(80).upper()[k]);
        }
    }

    @Test
    void automaticSelectionPrefersASeasonWhenThereIsOne() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 200 + 40 * Math.sin(2 * Math.PI * t / 12) + ((t * 31) % 7 - 3);
        }
        Ets auto = Ets.auto(y, 12);
        assertThat(auto.spec().season()).isNotEqualTo('N');
        Ets flat = Ets.auto(y, 1);
        assertThat(flat.spec().season()).isEqualTo('N');
    }

    @Test
    void unusableModelsSayWhy() {
        assertThatThrownBy(() -> Ets.fit(new double[] {1, 2, 3, 4, 5, 6}, 4, Ets.Spec.parse("AAA")))
                .hasMessageContaining("two full seasons");
        assertThatThrownBy(() -> Ets.fit(new double[] {1, 0, 3, 4, 5, 6, 2, 3}, 1, Ets.Spec.parse("MNN")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Ets.Spec.parse("XYZ")).hasMessageContaining("ETS");
    }
}
