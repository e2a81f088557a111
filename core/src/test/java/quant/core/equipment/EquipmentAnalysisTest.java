package quant.core.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.settings.EquipmentRules;

/**
 * A fleet of three worked by hand. The records begin on 2025-01-01 (the first job) and end on 2025-06-30.
 *
 * <pre>
 * V  van, technician Ana, bought 2024-01-01, cost 40,000
 *    repair 2024-10-01 (before the records: its run began then), service 2025-03-15 (200, 2 h down),
 *    failure 2025-05-01 (10 h down), repair 2025-05-03 (800)
 *    runs: 2024-10-01 → failure 2025-05-01 = 212 days, entering at 2024-12-31 − 2024-10-01 = 91;
 *          2025-05-03 → 2025-06-30 = 58 days, censored
 * R  van, technician Ana, bought 2024-01-01, retired 2025-04-01: one run of 2025-03-31 − 2024-01-01 =
 *    455 days, entering at 365, censored
 * M  jetter (HVAC), bought 2024-06-01, used by j0 (5 h on 2025-01-01) and j1 (3 h on 2025-03-01):
 *    8 h in the 181 days of records, so 8/181 h a day before them; service 2025-02-01 (40), failure
 *    2025-03-01 (5 h down), repair 2025-03-05 (150)
 *    runs: purchase → failure = 213 · 8/181 (= 9.414, its entry) + 8 = 17.414 hours of use;
 *          2025-03-05 → 2025-06-30 with no use since: not past its entry, left out
 * jobs (Ana): j0 2025-01-01 revenue 1,000, labour 300, materials 100, 5 h + 60 min travel (M);
 *             j1 2025-03-01 revenue 500, labour 100, materials 50, 3 h + 30 min (M);
 *             j2 2025-06-30 revenue 200, labour 50, 2 h
 * </pre>
 */
class EquipmentAnalysisTest {
    private static final EquipmentRules RULES = EquipmentRules.DEFAULTS;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Snapshot fleet() {
        Snapshots s = new Snapshots();
        int c = s.customer("Ada", "residential", "referral", "Springfield", d("2024-01-01"));
        s.technician("Ana", "HVAC", "08:00", "16:00", "MTWTF..", d("2020-01-01"), null);
        int j0 = s.technicianJob(c, "HVAC", 0, null, d("2025-01-01"), d("2025-01-01"), 1000, 300, 100, 4, 5, 60, 0);
        int j1 = s.technicianJob(c, "HVAC", 0, null, d("2025-03-01"), d("2025-03-01"), 500, 100, 50, 3, 3, 30, 0);
        s.technicianJob(c, "HVAC", 0, null, d("2025-06-30"), d("2025-06-30"), 200, 50, 0, 2, 2, 0, 0);
        int v = s.asset("van", null, 0, d("2024-01-01"), 40_000, null);
        int r = s.asset("van", null, 0, d("2024-01-01"), 38_000, d("2025-04-01"));
        int m = s.asset("jetter", "HVAC", null, d("2024-06-01"), 9_000, null);
        s.assetEvent(v, "repair", d("2024-10-01"), 0, 500)
                .assetEvent(v, "maintenance", d("2025-03-15"), 2, 200)
                .assetEvent(v, "failure", d("2025-05-01"), 10, 0)
                .assetEvent(v, "repair", d("2025-05-03"), 0, 800);
        s.assetEvent(m, "maintenance", d("2025-02-01"), 0, 40)
                .assetEvent(m, "failure", d("2025-03-01"), 5, 0)
                .assetEvent(m, "repair", d("2025-03-05"), 0, 150);
        s.usedAsset(j0, m).usedAsset(j1, m);
        assertThat(r).isEqualTo(1);
        return s.build();
    }

    private static EquipmentResult run() {
        return EquipmentAnalysis.run(
                fleet(),
                new EquipmentSpec(java.util.Optional.empty(), java.util.Optional.empty(), RULES),
                JobMonitor.NONE);
    }

    private static EquipmentResult.Asset asset(EquipmentResult r, String ref) {
        return r.assets().stream().filter(a -> a.ref().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void runsAgeInTheirClockAndEnterAtTheirAgeWhenTheRecordsBegin() {
        EquipmentResult r = run();
        assertThat(r.historyStart()).isEqualTo(d("2025-01-01"));
        assertThat(r.asOfDate()).isEqualTo(d("2025-06-30"));
        EquipmentResult.Group vans = r.groups().stream()
                .filter(g -> g.name().equals("van"))
                .findFirst()
                .orElseThrow();
        assertThat(vans.clock()).isEqualTo("days");
        assertThat(vans.runs()).isEqualTo(3);
        assertThat(vans.failures()).isEqualTo(1);
        // at 212 days only V's first run is at risk: R entered at 365, V's second run ended at 58
        assertThat(vans.steps()).singleElement().satisfies(step -> {
            assertThat(step.time()).isEqualTo(212);
            assertThat(step.atRisk()).isEqualTo(1);
        });
        EquipmentResult.Group jetters = r.groups().stream()
                .filter(g -> g.name().equals("jetter"))
                .findFirst()
                .orElseThrow();
        assertThat(jetters.clock()).isEqualTo("hours");
        assertThat(jetters.runs()).isEqualTo(1);
        assertThat(jetters.steps().getFirst().time()).isCloseTo(213 * 8.0 / 181 + 8, within(1e-9));
        assertThat(jetters.entryFrom()).isCloseTo(213 * 8.0 / 181, within(1e-9));
        // one failure each: no Weibull, said so, and the risks rest on the curves
        assertThat(vans.shape()).isNaN();
        assertThat(vans.fitNote()).contains("at least two failures; these data have 1");
        assertThat(r.notes())
                .anyMatch(n -> n.startsWith("1 run of jetter ended before its age grew past where it entered"));
        assertThat(r.notes().getFirst()).contains("3 of the 3 assets were bought before");
    }

    @Test
    void eachAssetsFiguresAreAsWorkedByHand() {
        EquipmentResult r = run();
        EquipmentResult.Asset v = asset(r, "E1");
        assertThat(v.state()).isEqualTo("running");
        assertThat(v.failures()).isEqualTo(1);
        assertThat(v.services()).isEqualTo(1);
        assertThat(v.downtimeHours()).isEqualTo(12);
        assertThat(v.maintenanceCost()).isEqualTo(200);
        // the repair before the records is not counted
        assertThat(v.repairCost()).isEqualTo(800);
        // due 2025-04-01, met on 03-15; next due 06-13, passed by 06-27 without one: 1 of 2
        assertThat(v.servicesDue()).isEqualTo(2);
        assertThat(v.servicesOnTime()).isEqualTo(1);
        assertThat(v.compliance()).isEqualTo(0.5);
        // Ana's three jobs: revenue 1,700, margin 600 + 350 + 150, hours 6 + 3.5 + 2
        assertThat(v.revenue()).isEqualTo(1700);
        assertThat(v.margin()).isEqualTo(1100);
        assertThat(v.usageHours()).isEqualTo(11.5);
        assertThat(v.revenuePerHour()).isCloseTo(1700 / 11.5, within(1e-9));
        // (1,100 − 200 − 800) ÷ (181 / 365.25) years ÷ 40,000
        assertThat(v.annualReturn()).isCloseTo(100 / (181 / 365.25) / 40_000, within(1e-12));
        // a failure: 800 repair + 10 h down × 147.83 revenue an hour
        assertThat(v.expectedFailureCost()).isCloseTo(800 + 10 * 1700 / 11.5, within(1e-9));
        assertThat(v.serviceCost()).isEqualTo(200);
        // 58 days since the repair; nobody failed before 212 days on the curve: no risk in 30 or 90
        assertThat(v.currentAge()).isEqualTo(58);
        assertThat(v.risk30()).isZero();
        assertThat(v.risk90()).isZero();
        assertThat(v.riskBasis()).isEqualTo("kaplan-meier");
        assertThat(v.suggestedService()).isNull();
        assertThat(v.serviceNote()).isEqualTo("Its group has no Weibull fit to time a service by.");

        EquipmentResult.Asset retired = asset(r, "E2");
        assertThat(retired.state()).isEqualTo("retired");
        assertThat(retired.risk90()).isNaN();
        // it served Ana's jobs up to 2025-03-31
        assertThat(retired.revenue()).isEqualTo(1500);

        EquipmentResult.Asset m = asset(r, "E3");
        assertThat(m.clock()).isEqualTo("hours");
        assertThat(m.usageHours()).isEqualTo(8);
        assertThat(m.revenue()).isEqualTo(1500);
        assertThat(m.margin()).isEqualTo(950);
        assertThat(m.repairCost()).isEqualTo(150);
        assertThat(m.downtimeHours()).isEqualTo(5);
        // no use since the repair: age 0, and none in the last 90 days
        assertThat(m.currentAge()).isZero();
        assertThat(m.compliance()).isEqualTo(0.5);
    }

    @Test
    void oneAssetComesWithItsHistory() {
        EquipmentResult r = EquipmentAnalysis.run(fleet(), EquipmentSpec.DEFAULT.withAsset("e1"), JobMonitor.NONE);
        assertThat(r.assets()).extracting(EquipmentResult.Asset::ref).containsExactly("E1");
        assertThat(r.events())
                .extracting(EquipmentResult.Event::type)
                .containsExactly("repair", "maintenance", "failure", "repair");
        assertThatThrownBy(() -> EquipmentAnalysis.run(fleet(), EquipmentSpec.DEFAULT.withAsset("E9"), JobMonitor.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("No asset has the reference E9.");
        assertThatThrownBy(() -> EquipmentAnalysis.run(new Snapshots().build(), EquipmentSpec.DEFAULT, JobMonitor.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("The database holds no equipment");
    }

    /**
     * Every 90 days with 14 days' grace from 2025-01-01: a service on 03-15 meets 04-01; the next is due
     * 06-13; a service on 07-20 comes after 06-27, so 06-13 was missed and it meets 09-11; 10-18 is due
     * next and passes by 11-01: 4 due, 2 on time by the end of the year.
     */
    @Test
    void complianceCountsDueDatesMetAndMissed() {
        int from = (int) d("2025-01-01").toEpochDay();
        List<Integer> services = List.of(
                (int) d("2025-03-15").toEpochDay(), (int) d("2025-07-20").toEpochDay());
        int[] c = EquipmentAnalysis.compliance(
                services, from, (int) d("2025-12-31").toEpochDay(), RULES);
        assertThat(c).containsExactly(4, 2);
    }

    /** An asset under repair when the records begin starts its first run at the repair after it. */
    @Test
    void aFailureBeforeTheRecordsLeavesTheAssetUnderRepairUntilItsRepair() {
        Snapshots s = new Snapshots();
        int a = s.asset("van", null, null, d("2020-01-01"), 1, null);
        s.assetEvent(a, "failure", d("2024-12-30"), 0, 0).assetEvent(a, "repair", d("2025-01-03"), 0, 0);
        Snapshot snap = s.build();
        List<Integer> events = List.of(0, 1);
        List<Run> runs = Run.of(
                snap.equipmentEvents(),
                events,
                (int) d("2020-01-01").toEpochDay(),
                (int) d("2025-01-01").toEpochDay(),
                (int) d("2025-06-30").toEpochDay());
        assertThat(runs)
                .containsExactly(new Run(
                        (int) d("2025-01-03").toEpochDay(),
                        (int) d("2025-06-30").toEpochDay(),
                        false));
    }

    /** A machine's age: 8/181 h a day before the records, then its jobs' hours after the renewal day. */
    @Test
    void theHoursClockCountsUseAfterTheRenewalDay() {
        int start = (int) d("2025-01-01").toEpochDay();
        int end = (int) d("2025-06-30").toEpochDay();
        AssetClock clock = AssetClock.hours(start, end, new int[] {start + 59, start}, new double[] {3, 5});
        assertThat(clock.rateBefore()).isCloseTo(8.0 / 181, within(1e-12));
        assertThat(clock.age(start - 10, start - 1)).isCloseTo(9 * 8.0 / 181, within(1e-12));
        assertThat(clock.age(start - 10, start)).isCloseTo(9 * 8.0 / 181 + 5, within(1e-12));
        assertThat(clock.age(start, start + 59)).isEqualTo(3);
        assertThat(clock.perDay(start + 59)).isCloseTo(8.0 / 90, within(1e-12));
        assertThat(AssetClock.calendar(start).age(start - 10, start)).isEqualTo(10);
    }
}
