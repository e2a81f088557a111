package quant.core.operations;

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

/**
 * Every technician figure against a small company worked by hand: two HVAC technicians and one
 * plumber over the six months to 2025-06-30 (129 weekdays, so 8-hour shifts give 1,032 hours).
 */
class TechnicianAnalysisTest {
    private static final double NAN = Double.NaN;

    private static Snapshot company() {
        Snapshots s = new Snapshots();
        int c = s.customer("Acme", "commercial", "referral", "Springfield", LocalDate.of(2024, 1, 1));
        LocalDate hired = LocalDate.of(2020, 1, 1);
        s.technician("Ann", "HVAC", "08:00", "16:00", "MTWTF..", hired, null).hourlyCost(30);
        s.technician("Ben", "HVAC", "08:00", "16:00", "MTWTF..", hired, null).hourlyCost(40);
        s.technician("Cy", "PLUMB", "08:00", "12:00", "MTWTF..", hired, null).hourlyCost(20);
        // Ann: a job called back, a clean one, and the callback visit itself
        int first = s.technicianJob(c, "HVAC", 0, null, day(2, 3), day(2, 3), 500, 100, 50, 2, 3, 30, 5);
        s.technicianJob(c, "HVAC", 0, null, day(3, 3), day(3, 3), 300, 80, 0, 2, 2, 60, 4);
        s.technicianJob(c, "HVAC", 0, null, day(2, 10), day(2, 10), 0, 40, 0, 1, 1, 30, 0);
        s.callbackOf(first);
        // Ben: one job done, one scheduled and cancelled
        s.technicianJob(c, "HVAC", 1, null, day(4, 1), day(4, 1), 400, 100, 0, 4, 3, 15, 3);
        s.technicianJob(c, "HVAC", 1, "cancelled", day(5, 1), null, 0, 0, 0, NAN, NAN, -1, 0);
        // Cy, alone in plumbing
        s.technicianJob(c, "PLUMB", 2, null, day(5, 5), day(5, 5), 200, 50, 0, 1, 1.5, 0, 5);
        // before the window: not counted
        s.technicianJob(
                c, "HVAC", 0, null, LocalDate.of(2024, 12, 16), LocalDate.of(2024, 12, 16), 999, 1, 0, 1, 9, 0, 1);
        return s.build();
    }

    private static LocalDate day(int month, int d) {
        return LocalDate.of(2025, month, d);
    }

    private static TechnicianResult run(TechnicianSpec spec) {
        return TechnicianAnalysis.run(company(), spec, JobMonitor.NONE);
    }

    private static TechnicianSpec sixMonths() {
        return TechnicianSpec.DEFAULT.withAsOf(Optional.of(day(6, 30))).withMonths(6);
    }

    private static TechnicianResult.Technician row(TechnicianResult r, String name) {
        return r.technicians().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachFigureIsAsWorkedByHand() {
        TechnicianResult r = run(sixMonths());
        assertThat(r.from()).isEqualTo(day(1, 1));
        TechnicianResult.Technician ann = row(r, "Ann");
        assertThat(ann.trade()).isEqualTo("HVAC");
        assertThat(ann.jobs()).isEqualTo(3);
        // all three scheduled in the window were completed
        assertThat(ann.scheduled()).isEqualTo(3);
        assertThat(ann.completion()).isEqualTo(1.0);
        // (3 + 2 + 1) actual ÷ (2 + 2 + 1) estimated
        assertThat(ann.hoursRatio()).isEqualTo(1.2);
        assertThat(ann.hoursWorked()).isEqualTo(6);
        // 30 + 60 + 30 minutes of travel
        assertThat(ann.travelHours()).isEqualTo(2);
        assertThat(ann.shiftHours()).isEqualTo(1032);
        // (6 + 2) ÷ 1032
        assertThat(ann.utilisation()).isEqualTo(0.0078);
        // two first visits, one called back
        assertThat(ann.firstVisits()).isEqualTo(2);
        assertThat(ann.callbacks()).isEqualTo(1);
        assertThat(ann.firstTimeFix()).isEqualTo(0.5);
        // (5 + 4) ÷ 2; the callback visit was not rated
        assertThat(ann.rating()).isEqualTo(4.5);
        assertThat(ann.revenue()).isEqualTo(800);
        // 100 + 50 + 80 + 40
        assertThat(ann.directCost()).isEqualTo(270);
        // 2 h × 30
        assertThat(ann.travelCost()).isEqualTo(60);
        assertThat(ann.margin()).isEqualTo(470);
        assertThat(ann.revenuePerHour()).isEqualTo(133.33);
        assertThat(ann.marginPerHour()).isEqualTo(78.33);

        TechnicianResult.Technician ben = row(r, "Ben");
        // of two jobs scheduled, one was cancelled
        assertThat(ben.scheduled()).isEqualTo(2);
        assertThat(ben.completion()).isEqualTo(0.5);
        assertThat(ben.hoursRatio()).isEqualTo(0.75);
        assertThat(ben.firstTimeFix()).isEqualTo(1.0);
        // 400 − 100 − 0.25 h × 40
        assertThat(ben.margin()).isEqualTo(290);
        assertThat(ben.utilisation()).isEqualTo(0.0031);
    }

    @Test
    void scoresCompareTechniciansWithinTheirTrade() {
        TechnicianResult r = run(sixMonths());
        TechnicianResult.Technician ann = row(r, "Ann");
        TechnicianResult.Technician ben = row(r, "Ben");
        // two in a trade: z = ±1 for each part, 100·Φ(1) = 84.13, 100·Φ(−1) = 15.87.
        // Ben is faster (0.75 < 1.2) and fixes first time (1 > 0.5); Ann is rated higher (4.5 > 3).
        assertThat(ben.timeScore()).isEqualTo(84.1);
        assertThat(ann.timeScore()).isEqualTo(15.9);
        assertThat(ben.qualityScore()).isEqualTo(84.1);
        assertThat(ann.ratingScore()).isEqualTo(84.1);
        // Ann: 0.3·15.87 + 0.4·15.87 + 0.3·84.13 = 36.35; Ben: 0.7·84.13 + 0.3·15.87 = 63.65
        assertThat(ann.score()).isEqualTo(36.3);
        assertThat(ben.score()).isEqualTo(63.7);
        assertThat(ann.timePoints(r.weights()) + ann.qualityPoints(r.weights()) + ann.ratingPoints(r.weights()))
                .isCloseTo(ann.score(), within(0.1));
        assertThat(ben.rank()).isEqualTo(1);
        assertThat(ann.rank()).isEqualTo(2);
        assertThat(ben.peers()).isEqualTo(2);
        // alone in plumbing: nothing to compare with, 50 on each part
        TechnicianResult.Technician cy = row(r, "Cy");
        assertThat(cy.trade()).isEqualTo("PLUMB");
        assertThat(cy.score()).isEqualTo(50);
        assertThat(cy.rank()).isEqualTo(1);
        // other weights move the score: all on rating puts Ann first
        TechnicianResult byRating = run(new TechnicianSpec(Optional.of(day(6, 30)), 6, null, 0, 0, 1, 0.35));
        assertThat(row(byRating, "Ann").rank()).isEqualTo(1);
        assertThat(row(byRating, "Ann").score()).isEqualTo(84.1);
    }

    @Test
    void theTeamTradesMonthsAndKeyPeopleAddUp() {
        TechnicianResult r = run(sixMonths());
        assertThat(r.team().jobs()).isEqualTo(5);
        assertThat(r.team().revenue()).isEqualTo(1400);
        // three first visits of four clean: 1 − 1/4
        assertThat(r.team().firstTimeFix()).isEqualTo(0.75);
        // Ann's February: the job called back and the callback visit
        TechnicianResult.Month feb = r.trend().stream()
                .filter(m -> m.name().equals("Ann") && m.month().equals("2025-02"))
                .findFirst()
                .orElseThrow();
        assertThat(feb.jobs()).isEqualTo(2);
        assertThat(feb.firstTimeFix()).isEqualTo(0.0);
        assertThat(r.trend()).hasSize(3 * 6);
        // HVAC: Ann has 800 of 1,200 revenue and 6 of 9 hours; plumbing is all Cy's
        TechnicianResult.KeyPerson hvac = r.keyPeople().stream()
                .filter(k -> k.line().equals("HVAC"))
                .findFirst()
                .orElseThrow();
        assertThat(hvac.revenueName()).isEqualTo("Ann");
        assertThat(hvac.revenueShare()).isEqualTo(0.6667);
        assertThat(hvac.hoursShare()).isEqualTo(0.6667);
        assertThat(hvac.technicians()).isEqualTo(2);
        assertThat(hvac.flagged()).isTrue();
        assertThat(r.keyPeople().getFirst().line()).isEqualTo("PLUMB");
        assertThat(r.keyPeople().getFirst().revenueShare()).isEqualTo(1.0);

        TechnicianResult trades = run(sixMonths().withBy(TechnicianSpec.By.TRADE));
        assertThat(trades.technicians())
                .extracting(TechnicianResult.Technician::ref)
                .containsExactly("HVAC", "PLUMB");
        TechnicianResult.Technician hvacRow = trades.technicians().getFirst();
        assertThat(hvacRow.jobs()).isEqualTo(4);
        assertThat(hvacRow.revenue()).isEqualTo(1200);
        // (6 + 3) actual ÷ (5 + 4) estimated
        assertThat(hvacRow.hoursRatio()).isEqualTo(1.0);
        assertThat(hvacRow.score()).isNaN();
    }

    @Test
    void weightsThatDoNotAddUpToOneAreRefused() {
        assertThatThrownBy(() -> new TechnicianSpec(Optional.empty(), 12, null, 0.5, 0.5, 0.5, 0.35))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> quant.core.settings.BusinessSettings.DEFAULTS.with(
                        quant.core.settings.Setting.TECH_WEIGHT_TIME, "0.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The technician score weights must add up to 1, not 0.5 + 0.4 + 0.3 = 1.2.");
    }

    @Test
    void standardPointsAreTheNormalCdfOfTheStandardScore() {
        double[] two = TechnicianAnalysis.standardPoints(new double[] {1, 3});
        assertThat(two[0]).isCloseTo(15.865525393145708, within(1e-9));
        assertThat(two[1]).isCloseTo(84.1344746068543, within(1e-9));
        assertThat(TechnicianAnalysis.standardPoints(new double[] {2, 2})).containsExactly(50, 50);
        assertThat(TechnicianAnalysis.standardPoints(new double[] {7})).containsExactly(50);
    }
}
