package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The data checks on series built with known gaps, zeros and spikes. */
class DataChecksTest {
    /** Poisson counts of a business growing from 10 to 80 jobs a month with a summer-and-winter season. */
    private static double[] growingSeasonalCounts(long seed) {
        Random random = new Random(seed);
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            double level = 10 + 70 * (1 - Math.exp(-t / 20.0));
            double season = 1 + 0.4 * Math.cos(2 * Math.PI * (t % 12 - 6) / 6.0);
            y[t] = poisson(random, level * season);
        }
        return y;
    }

    private static double poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    @Test
    void aGrowingSeasonalBusinessWithoutSpikesIsRarelyFlagged() {
        // a moving average extended flat to the ends flagged the ramp-up months; local lines do not
        int flagged = 0;
        int points = 0;
        for (long seed = 1; seed <= 100; seed++) {
            double[] y = growingSeasonalCounts(seed);
            flagged += DataChecks.outliers(y, 12).size();
            points += y.length;
        }
        assertThat((double) flagged / points)
                .as("false flags %d of %d", flagged, points)
                .isLessThan(0.01);
    }

    @Test
    void spikesInTheSameMonthOfDifferentYearsAreFound() {
        // a storm tripling May's demand in two years out of four, and a dead month
        int found = 0;
        int injected = 0;
        int others = 0;
        int points = 0;
        for (long seed = 1; seed <= 100; seed++) {
            double[] y = growingSeasonalCounts(seed);
            y[16] *= 3;
            y[40] *= 3;
            y[30] = 0;
            List<Integer> flagged = DataChecks.outliers(y, 12);
            for (int t : new int[] {16, 30, 40}) {
                found += flagged.contains(t) ? 1 : 0;
                injected++;
            }
            others += (int)
                    flagged.stream().filter(t -> t != 16 && t != 30 && t != 40).count();
            points += y.length - 3;
        }
        assertThat((double) found / injected)
                .as("found %d of %d, others %d", found, injected, others)
                .isGreaterThan(0.9);
        assertThat((double) others / points).isLessThan(0.01);
    }

    @Test
    void positiveAmountsAreCheckedOnLogarithmsAndTheFindingListsThePeriods() {
        double[] y = new double[36];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000
                    * Math.pow(1.03, t)
                    * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12))
                    * (1 + 0.02 * ((t * 7) % 5 - 2));
        }
        y[20] *= 2.5;
        TimeSeries series = new TimeSeries(TimeSeries.Frequency.MONTH, LocalDate.of(2023, 1, 1), y);
        DataChecks.Checked checked = DataChecks.run(series, 12);
        DataChecks.Finding outliers = checked.findings().stream()
                .filter(f -> f.check().equals("outliers"))
                .findFirst()
                .orElseThrow();
        assertThat(outliers.periods()).containsExactly("2024-09");
        assertThat(outliers.policy()).isEqualTo("replaced");
        // the fit sees the month as its trend and season would have had it, not the spike
        assertThat(checked.values()[20]).isCloseTo(y[20] / 2.5, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(checked.values()[19]).isEqualTo(y[19]);
    }

    @Test
    void gapsAreFilledBetweenTheirNeighboursAndListed() {
        double[] y = {10, Double.NaN, Double.NaN, 16, 18, Double.NaN};
        TimeSeries series = new TimeSeries(TimeSeries.Frequency.MONTH, LocalDate.of(2025, 1, 1), y);
        DataChecks.Checked checked = DataChecks.run(series, 12);
        assertThat(checked.values()).containsExactly(10, 12, 14, 16, 18, 18);
        assertThat(checked.findings().getFirst().periods()).containsExactly("2025-02", "2025-03", "2025-06");
        assertThat(checked.findings().getFirst().policy()).isEqualTo("filled");
    }
}
