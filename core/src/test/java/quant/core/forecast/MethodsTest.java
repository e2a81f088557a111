package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The simple methods, intermittent demand, regression, combinations and the backtest by hand. */
class MethodsTest {
    static final int[] LEVELS = {80, 95};

    @Test
    void randomWalkFamilyByHand() {
        double[] y = {10, 12, 11, 15};
        // changes 2, −1, 4 → σ² = 21/3 = 7; sd at step 4 = √7·2
        Forecast naive = Forecasters.forecast(Method.NAIVE, y, 1, 4, LEVELS);
        assertThat(naive.mean()).containsExactly(15, 15, 15, 15);
        assertThat(naive.band(95).upper()[3] - 15).isCloseTo(1.959964 * Math.sqrt(7) * 2, within(1e-5));
        // drift c = 5/3; changes less c: 1/3, −8/3, 7/3 → Σ² = 114/9, σ² = 114/9 / 2
        Forecast drift = Forecasters.forecast(Method.DRIFT, y, 1, 2, LEVELS);
        assertThat(drift.mean()[1]).isCloseTo(15 + 10 / 3.0, within(1e-12));
        double sigma = Math.sqrt(114 / 9.0 / 2);
        assertThat(drift.band(80).upper()[1] - drift.mean()[1])
                .isCloseTo(1.281552 * sigma * Math.sqrt(2 * (1 + 2 / 3.0)), within(1e-5));
        // seasonal naive with m = 2 on 1, 5, 2, 6: seasonal changes 1, 1 → σ = 1; step 3 is in the second season
        Forecast snaive = Forecasters.forecast(Method.SNAIVE, new double[] {1, 5, 2, 6}, 2, 3, LEVELS);
        assertThat(snaive.mean()).containsExactly(2, 6, 2);
        assertThat(snaive.band(95).upper()[2] - 2).isCloseTo(1.959964 * Math.sqrt(2), within(1e-5));
    }

    @Test
    void crostonAndTsbOnIntermittentDemand() {
        double[] y = {0, 0, 4, 0, 0, 0, 4, 0, 0, 4, 0, 0, 0, 4, 0, 0, 4, 0, 0, 0};
        assertThat(Intermittent.isIntermittent(y)).isTrue();
        // every demand is 4 and the gaps are 3 or 4: the rate is near 4 / 3.5
        Forecast croston = Forecasters.forecast(Method.CROSTON, y, 1, 3, LEVELS);
        assertThat(croston.mean()[0]).isBetween(4 / 4.0, 4 / 3.0);
        assertThat(croston.band(95).lower()[0]).isGreaterThanOrEqualTo(0);
        Forecast tsb = Forecasters.forecast(Method.TSB, y, 1, 3, LEVELS);
        assertThat(tsb.mean()[0]).isBetween(0.5, 1.5);
        // Croston's recursion by hand, α = 0.5: first demand at t = 2 → z = 4, p = 3; at t = 6 interval 4 → p = 3.5
        double[] path = Intermittent.crostonPath(y, 0.5);
        assertThat(path[0]).isCloseTo(4 / 3.0, within(1e-12));
        assertThat(path[7]).isCloseTo(4 / 3.5, within(1e-12));
        assertThatThrownBy(() -> Forecasters.forecast(Method.CROSTON, new double[] {0, 0, 0}, 1, 2, LEVELS))
                .hasMessageContaining("at least one period with demand");
    }

    @Test
    void regressionRecoversTrendAndSeason() {
        double[] y = new double[24];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 3 * (t + 1) + (t % 4 == 1 ? 10 : 0) + (t % 2 == 0 ? 0.5 : -0.5);
        }
        Forecast f = Forecasters.forecast(Method.REGRESSION, y, 4, 4, LEVELS);
        assertThat(f.parameters().get("trend")).isCloseTo(3, within(1e-9));
        assertThat(f.parameters().get("season2")).isCloseTo(9, within(1e-9));
        assertThat(f.mean()[0]).isCloseTo(50 + 3 * 25 + 0.5, within(1e-9));
    }

    @Test
    void combIsTheAverageOfItsMembers() {
        double[] y = {30, 32, 31, 35, 36, 38, 37, 41, 40, 43, 45, 44};
        Forecast comb = Forecasters.forecast(Method.COMB, y, 1, 3, LEVELS);
        double[] ses = Forecasters.forecast(Method.SES, y, 1, 3, LEVELS).mean();
        double[] holt = Forecasters.forecast(Method.HOLT, y, 1, 3, LEVELS).mean();
        double[] damped = Forecasters.forecast(Method.DAMPED, y, 1, 3, LEVELS).mean();
        for (int k = 0; k < 3; k++) {
            assertThat(comb.mean()[k]).isCloseTo((ses[k] + holt[k] + damped[k]) / 3, within(1e-9));
        }
    }

    @Test
    void backtestScoresByHandAndRecommends() {
        // a straight line: drift is exact, naive lags by h·slope at each step
        double[] y = new double[30];
        for (int t = 0; t < y.length; t++) {
            y[t] = 5 + 2 * t;
        }
        Backtest b = Backtest.run(y, 1, 4, LEVELS, List.of(Method.NAIVE, Method.DRIFT), 3);
        assertThat(b.origins()).isEqualTo(3);
        Backtest.Score naive = b.score(Method.NAIVE);
        // errors 2, 4, 6, 8 at every origin → MAE 5, RMSE √30; in-sample naive MAE 2 → MASE 2.5
        assertThat(naive.mae()).isCloseTo(5, within(1e-12));
        assertThat(naive.rmse()).isCloseTo(Math.sqrt(30), within(1e-12));
        assertThat(naive.mase()).isCloseTo(2.5, within(1e-12));
        assertThat(b.score(Method.DRIFT).mae()).isCloseTo(0, within(1e-9));
        assertThat(b.recommended()).isEqualTo(Method.DRIFT);
        assertThat(b.reason()).startsWith("Drift had the lowest scaled error over 3 rolling origins of 4 periods");
        assertThatThrownBy(() -> Backtest.run(new double[] {1, 2, 3, 4, 5}, 1, 4, LEVELS, List.of(Method.NAIVE), 3))
                .hasMessageContaining("needs at least 12 points");
    }

    @Test
    void anExplodingForecastIsRefused() {
        // drift through a flat history that jumps at its end, carried 2,000 periods ahead
        double[] y = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1000};
        assertThatThrownBy(() -> Forecasters.forecast(Method.DRIFT, y, 1, 2000, LEVELS))
                .isInstanceOf(ExplodedForecastException.class)
                .hasMessageContaining("more than 100 times the largest value in the history");
    }
}
