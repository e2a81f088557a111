package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The M4 organisers' benchmark scores on the Weekly series (Makridakis et al. 2020, table of
 * benchmarks; M4-methods "Benchmarks and Evaluation.R"): weekly data have period 1 in their code, so
 * nothing is seasonally adjusted and MASE scales by the one-step naive error.
 */
class M4BenchmarksTest {
    static final Path M4 = Path.of("..", "..", "shared", "benchdata", "m4");

    static List<M4Files.Series> weekly() throws Exception {
        return read("Weekly");
    }

    static List<M4Files.Series> read(String frequency) throws Exception {
        assumeTrue(
                Files.exists(M4.resolve(frequency + "-train.csv")),
                "../shared/benchdata/m4 is absent: the M4 reference test is skipped (see ../shared/benchdata/SOURCES.md)");
        return M4Files.read(M4.resolve(frequency + "-train.csv"), M4.resolve(frequency + "-test.csv"));
    }

    /** Mean sMAPE and MASE over the series. */
    static double[] score(List<M4Files.Series> series, int m, Function<M4Files.Series, double[]> method) {
        double smape = 0;
        double mase = 0;
        for (M4Files.Series s : series) {
            double[] f = method.apply(s);
            smape += Accuracy.smape(s.test(), f);
            mase += Accuracy.mase(s.train(), m, s.test(), f);
        }
        return new double[] {smape / series.size(), mase / series.size()};
    }

    @Test
    void naive2SesAndThetaReproduceThePublishedWeeklyScores() throws Exception {
        List<M4Files.Series> weekly = weekly();
        assertThat(weekly).hasSize(359);
        double[] naive2 = score(weekly, 1, s -> Benchmarks.naive2(s.train(), 1, 13));
        assertThat(naive2[0]).isCloseTo(9.161, within(0.05));
        assertThat(naive2[1]).isCloseTo(2.777, within(0.05));
        double[] ses = score(weekly, 1, s -> Benchmarks.ses(s.train(), 1, 13));
        assertThat(ses[0]).as("SES sMAPE").isCloseTo(9.012, within(0.05));
        assertThat(ses[1]).as("SES MASE").isCloseTo(2.685, within(0.05));
        double[] theta = score(weekly, 1, s -> Benchmarks.theta(s.train(), 1, 13));
        assertThat(theta[0]).as("Theta sMAPE").isCloseTo(9.093, within(0.05));
        assertThat(theta[1]).as("Theta MASE").isCloseTo(2.637, within(0.05));
    }

    /**
     * The product target: the default forecaster ({@code auto}, the backtest's choice per series) beats
     * both Theta and Comb on OWA on Weekly (period 1, 13 weeks) and Hourly (period 24, 48 hours), with
     * 95 % intervals covering within 5 points of 95 %.
     */
    @Test
    void autoBeatsThetaAndCombWithHonestIntervals() throws Exception {
        for (String frequency : List.of("Weekly", "Hourly")) {
            boolean hourly = frequency.equals("Hourly");
            List<M4Evaluation.Row> rows = M4Evaluation.evaluate(
                    read(frequency),
                    hourly ? 24 : 1,
                    hourly ? 48 : 13,
                    List.of(Method.THETA, Method.COMB, Method.AUTO));
            M4Evaluation.Row theta = rows.get(1);
            M4Evaluation.Row comb = rows.get(2);
            M4Evaluation.Row auto = rows.get(3);
            assertThat(auto.method()).isEqualTo(Method.AUTO);
            assertThat(auto.owa()).as(frequency + " auto vs Theta").isLessThan(theta.owa());
            assertThat(auto.owa()).as(frequency + " auto vs Comb").isLessThan(comb.owa());
            assertThat(auto.coverage95()).as(frequency + " coverage").isBetween(90.0, 100.0);
            assertThat(auto.fallbacks()).isZero();
        }
    }
}
