package quant.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/** Market share, opportunity, competitors and SWOT suggestions on figures worked out by hand. */
class MarketAnalysisTest {
    @TempDir
    Path dir;

    /**
     * HVAC: market 10,000 (2023) → 12,000 (2024), our revenue 200 → 220: share 2 % → 1.83 %, an
     * opportunity. PLUMB: market flat at 5,000, our revenue 50 → 100: share 1 % → 2 %. A rival rated
     * 4.0, a year later 4.5; our 2024 jobs are rated 4.
     */
    static Snapshot market() {
        Snapshots s = new Snapshots();
        int c = s.customer("A", "residential", "web", "X", LocalDate.of(2023, 1, 1));
        s.job(c, "HVAC", LocalDate.of(2023, 3, 1), 100, 50, 0, false);
        s.job(c, "HVAC", LocalDate.of(2023, 9, 1), 100, 50, 0, false);
        s.job(c, "HVAC", LocalDate.of(2024, 5, 1), 220, 100, 4, false);
        s.job(c, "PLUMB", LocalDate.of(2023, 5, 1), 50, 20, 0, false);
        s.job(c, "PLUMB", LocalDate.of(2024, 12, 31), 100, 40, 4, false);
        s.commercial()
                .market("HVAC", LocalDate.of(2023, 1, 1), "annual_revenue", 10_000)
                .market("HVAC", LocalDate.of(2024, 1, 1), "annual_revenue", 12_000)
                .market("HVAC", LocalDate.of(2025, 1, 1), "annual_revenue", 13_000)
                .market("PLUMB", LocalDate.of(2023, 1, 1), "annual_revenue", 5_000)
                .market("PLUMB", LocalDate.of(2024, 1, 1), "annual_revenue", 5_000)
                .market("PLUMB", LocalDate.of(2024, 1, 1), "households", 800)
                .competitor("Rival", LocalDate.of(2023, 6, 1), "HVAC", "review_rating", 4.0)
                .competitor("Rival", LocalDate.of(2024, 6, 15), "HVAC", "review_rating", 4.5);
        return s.build();
    }

    private static MarketResult run() {
        return MarketAnalysis.run(market(), Optional.of(LocalDate.of(2024, 12, 31)), JobMonitor.NONE);
    }

    @Test
    void shareIsOurLinesRevenueOverTheMarketInEachPeriod() {
        MarketResult r = run();
        assertThat(r.periods()).hasSize(5); // the 2025 figure starts after the as-of date
        MarketResult.Period hvac2024 = r.periods().get(1);
        assertThat(hvac2024.segment()).isEqualTo("HVAC");
        assertThat(hvac2024.end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(hvac2024.complete()).isTrue();
        assertThat(hvac2024.ourRevenue()).isEqualTo(220);
        assertThat(hvac2024.share()).isCloseTo(220 / 12_000.0, within(1e-12));
        MarketResult.Period households = r.periods().stream()
                .filter(p -> p.metric().equals("households"))
                .findFirst()
                .orElseThrow();
        assertThat(households.share()).as("not a revenue figure").isNaN();
        assertThat(households.end()).as("alone: a year").isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aPeriodStillRunningIsComparedProRata() {
        MarketResult r = MarketAnalysis.run(market(), Optional.of(LocalDate.of(2024, 6, 30)), JobMonitor.NONE);
        MarketResult.Period hvac2024 = r.periods().get(1);
        assertThat(hvac2024.complete()).isFalse();
        // 182 of 366 days: 220 ÷ (12,000 × 182 / 366)
        assertThat(hvac2024.share()).isCloseTo(220 / (12_000 * 182 / 366.0), within(1e-12));
    }

    @Test
    void aLineWhoseMarketOutgrewOurRevenueIsAnOpportunity() {
        MarketResult r = run();
        assertThat(r.lines()).extracting(MarketResult.Line::segment).containsExactly("HVAC", "PLUMB");
        MarketResult.Line hvac = r.lines().get(0);
        assertThat(hvac.marketGrowth()).isEqualTo(0.2);
        assertThat(hvac.revenueGrowth()).isEqualTo(0.1);
        assertThat(hvac.shareChangePoints()).isCloseTo(100 * (220 / 12_000.0 - 0.02), within(1e-12));
        assertThat(r.opportunities()).hasSize(1);
        MarketResult.Opportunity o = r.opportunities().getFirst();
        assertThat(o.segment()).isEqualTo("HVAC");
        assertThat(o.revenueAtHeldShare()).isEqualTo(240); // 2 % of 12,000
        assertThat(o.gap()).isEqualTo(20);
        assertThat(o.text())
                .isEqualTo(
                        // 240 ÷ 220 − 1 = 9.1 %: said as a share, since the table beside it carries the currency
                        "HVAC: the market grew 20 % in 2024, our revenue 10 %; at 2023's share our revenue would have"
                                + " been 9 % higher.");
    }

    @Test
    void aLineThatTookNothingInAGrowingMarketSaysSoWithoutDividingByZero() {
        Snapshots s = new Snapshots();
        int c = s.customer("A", "residential", "web", "X", LocalDate.of(2023, 1, 1));
        s.job(c, "ELEC", LocalDate.of(2023, 3, 1), 100, 50, 0, false);
        s.job(c, "HVAC", LocalDate.of(2024, 12, 31), 100, 50, 0, false);
        s.commercial()
                .market("ELEC", LocalDate.of(2023, 1, 1), "annual_revenue", 10_000)
                .market("ELEC", LocalDate.of(2024, 1, 1), "annual_revenue", 11_000);
        MarketResult r = MarketAnalysis.run(s.build(), Optional.of(LocalDate.of(2024, 12, 31)), JobMonitor.NONE);
        assertThat(r.opportunities()).singleElement().satisfies(o -> {
            assertThat(o.gap()).isEqualTo(110); // 1 % of 11,000
            assertThat(o.text())
                    .isEqualTo("ELEC: the market grew 10 % in 2024, our revenue -100 %; we took none of it, where we"
                            + " held 1.00 % in 2023.");
        });
    }

    @Test
    void competitorsShowTheirLatestFigureAndTheChangeOverAYear() {
        MarketResult r = run();
        assertThat(r.competitors()).hasSize(1);
        MarketResult.Competitor rival = r.competitors().getFirst();
        assertThat(rival.value()).isEqualTo(4.5);
        assertThat(rival.changeOverYear()).isEqualTo(0.5);
        assertThat(r.ourRating()).isEqualTo(4.0);
    }

    @Test
    void theSuggestionsComeFromTheFigures() {
        List<MarketResult.Suggestion> s = run().suggestions();
        assertThat(s)
                .extracting(x -> x.quadrant() + ": " + x.text())
                .containsExactly(
                        "weaknesses: HVAC share fell from 2.00 % (2023) to 1.83 % (2024) of the market.",
                        "strengths: PLUMB share grew from 1.00 % (2023) to 2.00 % (2024) of the market.",
                        "opportunities: HVAC: the market grew 20 % in 2024, our revenue 10 %; at 2023's share our"
                                + " revenue would have been 9 % higher.",
                        "weaknesses: Customers rate our work 4.00, below the competitors' 4.50 on average.",
                        "threats: Rival is rated 4.50, above our 4.00, and rose 0.50 over the year.");
    }

    @Test
    void theBoardIsSavedAsAWholePerPeriod() {
        try (Store store = Store.open(dir.resolve("swot"))) {
            assertThat(SwotBoard.read(store, "2024")).isEmpty();
            List<SwotBoard.Item> items = new java.util.ArrayList<>(SwotBoard.suggested(run()));
            items.add(new SwotBoard.Item("Opportunities", " Bid for the school district's HVAC contract ", false));
            SwotBoard.save(store, "2024", items);
            List<SwotBoard.Item> read = SwotBoard.read(store, "2024");
            assertThat(read).hasSize(6);
            assertThat(read.getLast())
                    .isEqualTo(
                            new SwotBoard.Item("opportunities", "Bid for the school district's HVAC contract", false));
            SwotBoard.save(store, "2024", List.of(read.getLast()));
            assertThat(SwotBoard.read(store, "2024")).hasSize(1);
            assertThat(SwotBoard.periods(store)).containsExactly("2024");
        }
        assertThatThrownBy(() -> new SwotBoard.Item("risks", "x", false))
                .hasMessageContaining("strengths, weaknesses, opportunities or threats");
        assertThatThrownBy(() -> new SwotBoard.Item("threats", " ", false)).hasMessage("A SWOT entry needs some text.");
    }

    @Test
    void withoutMarketFiguresThereIsNothingToShow() {
        Snapshots s = new Snapshots();
        int c = s.customer("A", "residential", "web", "X", LocalDate.of(2023, 1, 1));
        s.job(c, LocalDate.of(2023, 2, 1));
        assertThatThrownBy(() -> MarketAnalysis.run(s.build(), Optional.empty(), JobMonitor.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("no market sizes or competitor observations");
    }
}
