package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model that forecasts is the model the backtest scored: the final fit on the whole series keeps
 * the structure the recommended method had at the last origin (seasonal adjustment, ETS model, ARIMA
 * orders) and only estimates its parameters again.
 */
class WinnerStructureTest {
    static final int[] LEVELS = {80, 95};

    @Test
    void aSeasonalArimaChosenInTheBacktestStaysSeasonalOnTheWholeSeries() {
        // 36 months of a seasonal pattern, then a year where the season fades: fitted from scratch on all
        // 48 months the seasonal test could decide otherwise than it did on the first 36
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            double season = t < 36 ? 30 * Math.cos(2 * Math.PI * t / 12) : 6 * Math.cos(2 * Math.PI * t / 12);
            y[t] = 100 + t + season + ((t * 13) % 7 - 3);
        }
        Backtest b = Backtest.run(y, 12, 12, LEVELS, List.of(Method.ARIMA, Method.ETS, Method.THETA), 1);
        for (Method method : List.of(Method.ARIMA, Method.ETS, Method.THETA)) {
            Forecast f = b.forecast(method, y, 12, 12, LEVELS);
            assertThat(f.model()).as(method.key()).isEqualTo(b.score(method).model());
        }
    }

    /** Every Weekly series of the M4: the final model has the backtest winner's structure. */
    @Test
    void everyM4WeeklySeriesIsForecastByTheModelTheBacktestScored() throws Exception {
        List<String> differ = new ArrayList<>();
        List<M4Files.Series> weekly = M4BenchmarksTest.weekly();
        for (M4Files.Series s : weekly) {
            double[] y = s.train();
            Backtest b = Backtest.run(y, 1, 13, LEVELS, Backtest.candidates(y, 1), Backtest.DEFAULT_ORIGINS);
            Forecast f = b.forecast(y, 1, 13, LEVELS);
            String scored = b.score(b.recommended()).model();
            if (!f.model().equals(scored)) {
                differ.add(s.id() + ": scored " + scored + ", forecast " + f.model());
            }
        }
        assertThat(differ).as("of %d series", weekly.size()).isEmpty();
    }
}
