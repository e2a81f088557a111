package quant.core.forecast.business;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;

class StageWinRatesTest {
    private final Snapshot s = StoreFixture.withDeals(StoreFixture.jobs()).build();
    private final Snapshot ops = s;
    private final int asOf = (int) StoreFixture.AS_OF.toEpochDay();

    @Test
    void eachStagesRateIsWonOverClosedAmongTheDealsThatReachedIt() {
        StageWinRates r = StageWinRates.learn(ops, asOf);
        assertEquals(20, r.overall().closed());
        assertEquals(0.3, r.overall().winRate(), 1e-12);
        StageWinRates.Rate quote = r.of(ops.deals().stages().find("quote"));
        assertEquals(12, quote.closed());
        assertEquals(0.5, quote.winRate(), 1e-12);
        assertTrue(quote.own());
        StageWinRates.Rate fresh = r.of(ops.deals().stages().find("new"));
        assertEquals(0.3, fresh.winRate(), 1e-12);
        // Six deals reached "won": too few for a rate of its own.
        assertFalse(r.of(ops.deals().stages().find("won")).own());
    }

    @Test
    void aDealsStageAtADateIsItsLastMoveByThen() {
        int open = ops.deals().size() - 1;
        assertEquals(ops.deals().stages().find("new"), StageWinRates.stageAt(ops, open, (int)
                LocalDate.of(2025, 12, 7).toEpochDay()));
        assertEquals(ops.deals().stages().find("quote"), StageWinRates.stageAt(ops, open, asOf));
    }

    @Test
    void ratesOnlyUseDealsClosedByTheAsOfDate() {
        // By 2025-02-15 only the deals created up to 2025-01-22 had closed (20 days each): four, all won.
        StageWinRates r =
                StageWinRates.learn(ops, (int) LocalDate.of(2025, 2, 15).toEpochDay());
        assertEquals(4, r.overall().closed());
        assertEquals(1.0, r.overall().winRate(), 1e-12);
    }
}
