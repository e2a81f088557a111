package quant.core.forecast.business;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.forecast.Method;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

class SavedForecastsTest {
    @TempDir
    Path dir;

    private static SavedForecast naiveFromJune(Snapshot s) {
        DemandResult r = DemandAnalysis.run(
                s, new OutlookSpec(Optional.of(LocalDate.of(2025, 6, 30)), 183, Method.NAIVE), JobMonitor.NONE);
        DemandResult.LineDemand hvac = r.lines().getFirst();
        return SavedForecast.of(SavedForecast.jobs("HVAC"), hvac.jobs(), r.asOfText(), "before the summer");
    }

    /**
     * Saved on 30 June 2025 with the naive method: June's 18 jobs for each month ahead. The data run
     * to 24 December, so July to November are over, with 19 to 23 jobs: errors 1 to 5.
     */
    @Test
    void aSavedForecastIsComparedWithTheMonthsThatAreOver() {
        Snapshot s = StoreFixture.jobs().build();
        SavedForecast f = naiveFromJune(s);
        assertEquals(6, f.points().size());
        assertEquals(LocalDate.of(2025, 7, 1), f.points().getFirst().month());
        assertEquals(18.0, f.points().getFirst().mean(), 1e-9);
        ForecastAccuracy.Result r = ForecastAccuracy.run(s, List.of(f), JobMonitor.NONE);
        assertEquals("2025-12-24", r.dataAsOf());
        ForecastAccuracy.Run run = r.runs().getFirst();
        assertEquals(5, run.compared());
        assertEquals(3.0, run.mae(), 1e-9);
        assertEquals(3.0, run.bias(), 1e-9);
        assertEquals((1 / 19.0 + 2 / 20.0 + 3 / 21.0 + 4 / 22.0 + 5 / 23.0) / 5, run.mape(), 1e-12);
        assertNull(run.months().getLast().actual(), "December is not over");
        assertEquals(19.0, run.months().getFirst().actual());
    }

    @Test
    void savedForecastsRoundTripThroughTheStoreAndCanBeDeleted() {
        Snapshot s = StoreFixture.jobs().build();
        SavedForecast f = naiveFromJune(s);
        try (Store store = Store.open(dir.resolve("company"))) {
            List<Long> ids = ForecastLog.save(store, List.of(f, f));
            assertEquals(2, ids.size());
            List<SavedForecast> back = ForecastLog.list(store);
            assertEquals(2, back.size());
            SavedForecast first = back.getLast();
            assertEquals(ids.getFirst(), first.id());
            assertEquals("jobs:HVAC", first.subject());
            assertEquals("before the summer", first.note());
            assertEquals(f.model(), first.model());
            assertEquals(f.points(), first.points());
            assertTrue(ForecastLog.delete(store, ids.getFirst()));
            assertFalse(ForecastLog.delete(store, ids.getFirst()));
            assertEquals(1, ForecastLog.list(store).size());
        }
    }

    @Test
    void onlyTheStoresSeriesCanBeSaved() {
        InvalidSpecException e = assertThrows(
                InvalidSpecException.class,
                () -> new SavedForecast(
                        0, java.time.Instant.EPOCH, "cash", "x", "auto", "m", LocalDate.EPOCH, null, List.of()));
        assertEquals("A saved forecast is of jobs:LINE or revenue, not cash.", e.getMessage());
    }
}
