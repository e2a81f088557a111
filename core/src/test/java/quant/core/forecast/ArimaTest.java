package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ARIMA against R: {@code forecast::auto.arima(AirPassengers)} finds ARIMA(2,1,1)(0,1,0)[12] with
 * ar1 0.5960, ar2 0.2143, ma1 −0.9819, σ² 132.3, log likelihood −504.92, AICc 1018.17; on the
 * logarithms it finds the airline model ARIMA(0,1,1)(0,1,1)[12] with ma1 −0.4018, sma1 −0.5569
 * (Box &amp; Jenkins' series G).
 */
class ArimaTest {
    static double[] airPassengers() throws Exception {
        Path file = Path.of("..", "..", "shared", "benchdata", "airpassengers", "AirPassengers.csv");
        assumeTrue(
                Files.exists(file), "../shared/benchdata/airpassengers is absent: the AirPassengers test is skipped");
        return Files.readAllLines(file).stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
                .toArray();
    }

    @Test
    void autoArimaFindsRsModelOnTheRawSeries() throws Exception {
        Arima fit = AutoArima.fit(airPassengers(), 12);
        assertThat(fit.order().label()).isEqualTo("ARIMA(2,1,1)(0,1,0)[12]");
        assertThat(fit.parameters().get("ar1")).isCloseTo(0.5960, within(5e-4));
        assertThat(fit.parameters().get("ar2")).isCloseTo(0.2143, within(5e-4));
        assertThat(fit.parameters().get("ma1")).isCloseTo(-0.9819, within(5e-4));
        assertThat(fit.sigma2()).isCloseTo(132.3, within(0.1));
        assertThat(-fit.minus2LogLik() / 2).isCloseTo(-504.92, within(0.01));
        assertThat(fit.aicc()).isCloseTo(1018.17, within(0.01));
    }

    @Test
    void autoArimaFindsTheAirlineModelOnTheLogarithms() throws Exception {
        double[] log = Arrays.stream(airPassengers()).map(Math::log).toArray();
        Arima fit = AutoArima.fit(log, 12);
        assertThat(fit.order().label()).isEqualTo("ARIMA(0,1,1)(0,1,1)[12]");
        assertThat(fit.parameters().get("ma1")).isCloseTo(-0.4018, within(5e-4));
        assertThat(fit.parameters().get("sma1")).isCloseTo(-0.5569, within(5e-4));
        // the forecast continues the seasonal pattern: next July above next January
        double[] f = fit.forecast(12, new int[] {95}).mean();
        assertThat(f[6]).isGreaterThan(f[0]);
    }

    @Test
    void aRandomWalkForecastsItsLastValueWithGrowingIntervals() {
        double[] y = new double[60];
        long seed = 17;
        for (int t = 1; t < y.length; t++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            y[t] = y[t - 1] + ((seed >>> 33) % 1000) / 100.0 - 5;
        }
        Arima fit = Arima.fit(y, new Arima.Order(0, 1, 0, 0, 0, 0, 1, false), false);
        Forecast f = fit.forecast(4, new int[] {95});
        assertThat(f.mean()).containsOnly(y[59]);
        // ψ-weights of a random walk are all 1: sd at step 4 is 2σ
        double sd4 = (f.band(95).upper()[3] - f.mean()[3]) / 1.959964;
        assertThat(sd4).isCloseTo(2 * Math.sqrt(fit.sigma2()), within(1e-4));
    }

    @Test
    void maRootsInsideTheUnitCircleAreInverted() {
        double[] v = {-2.0};
        Arima.invertMa(v, 0, 1);
        assertThat(v[0]).isCloseTo(-0.5, within(1e-12));
        // 1 + 2.5z + z² = (1 + 2z)(1 + 0.5z): the root −½ becomes −2, giving (1 + 0.5z)² = 1 + z + 0.25z²
        double[] w = {2.5, 1.0};
        Arima.invertMa(w, 0, 2);
        assertThat(w[0]).isCloseTo(1.0, within(1e-9));
        assertThat(w[1]).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void kpssSeparatesAStationarySeriesFromATrend() {
        double[] noise = new double[100];
        double[] trend = new double[100];
        for (int t = 0; t < 100; t++) {
            noise[t] = Math.sin(t * 2.7) * 3;
            trend[t] = t + noise[t];
        }
        assertThat(AutoArima.kpss(noise)).isLessThan(AutoArima.KPSS_CRITICAL_5);
        assertThat(AutoArima.kpss(trend)).isGreaterThan(AutoArima.KPSS_CRITICAL_5);
        assertThat(AutoArima.differences(trend, 2)).isEqualTo(1);
    }
}
