package quant.core.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.settings.CustomerSettings;

/** CAC, LTV, payback and a campaign on three customers worked out by hand. */
class MarketingAnalysisTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2025, month, dayOfMonth);
    }

    /**
     * A (google, January): margins 200 in January and 100 in March. B (google, February, from the
     * spring campaign): 40 in February. C (referral, January): 300 in January. Google spend 400 + 200
     * (the February 200 booked to the campaign), referral 50.
     */
    static Snapshot threeCustomers() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "google_ads", "X", day(1, 10));
        int b = s.customer("B", "residential", "google_ads", "X", day(2, 5));
        int c = s.customer("C", "residential", "referral", "X", day(1, 20));
        s.job(a, "HVAC", day(1, 10), 300, 100, 0, false);
        s.job(a, "HVAC", day(3, 15), 200, 100, 0, false);
        s.job(b, "HVAC", day(2, 5), 100, 60, 0, false);
        s.job(c, "HVAC", day(1, 20), 500, 200, 0, false);
        s.spend(day(1, 1), "google_ads", 400)
                .spend(day(2, 1), "google_ads", 200)
                .spend(day(1, 1), "referral", 50);
        var com = s.commercial();
        int spring = com.campaign("Spring", "google_ads", day(2, 1), day(2, 28), 250);
        com.spendOnCampaign(1, spring);
        com.lead("google_ads", -1, day(1, 5), day(1, 10), a);
        com.lead("google_ads", -1, day(1, 6), null, -1);
        com.lead("google_ads", -1, day(2, 6), null, -1);
        int bLead = com.lead("google_ads", spring, day(2, 1), day(2, 5), b);
        com.lead("referral", -1, day(1, 18), day(1, 20), c);
        int deal = s.deal(900, "won", "won", day(2, 2), null, day(2, 20));
        com.dealFromLead(deal, bLead);
        return s.build();
    }

    private static MarketingResult historic(int minCohort) {
        return MarketingAnalysis.run(
                threeCustomers(),
                new MarketingSpec(Optional.of(AS_OF), MarketingSpec.Ltv.HISTORIC, CustomerSettings.DEFAULTS),
                JobMonitor.NONE,
                minCohort);
    }

    @Test
    void cacLtvAndPaybackFollowTheDefinitions() {
        MarketingResult r = historic(1);
        assertThat(r.channels()).extracting(MarketingResult.Channel::channel).containsExactly("google_ads", "referral");
        MarketingResult.Channel google = r.channels().get(0);
        assertThat(google.spend()).isEqualTo(600);
        assertThat(google.newCustomers()).isEqualTo(2);
        assertThat(google.cac()).isEqualTo(300);
        assertThat(google.ltv()).isEqualTo(170); // (300 + 40) / 2
        assertThat(google.ltvToCac()).isEqualTo(0.57);
        // age 0: (200 + 40) / 2 = 120; age 1: nothing, both seen; age 2: A's 100, only A seen → 220
        assertThat(google.cumulativeMargin()).containsExactly(120.0, 120.0, 220.0);
        assertThat(google.paybackMonths()).as("220 < 300").isNull();
        assertThat(google.recoveredShare()).isEqualTo(0.73);
        assertThat(google.leads()).isEqualTo(4);
        assertThat(google.leadConversion()).isEqualTo(0.5);
        MarketingResult.Channel referral = r.channels().get(1);
        assertThat(referral.cac()).isEqualTo(50);
        assertThat(referral.paybackMonths()).isEqualTo(1);
        assertThat(referral.ltvToCac()).isEqualTo(6);
        assertThat(r.total().cac()).isCloseTo(650 / 3.0, within(0.005));
        assertThat(r.total().newCustomers()).isEqualTo(3);
    }

    @Test
    void cacByMonthDividesEachMonthsSpendByItsAcquisitions() {
        var months = historic(1).cacByMonth();
        assertThat(months)
                .extracting(
                        m -> m.month() + " " + m.channel() + " " + m.spend() + "/" + m.newCustomers() + "=" + m.cac())
                .containsExactly(
                        "2025-01 google_ads 400.0/1=400.0",
                        "2025-01 referral 50.0/1=50.0",
                        "2025-02 google_ads 200.0/1=200.0");
    }

    @Test
    void aCampaignCountsItsSpendLeadsDealsAndTheCustomersItsLeadsBecame() {
        MarketingResult.Campaign spring = historic(1).campaigns().getFirst();
        assertThat(spring.name()).isEqualTo("Spring");
        assertThat(spring.budget()).isEqualTo(250);
        assertThat(spring.spend()).isEqualTo(200);
        assertThat(spring.leads()).isEqualTo(1);
        assertThat(spring.deals()).isEqualTo(1);
        assertThat(spring.customers()).isEqualTo(1);
        assertThat(spring.revenue()).isEqualTo(100);
        assertThat(spring.margin()).isEqualTo(40);
        assertThat(spring.roi()).isEqualTo(-0.8); // (40 − 200) / 200
    }

    @Test
    void paybackNeedsEnoughCustomersAtEachAge() {
        MarketingResult r = historic(MarketingAnalysis.MIN_COHORT);
        assertThat(r.channels().getFirst().cumulativeMargin()).isEmpty();
        assertThat(r.channels().getFirst().paybackMonths()).isNull();
        assertThat(r.channels().getFirst().recoveredShare()).isNaN();
    }

    @Test
    void withoutAFittableModelTheLifetimeValueIsTheMarginToDateAndSaysSo() {
        MarketingResult r = MarketingAnalysis.run(
                threeCustomers(), new MarketingSpec(Optional.of(AS_OF), MarketingSpec.Ltv.CLV, null), JobMonitor.NONE);
        assertThat(r.ltvMethod()).isEqualTo("historic");
        assertThat(r.ltvNote()).startsWith("LTV is the margin to date").contains("lifetime value model");
        assertThat(r.channels().getFirst().ltv()).isEqualTo(170);
    }

    @Test
    void withoutSpendThereIsNoCacToMeasure() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "google_ads", "X", day(1, 10));
        s.job(a, day(1, 10));
        assertThatThrownBy(() -> MarketingAnalysis.run(s.build(), MarketingSpec.defaults(), JobMonitor.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("no marketing spend");
    }
}
