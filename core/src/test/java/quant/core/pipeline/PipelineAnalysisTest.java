package quant.core.pipeline;

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

/** The pipeline figures on six deals worked out by hand. */
class PipelineAnalysisTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2025, month, dayOfMonth);
    }

    static Snapshot sixDeals() {
        Snapshots s = new Snapshots();
        int won30 = s.deal(1000, "won", "won", day(1, 1), null, day(1, 31), "Ann", "web", "Install");
        s.move(won30, "new", day(1, 1)).move(won30, "quote_sent", day(1, 10)).move(won30, "won", day(1, 31));
        int won50 = s.deal(3000, "won", "won", day(1, 10), null, day(3, 1), "Bo", "referral", "Install");
        s.move(won50, "new", day(1, 10)).move(won50, "quote_sent", day(1, 20)).move(won50, "won", day(3, 1));
        int lost10 = s.deal(500, "lost", "lost", day(2, 1), null, day(2, 11), "Ann", "web", "Repair");
        s.move(lost10, "new", day(2, 1)).move(lost10, "lost", day(2, 11));
        int quoted = s.deal(2000, "quote_sent", "open", day(3, 1), day(4, 15), null, "Bo", "web", "Repair");
        s.move(quoted, "new", day(3, 1)).move(quoted, "quote_sent", day(3, 5));
        int fresh = s.deal(4000, "new", "open", day(3, 20), day(5, 10), null, null, "referral", null);
        s.move(fresh, "new", day(3, 20));
        // created after the as-of date: not in the pipeline yet
        int later = s.deal(9000, "new", "open", day(4, 10), day(6, 1), null, "Ann", "web", "Install");
        s.move(later, "new", day(4, 10));
        return s.build();
    }

    private static PipelineResult run(PipelineSpec.By by) {
        return PipelineAnalysis.run(sixDeals(), new PipelineSpec(Optional.of(AS_OF), by), JobMonitor.NONE);
    }

    @Test
    void totalsFollowTheDefinitions() {
        PipelineResult.Summary t = run(PipelineSpec.By.NONE).totals();
        assertThat(t.dealCount()).isEqualTo(5);
        assertThat(t.won()).isEqualTo(2);
        assertThat(t.lost()).isEqualTo(1);
        assertThat(t.open()).isEqualTo(2);
        assertThat(t.winRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(t.wonValue()).isEqualTo(4000);
        assertThat(t.averageWonValue()).isEqualTo(2000);
        assertThat(t.avgDaysToCloseWon()).isEqualTo(40); // (30 + 50) / 2
        assertThat(t.avgDaysToCloseLost()).isEqualTo(10);
        assertThat(t.avgDaysToCloseAll()).isEqualTo(30); // (30 + 50 + 10) / 3
        assertThat(t.openValue()).isEqualTo(6000);
        // three closed deals: too few for stage rates, so every stage takes the overall 2/3
        assertThat(t.weightedOpenValue()).isEqualTo(4000);
        // 2 open × 2/3 × 2,000 ÷ 40 days
        assertThat(t.salesVelocityPerDay()).isEqualTo(66.67);
        assertThat(t.stageCounts())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("new", 1),
                        org.assertj.core.api.Assertions.entry("quote_sent", 1),
                        org.assertj.core.api.Assertions.entry("won", 2),
                        org.assertj.core.api.Assertions.entry("lost", 1));
    }

    @Test
    void theFunnelCountsTheDealsThatReachedEachStage() {
        var funnel = run(PipelineSpec.By.NONE).funnel();
        assertThat(funnel).extracting(PipelineResult.Step::stage).containsExactly("new", "quote_sent", "won");
        assertThat(funnel).extracting(PipelineResult.Step::reached).containsExactly(5, 3, 2);
        assertThat(funnel.get(0).toNext()).isCloseTo(0.6, within(1e-12));
        assertThat(funnel.get(1).toNext()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(funnel.get(2).toNext()).isNaN();
    }

    @Test
    void openDealsAreWeightedByExpectedCloseMonth() {
        var months = run(PipelineSpec.By.NONE).weightedByMonth();
        assertThat(months).extracting(PipelineResult.Month::month).containsExactly("2025-04", "2025-05");
        assertThat(months.get(0).value()).isEqualTo(2000);
        assertThat(months.get(0).weightedValue()).isEqualTo(1333.33);
        assertThat(months.get(1).weightedValue()).isEqualTo(2666.67);
    }

    @Test
    void theBreakdownByRepKeepsDealsWithoutOne() {
        var groups = run(PipelineSpec.By.REP).groups();
        assertThat(groups).extracting(PipelineResult.Group::key).containsExactly("Ann", "Bo", "(none)");
        PipelineResult.Summary ann = groups.get(0).summary();
        assertThat(ann.won()).isEqualTo(1);
        assertThat(ann.lost()).isEqualTo(1);
        assertThat(ann.winRate()).isEqualTo(0.5);
        assertThat(groups.get(2).summary().open()).isEqualTo(1);
    }

    @Test
    void withoutAnAsOfDateTheLastDealDateIsUsed() {
        PipelineResult r = PipelineAnalysis.run(sixDeals(), PipelineSpec.defaults(), JobMonitor.NONE);
        assertThat(r.asOf().date()).isEqualTo(day(4, 10));
        assertThat(r.asOfFromData()).isTrue();
        assertThat(r.totals().dealCount()).isEqualTo(6);
    }

    @Test
    void anUnknownBreakdownIsRefusedByName() {
        assertThatThrownBy(() -> PipelineSpec.By.parse("region"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("rep, source, product or quarter");
    }

    @Test
    void daysInEachStageComeFromTheHistoryAndOpenDealsAreAgedAgainstTheTypicalCycle() {
        PipelineResult r = run(PipelineSpec.By.NONE);
        // new: stays 9, 10, 10 and 4 days; quote_sent: 21 and 40 (the open deals' current stays are not finished)
        PipelineResult.StageTime neu = r.stageTimes().get(0);
        assertThat(neu.stage()).isEqualTo("new");
        assertThat(neu.stays()).isEqualTo(4);
        assertThat(neu.meanDays()).isEqualTo(8.25);
        assertThat(neu.medianDays()).isEqualTo(9.5);
        assertThat(neu.p75Days()).isEqualTo(10);
        assertThat(neu.stalledAfterDays()).as("fewer than 10 stays").isNaN();
        PipelineResult.StageTime quote = r.stageTimes().get(1);
        assertThat(quote.stays()).isEqualTo(2);
        assertThat(quote.p75Days()).isEqualTo(35.25); // 21 + 0.75 × 19
        assertThat(r.typicalCycleDays()).isEqualTo(40); // median of 30 and 50
        assertThat(r.openDeals()).extracting(PipelineResult.OpenDeal::ref).containsExactly("D4", "D5");
        PipelineResult.OpenDeal quoted = r.openDeals().get(0);
        assertThat(quoted.daysInStage()).isEqualTo(26); // since 5 March
        assertThat(quoted.ageDays()).isEqualTo(30);
        assertThat(quoted.ageVsTypicalCycle()).isEqualTo(0.75);
        assertThat(quoted.stalled()).isFalse();
        assertThat(quoted.expectedClose()).isEqualTo(day(4, 15));
        assertThat(quoted.overdue()).isFalse();
        assertThat(quoted.weightedValue()).isEqualTo(1333.33);
        assertThat(quoted.winProbability())
                .as("too few closed deals for a model")
                .isNaN();
        assertThat(r.scoring()).isNull();
    }

    @Test
    void aDealLongerInItsStageThanTwiceTheUsualStayIsStalled() {
        Snapshots s = new Snapshots();
        for (int k = 0; k < 10; k++) {
            int d = s.deal(100, "lost", "lost", day(1, 1 + k), null, day(1, 6 + k));
            s.move(d, "new", day(1, 1 + k)).move(d, "lost", day(1, 6 + k));
        }
        int slow = s.deal(100, "new", "open", day(3, 1), null, null);
        s.move(slow, "new", day(3, 1));
        int recent = s.deal(100, "new", "open", day(3, 10), null, null);
        s.move(recent, "new", day(3, 10));
        PipelineResult r = PipelineAnalysis.run(
                s.build(), new PipelineSpec(Optional.of(day(3, 20)), PipelineSpec.By.NONE), JobMonitor.NONE);
        PipelineResult.StageTime neu = r.stageTimes().getFirst();
        assertThat(neu.p75Days()).isEqualTo(5);
        assertThat(neu.stalledAfterDays()).as("twice 5 days, but at least 14").isEqualTo(14);
        assertThat(neu.stalledNow()).isEqualTo(1);
        assertThat(r.openDeals()).extracting(PipelineResult.OpenDeal::ref).containsExactly("D11", "D12");
        assertThat(r.openDeals()).extracting(PipelineResult.OpenDeal::stalled).containsExactly(true, false);
    }

    @Test
    void theStageOrderSettingComesFirst() {
        PipelineResult r = PipelineAnalysis.run(
                sixDeals(),
                new PipelineSpec(Optional.of(AS_OF), PipelineSpec.By.NONE, java.util.List.of("Quote_Sent", "gone")),
                JobMonitor.NONE);
        assertThat(r.funnel()).extracting(PipelineResult.Step::stage).containsExactly("quote_sent", "new", "won");
    }

    @Test
    void coverageSetsTheNextThreeMonthsWeightedValueAgainstTheirTargets() {
        Snapshots s = new Snapshots();
        int open = s.deal(3000, "new", "open", day(3, 1), day(4, 20), null);
        s.move(open, "new", day(3, 1));
        int later = s.deal(6000, "new", "open", day(3, 2), day(7, 1), null);
        s.move(later, "new", day(3, 2));
        s.deal(100, "won", "won", day(1, 1), null, day(2, 1));
        s.deal(100, "lost", "lost", day(1, 1), null, day(2, 1));
        // a revenue target is not a pipeline target: no coverage against it
        s.commercial().target("monthly_revenue", day(1, 1), day(12, 31), 1000, true);
        assertThat(PipelineAnalysis.run(
                                s.build(), new PipelineSpec(Optional.of(AS_OF), PipelineSpec.By.NONE), JobMonitor.NONE)
                        .coverage())
                .isNull();
        s.commercial().target("monthly_pipeline", day(1, 1), day(12, 31), 1000, true);
        PipelineResult r = PipelineAnalysis.run(
                s.build(), new PipelineSpec(Optional.of(AS_OF), PipelineSpec.By.NONE), JobMonitor.NONE);
        assertThat(r.coverage()).isNotNull();
        assertThat(r.coverage().kpi()).isEqualTo("monthly_pipeline");
        assertThat(r.coverage().months()).containsExactly("2025-04", "2025-05", "2025-06");
        assertThat(r.coverage().target()).isEqualTo(3000);
        // two closed deals, one won: every stage takes the overall 1/2; only April's deal is in the window
        assertThat(r.coverage().weightedValue()).isEqualTo(1500);
        assertThat(r.coverage().ratio()).isEqualTo(0.5);

        PipelineResult six = run(PipelineSpec.By.NONE);
        assertThat(six.coverage()).as("no targets").isNull();
    }

    @Test
    void aValueRecordedOnlyAtCloseIsNotUsedToScoreDeals() {
        // as in CRM exports: won deals carry their value, lost ones 0, open ones none
        Snapshots s = new Snapshots();
        for (int k = 0; k < 40; k++) {
            boolean won = k % 3 == 0;
            LocalDate created = LocalDate.of(2024, 1, 1).plusDays(5 * k);
            int d = s.deal(
                    won ? 1000 : 0, won ? "won" : "lost", won ? "won" : "lost", created, null, created.plusDays(20));
            s.move(d, "new", created).move(d, won ? "won" : "lost", created.plusDays(20));
        }
        for (int k = 0; k < 5; k++) {
            int d = s.deal(0, "new", "open", day(3, 1 + k), null, null);
            s.move(d, "new", day(3, 1 + k));
        }
        PipelineResult r = PipelineAnalysis.run(
                s.build(), new PipelineSpec(Optional.of(AS_OF), PipelineSpec.By.NONE), JobMonitor.NONE);
        assertThat(r.scoring()).isNotNull();
        assertThat(r.scoring().note()).startsWith("Size left out");
        assertThat(r.scoring().coefficients())
                .extracting(PipelineResult.Coefficient::feature)
                .doesNotContain("size");
        assertThat(r.scoring().rocAuc()).as("nothing else tells won from lost").isLessThan(0.9);
        assertThat(r.openDeals()).allSatisfy(d -> assertThat(d.drivers())
                .extracting(PipelineResult.Driver::feature)
                .noneMatch(f -> f.startsWith("size")));
    }

    @Test
    void theBreakdownByQuarterUsesTheCreationDate() {
        PipelineResult r = run(PipelineSpec.By.QUARTER);
        assertThat(r.groups()).extracting(PipelineResult.Group::key).containsExactly("2025-Q1");
        assertThat(r.groups().getFirst().summary().dealCount()).isEqualTo(5);
    }

    @Test
    void aLargeSalesTeamsModelLearnsFromEveryKthClosedDeal() {
        Snapshots s = new Snapshots();
        int closed = DealScoring.MAX_TRAINING_DEALS + 2;
        for (int k = 0; k < closed; k++) {
            LocalDate created = LocalDate.of(2023, 1, 1).plusDays(k % 700);
            boolean won = k % 5 == 0;
            s.deal(
                    1000 + (k % 37) * 50,
                    won ? "won" : "lost",
                    won ? "won" : "lost",
                    created,
                    null,
                    created.plusDays(10 + k % 60),
                    k % 2 == 0 ? "Ann" : "Bo",
                    k % 3 == 0 ? "web" : "referral",
                    null);
        }
        s.deal(2000, "quote_sent", "open", day(3, 1), day(4, 15), null, "Ann", "web", null);
        PipelineResult.Scoring scoring = PipelineAnalysis.run(
                        s.build(), new PipelineSpec(Optional.of(AS_OF), PipelineSpec.By.NONE), JobMonitor.NONE)
                .scoring();
        // every 2nd of 20,002: 10,001 deals, three quarters of them before the split
        assertThat(scoring.trainDeals() + scoring.testDeals()).isEqualTo(10_001);
        assertThat(scoring.note()).contains("every 2nd of the 20,002 closed deals");
    }
}
