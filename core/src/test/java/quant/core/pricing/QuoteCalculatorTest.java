package quant.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.settings.PricingRules;

/**
 * A quote worked by hand, as of 2025-12-31, with the settings' defaults.
 *
 * <pre>
 * HVAC jobs of the 12 months (normal priority, first visits):
 *   j1 2025-06-10: 2 h estimated and actual, 30 min travel, revenue 300, labour 60, materials 20
 *   j2 2025-12-31: 4 h, 90 min travel, revenue 500, labour 120, no materials, used machine M
 * labour an hour = (60 + 120) ÷ (2 + 4) = 30; travel = (30 + 90) ÷ 2 = 60 min = 30.00
 * going rate = ((300 − 20 × 1.35) + 500) ÷ 6 = 128.8333
 * M: cost 7,000 over 7 years = 1,000 a year, a service of 200 in the window, 4 h of use:
 *   (1,000 + 200) ÷ 4 = 300 an hour; one job in two used it
 * overhead: 600 of June, carried by June's only job (j1): the line's 600 ÷ its 6 labour hours = 100 an hour
 *
 * quote: 3 h, normal, materials 100, wanted 2027-06-01 (outside the forecast: an ordinary week)
 *   labour 3 × 30 = 90, travel 30, equipment 3 × 0.5 × 300 = 450, overhead 3 × 100 = 300
 *   priced (90 + 30 + 450 + 300) ÷ (1 − 0.25) = 1,160, so margin 290
 *   materials 100 × 1.05 = 105, markup 105 × 0.35 = 36.75
 *   price 1,160 + 141.75 = 1,301.75; usual 128.8333 × 3 + 141.75 = 528.25
 * </pre>
 */
class QuoteCalculatorTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Snapshot company() {
        Snapshots s = new Snapshots();
        int c = s.customer("Ada", "residential", "referral", "Springfield", d("2024-01-01"));
        s.technician("Ana", "HVAC", "08:00", "16:00", "MTWTF..", d("2020-01-01"), null)
                .hourlyCost(30);
        s.technicianJob(c, "HVAC", 0, null, d("2025-06-10"), d("2025-06-10"), 300, 60, 20, 2, 2, 30, 0);
        int j2 = s.technicianJob(c, "HVAC", 0, null, d("2025-12-31"), d("2025-12-31"), 500, 120, 0, 4, 4, 90, 0);
        int m = s.asset("jetter", "HVAC", null, d("2023-01-01"), 7_000, null);
        s.assetEvent(m, "maintenance", d("2025-09-01"), 1, 200);
        s.usedAsset(j2, m);
        s.expense(d("2025-06-01"), 600, true, "rent");
        return s.build();
    }

    private static QuoteResult quote(String line, double hours) {
        return QuoteCalculator.quote(
                company(),
                new QuoteSpec(
                        line, hours, "normal", Optional.empty(), 100, Optional.of(d("2027-06-01")), Optional.empty()),
                PricingRules.DEFAULTS,
                "hours",
                List.of(),
                JobMonitor.NONE);
    }

    @Test
    void eachPartIsAsWorkedByHand() {
        QuoteResult q = quote("HVAC", 3);
        assertThat(q.parts())
                .extracting(QuoteResult.Part::key)
                .containsExactly("labour", "travel", "equipment", "overhead", "margin", "materials", "markup");
        double[] amounts =
                q.parts().stream().mapToDouble(QuoteResult.Part::amount).toArray();
        assertThat(amounts[0]).isCloseTo(90, within(1e-9));
        assertThat(amounts[1]).isCloseTo(30, within(1e-9));
        assertThat(amounts[2]).isCloseTo(450, within(1e-9));
        assertThat(amounts[3]).isCloseTo(300, within(1e-9));
        assertThat(amounts[4]).isCloseTo(290, within(1e-9));
        assertThat(amounts[5]).isCloseTo(105, within(1e-9));
        assertThat(amounts[6]).isCloseTo(36.75, within(1e-9));
        assertThat(q.beforeAdjustments()).isCloseTo(1301.75, within(1e-9));
        assertThat(q.adjustments()).extracting(QuoteResult.Adjustment::factor).containsExactly(1.0, 1.0, 1.0);
        assertThat(q.price()).isCloseTo(1301.75, within(1e-9));
        assertThat(q.cost()).isCloseTo(90 + 30 + 450 + 300 + 105, within(1e-9));
        assertThat(q.goingRate()).isCloseTo(773.0 / 6, within(1e-9));
        assertThat(q.usualPrice()).isCloseTo(773.0 / 6 * 3 + 141.75, within(1e-9));
        assertThat(q.ratio()).isCloseTo(1301.75 / (773.0 / 6 * 3 + 141.75), within(1e-12));
        // no deals: no curve to read a chance of winning from, and it says so
        assertThat(q.winChance()).isNaN();
        assertThat(q.notes()).anyMatch(n -> n.startsWith("There is no quote history"));
    }

    @Test
    void anUnknownLineOrBadHoursAreRefused() {
        assertThatThrownBy(() -> quote("POOL", 3))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("No service line has the code POOL (the lines are HVAC, PLUMB).");
        assertThatThrownBy(() -> quote("HVAC", 0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("The hours must be more than 0");
    }
}
