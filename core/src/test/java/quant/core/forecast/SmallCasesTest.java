package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed cases for the accuracy measures, the seasonality test, the decomposition and SES. */
class SmallCasesTest {
    @Test
    void smapeAndMaseByHand() {
        // |100−90|·200/190 = 10.526…, |50−50| = 0 → mean 5.263…
        assertThat(Accuracy.smape(new double[] {100, 50}, new double[] {90, 50}))
                .isCloseTo(5.26316, within(1e-5));
        // in-sample naive errors |2−1|, |4−2| → scale 1.5; errors 3 and 0 → mean 1.5 → MASE 1
        assertThat(Accuracy.mase(new double[] {1, 2, 4}, 1, new double[] {7, 4}, new double[] {4, 4}))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aStrongSeasonalPatternIsFoundAndItsIndexesRecovered() {
        double[] pattern = {0.8, 1.0, 1.2, 1.0};
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * pattern[t % 4];
        }
        assertThat(Seasonality.isSeasonal(y, 4)).isTrue();
        double[] index = Seasonality.multiplicativeIndexes(y, 4);
        for (int p = 0; p < 4; p++) {
            assertThat(index[p]).isCloseTo(pattern[p], within(1e-12));
        }
        assertThat(Seasonality.isSeasonal(y, 1)).isFalse();
        double[] flat = new double[40];
        java.util.Arrays.fill(flat, 5);
        assertThat(Seasonality.isSeasonal(flat, 4)).isFalse();
        // Naive2 on the seasonal series continues the pattern from the last adjusted level
        assertThat(Benchmarks.naive2(y, 4, 4)).containsExactly(new double[] {80, 100, 120, 100}, within(1e-9));
        assertThat(Benchmarks.seasonalNaive(y, 4, 5)).containsExactly(80, 100, 120, 100, 80);
    }

    @Test
    void sesByHand() {
        // α = 0.5 on 10, 12, 11: e = (10−ℓ0, 7−ℓ0/2, 2.5−ℓ0/4); dSSE/dℓ0 = −28.25 + 2.625ℓ0 = 0 → ℓ0 = 10.7619…,
        // SSE = 0.7619² + 1.6190² + 0.1905² = 3.2381, last level 8.5 + ℓ0/4 + e3/2 = 11.0952
        Ses s = Ses.at(new double[] {10, 12, 11}, 0.5);
        assertThat(s.initialLevel()).isCloseTo(28.25 / 2.625, within(1e-12));
        assertThat(s.sse()).isCloseTo(3.238095, within(1e-6));
        assertThat(s.level()).isCloseTo(11.095238, within(1e-6));
        // a constant series is fitted exactly
        Ses constant = Ses.fit(new double[] {7, 7, 7, 7, 7});
        assertThat(constant.sse()).isCloseTo(0, within(1e-18));
        assertThat(constant.forecast(3)).containsExactly(new double[] {7, 7, 7}, within(1e-9));
        // a random walk wants α near 1: the forecast is close to the last value
        Ses walk = Ses.fit(new double[] {1, 5, 2, 8, 3, 9, 4, 12});
        assertThat(walk.alpha()).isBetween(0.0, 1.0);
    }

    @Test
    void thetaKeepsHalfTheTrend() {
        // on a straight line the theta-2 line is the line itself, SES follows it with a lag, and the
        // forecast lies between the last level and the extrapolated line: on a constant it is the constant
        double[] flat = {4, 4, 4, 4, 4, 4};
        assertThat(Benchmarks.theta(flat, 1, 3)).containsExactly(new double[] {4, 4, 4}, within(1e-9));
        double[] line = new double[20];
        for (int t = 0; t < line.length; t++) {
            line[t] = 10 + 2 * t;
        }
        double[] f = Benchmarks.theta(line, 1, 2);
        // the line continues at 50, 52; theta's forecast rises with half the slope from at most the last value
        assertThat(f[1] - f[0]).isCloseTo(1.0, within(1e-9));
        assertThat(f[0]).isBetween(48.0, 50.0);
    }
}
