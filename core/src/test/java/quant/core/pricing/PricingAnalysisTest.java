package quant.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

class PricingAnalysisTest {
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    /**
     * Quotes of one product (list price 1,000) to residential customers, priced at {@code ratio(u)} × list
     * for u uniform, won with probability {@code win(ratio)}; one job of the line (revenue 1,000, cost 400)
     * puts its cost share at 0.4.
     */
    private static Snapshot quotes(int n, long seed, DoubleUnaryOperator ratio, DoubleUnaryOperator win) {
        Snapshots s = new Snapshots();
        int c = s.customer("Ada", "residential", "referral", "Springfield", LocalDate.of(2024, 1, 1));
        s.job(c, "HVAC", END, 1000, 400, 0, false);
        s.product("Boiler", "HVAC", 1000);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double r = ratio.applyAsDouble(rng.nextDouble());
            boolean won = rng.nextDouble() < win.applyAsDouble(r);
            LocalDate created = END.minusDays(200);
            int d = s.deal(
                    r * 1000,
                    won ? "won" : "lost",
                    won ? "won" : "lost",
                    created,
                    created.plusDays(30),
                    created.plusDays(40),
                    null,
                    null,
                    "Boiler");
            s.dealCustomer(d, c);
            s.move(d, "new", created)
                    .move(d, "quote_sent", created.plusDays(10))
                    .move(d, won ? "won" : "lost", created.plusDays(40));
        }
        // a deal lost before its quote is not part of the quote history
        int early = s.deal(
                900, "lost", "lost", END.minusDays(100), END.minusDays(70), END.minusDays(90), null, null, "Boiler");
        s.move(early, "new", END.minusDays(100)).move(early, "lost", END.minusDays(90));
        return s.build();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static PricingResult run(Snapshot s) {
        return PricingAnalysis.run(s, Optional.empty(), List.of(), JobMonitor.NONE);
    }

    /**
     * 3,000 quotes priced at 0.8 to 1.3 × list, won with probability σ(1 − 3 ln ratio): the fit holds the
     * slope 3 and the level 1 in its intervals, and the recommended ratio is the one that maximises the
     * fitted σ(b₀ + b₁ ln r) × (r − 0.4 × the median ratio) over the ratios quoted.
     */
    @Test
    void recoversAKnownPriceEffectAndMaximisesTheExpectedMargin() {
        PricingResult r = run(quotes(3000, 11, u -> 0.8 + 0.5 * u, ratio -> sigmoid(1 - 3 * Math.log(ratio))));
        assertThat(r.refusal()).isNull();
        assertThat(r.quotes()).isEqualTo(3000);
        assertThat(r.quoteStage()).isEqualTo("quote_sent");
        assertThat(3.0).isBetween(r.slopeLower(), r.slopeUpper());
        PricingResult.Effect level = r.effects().getFirst();
        assertThat(1.0).isBetween(level.lower(), level.upper());
        assertThat(r.effects().get(1).coefficient()).isCloseTo(-r.slope(), within(1e-12));
        PricingResult.Recommendation rec = r.recommendations().getFirst();
        assertThat(rec.line()).isEqualTo("HVAC");
        assertThat(rec.segment()).isEqualTo("residential");
        assertThat(rec.costShare()).isCloseTo(0.4, within(1e-12));
        double b0 = level.coefficient();
        double b1 = r.effects().get(1).coefficient();
        double cost = 0.4 * rec.medianRatio();
        double bestRatio = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (double x = 0.8; x <= 1.3; x += 1e-5) {
            double e = sigmoid(b0 + b1 * Math.log(x)) * (x - cost);
            if (e > best) {
                best = e;
                bestRatio = x;
            }
        }
        // the analysis searches 121 ratios between the lowest and highest quoted
        assertThat(rec.bestRatio()).isCloseTo(bestRatio, within(0.006));
        assertThat(rec.expectedAtBest()).isCloseTo(best, within(1e-4));
        assertThat(rec.winAtBest()).isCloseTo(sigmoid(b0 + b1 * Math.log(rec.bestRatio())), within(1e-12));
        assertThat(rec.lowRatio()).isLessThanOrEqualTo(rec.bestRatio());
        assertThat(rec.highRatio()).isGreaterThanOrEqualTo(rec.bestRatio());
        assertThat(rec.listPrice()).isEqualTo(1000);
        assertThat(rec.bestPrice()).isCloseTo(1000 * rec.bestRatio(), within(1e-9));
        PricingResult.Curve curve = r.curves().getFirst();
        assertThat(curve.points()).allSatisfy(p -> assertThat(p.win()).isBetween(p.lower(), p.upper()));
    }

    @Test
    void refusesWithAReasonWhenTheHistoryCannotTell() {
        PricingResult few = run(quotes(20, 1, u -> 0.8 + 0.5 * u, ratio -> 0.5));
        assertThat(few.refusal())
                .isEqualTo("Pricing needs at least 30 decided quotes (deals that reached quote_sent and were won or"
                        + " lost); there are 20.");
        assertThat(few.recommendations()).isEmpty();

        PricingResult flat = run(quotes(200, 2, u -> 1.0, ratio -> 0.6));
        assertThat(flat.refusal()).startsWith("Every quote was priced within 1 % of the same ratio");

        PricingResult none = run(quotes(600, 3, u -> 0.8 + 0.5 * u, ratio -> 0.5));
        assertThat(none.refusal()).startsWith("No price effect was found");
        assertThat(none.recommendations()).isEmpty();
        assertThat(none.curves()).isNotEmpty();
    }
}
