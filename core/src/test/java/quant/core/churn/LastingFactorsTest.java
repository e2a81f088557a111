package quant.core.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/**
 * A callback that raises the risk for good, long before the year the recent factors look at: only the
 * lasting factor can see it, and the time split keeps it because it raises the AUC.
 */
class LastingFactorsTest {
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    /**
     * 2,000 customers from 2021 buying every six weeks on average. In 2021 a quarter of them get a
     * callback; from then on their chance of leaving is 6 % a month instead of 1 %. No callback after
     * 2021, so at the cuts (2023-12-31, 2024-12-31) nobody has one in the year before.
     */
    static Snapshots company() {
        SplittableRandom random = new SplittableRandom(3);
        Snapshots s = new Snapshots();
        for (int k = 0; k < 2000; k++) {
            LocalDate first = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(120));
            int c = s.customer("C" + k, "residential", "referral", "Riverton", first);
            boolean willHaveOne = random.nextDouble() < 0.25;
            boolean hadOne = false;
            LocalDate day = first;
            boolean left = false;
            LocalDate month = first.withDayOfMonth(1);
            while (!day.isAfter(END) && !left) {
                s.job(c, day);
                if (willHaveOne && !hadOne && day.getYear() == 2021 && day.isAfter(first)) {
                    s.job(c, "HVAC", day.plusDays(3), 0, 50, 0, true);
                    hadOne = true;
                }
                LocalDate next = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) * 42));
                while (month.isBefore(next) && !left) {
                    left = random.nextDouble() < (hadOne ? 0.06 : 0.01);
                    month = month.plusMonths(1);
                }
                day = next;
            }
        }
        return s;
    }

    @Test
    void aCallbackLongAgoIsKeptAsALastingFactor() {
        ChurnRiskResult r = ChurnRiskAnalysis.run(
                company().build(), ChurnRiskSpec.DEFAULT.withAsOf(Optional.of(END)), JobMonitor.NONE);
        assertThat(r.candidates())
                .filteredOn(c -> c.factor().equals("everCallback"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kept()).isTrue();
                    assertThat(c.aucWith()).isGreaterThan(c.aucBefore() + ChurnRiskAnalysis.MIN_AUC_GAIN);
                });
        assertThat(r.factors())
                .filteredOn(f -> f.name().equals("everCallback"))
                .singleElement()
                .satisfies(f -> assertThat(f.weight()).isPositive());
        // one segment only: nothing to try for it
        assertThat(r.candidates()).noneMatch(c -> c.factor().equals("segment"));
    }
}
