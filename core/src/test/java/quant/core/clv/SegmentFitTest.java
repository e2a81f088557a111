package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/**
 * Two segments that buy and leave at different rates: one fit for all customers gets the total right
 * and each segment wrong; the segment fits get each segment right, and they value the customers.
 */
class SegmentFitTest {
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    /**
     * Customers acquired through 2022–2023; while alive each buys at a Poisson rate of their own (the
     * segment's mean times a Gamma(2, 2) draw), and each leaves after an exponential lifetime: "frequent"
     * buy every 4 weeks on average and stay (a 1 % chance a month of leaving), "rare" buy every 12 weeks
     * and leave faster (4 % a month).
     */
    static Snapshots company(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Snapshots s = new Snapshots();
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int k = 0; k < 1200; k++) {
            boolean frequent = k % 2 == 0;
            double own = (-Math.log(1 - random.nextDouble()) - Math.log(1 - random.nextDouble())) / 2;
            double rate = (frequent ? 1 / 4.0 : 1 / 12.0) * own; // purchases a week
            double leave = (frequent ? 0.01 : 0.04) / 4.35; // per week
            LocalDate first = start.plusDays(random.nextInt(730));
            int c = s.customer("C" + k, frequent ? "frequent" : "rare", "referral", "Riverton", first);
            double lifetime = -Math.log(1 - random.nextDouble()) / leave;
            double t = 0;
            LocalDate day = first;
            while (!day.isAfter(END) && t <= lifetime) {
                s.job(c, day);
                t += -Math.log(1 - random.nextDouble()) / rate;
                day = first.plusDays(Math.round(t * 7));
            }
        }
        return s;
    }

    @Test
    void theSegmentFitsPredictEachSegmentsHoldoutAndValueItsCustomers() {
        ClvResult r = ClvAnalysis.run(company(7).build(), ClvSpec.DEFAULT.withAsOf(Optional.of(END)), JobMonitor.NONE);
        SegmentFit f = r.segmentFit();
        assertThat(f).isNotNull();
        assertThat(f.rows()).extracting(SegmentFit.Row::segment).containsExactly("frequent", "rare");
        assertThat(f.bySegment()).as(f.note()).isTrue();
        assertThat(f.segmentError()).isLessThan(f.pooledError());
        for (SegmentFit.Row row : f.rows()) {
            assertThat(row.ownFit()).as(row.segment()).isNotNull();
            assertThat(row.ownFit() / row.actual() - 1).as(row.segment()).isCloseTo(0, within(0.15));
        }
        // the customers who stay are the likelier to be alive
        double frequent = r.bySegment().stream()
                .filter(v -> v.segment().equals("frequent"))
                .findFirst()
                .orElseThrow()
                .meanPAlive();
        double rare = r.bySegment().stream()
                .filter(v -> v.segment().equals("rare"))
                .findFirst()
                .orElseThrow()
                .meanPAlive();
        assertThat(frequent).isGreaterThan(rare);
        assertThat(r.recommendation()).startsWith("Fitted per customer segment");
    }

    @Test
    void oneSegmentAloneIsOneFit() {
        Snapshots s = company(11);
        ClvResult r = ClvAnalysis.run(
                s.build(),
                ClvSpec.DEFAULT
                        .withAsOf(Optional.of(END))
                        .withFilter(new quant.core.analysis.CustomerFilter(
                                java.util.Set.of(),
                                java.util.Set.of("frequent"),
                                java.util.Set.of(),
                                java.util.Set.of())),
                JobMonitor.NONE);
        assertThat(r.segmentFit().bySegment()).isFalse();
        assertThat(r.segmentFit().rows()).singleElement().satisfies(row -> assertThat(row.ownFit())
                .isNull());
    }
}
