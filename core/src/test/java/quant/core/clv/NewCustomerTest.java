package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import quant.core.analysis.PurchaseDays;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/**
 * A customer acquired on the as-of day is valued, not left out: x = t_x = T = 0, alive for sure, and
 * expected to buy what a customer just acquired buys (the models' unconditional expectation).
 */
class NewCustomerTest {
    @Test
    void aCustomerWhoFirstBoughtOnTheCutDayHasASummaryOfZeros() {
        Snapshots s = new Snapshots();
        int old = s.customer("Old", "residential", "google", "Riverton", LocalDate.of(2025, 1, 1));
        int fresh = s.customer("New", "residential", "google", "Riverton", LocalDate.of(2025, 12, 31));
        s.job(old, LocalDate.of(2025, 1, 1)).job(old, LocalDate.of(2025, 6, 1)).job(fresh, LocalDate.of(2025, 12, 31));
        int cut = (int) LocalDate.of(2025, 12, 31).toEpochDay();
        PurchaseDays pd = PurchaseDays.of(s.build(), cut, JobMonitor.NONE);
        RepeatSummaries rs = RepeatSummaries.at(pd, null, cut);
        assertThat(rs.size()).isEqualTo(2);
        int row = rs.customer()[0] == fresh ? 0 : 1;
        assertThat(rs.summaries().x(row)).isZero();
        assertThat(rs.summaries().tx(row)).isZero();
        assertThat(rs.summaries().t(row)).isZero();
    }

    @Test
    void atTZeroTheModelsGiveCertainLifeAndTheNewCustomersExpectation() {
        BgNbd bg = new BgNbd(0.243, 4.414, 0.793, 2.426); // CDNOW's published fit
        assertThat(bg.pAlive(0, 0, 0)).isEqualTo(1);
        assertThat(bg.conditionalExpectedPurchases(52, 0, 0, 0)).isCloseTo(bg.expectedPurchases(52), within(1e-12));
        ParetoNbd pareto = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
        assertThat(pareto.pAlive(0, 0, 0)).isCloseTo(1, within(1e-12));
        assertThat(pareto.conditionalExpectedPurchases(52, 0, 0, 0))
                .isCloseTo(pareto.expectedPurchases(52), within(1e-9));
    }
}
