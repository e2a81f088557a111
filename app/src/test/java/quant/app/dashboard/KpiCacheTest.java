package quant.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.job.JobMonitor;
import quant.core.kpi.HealthResult;
import quant.core.kpi.HealthScore;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiResult;
import quant.core.settings.KpiRules;
import quant.core.store.Store;

/** The kept KPIs come back as they were, and only for the same database, data version and period. */
class KpiCacheTest {
    @Test
    void keptValuesComeBackForTheSameDataOnly() throws Exception {
        Store store = quant.app.SampleViews.store();
        Snapshot s = new SnapshotLoader(store).load(KpiBoard.PARTS, JobMonitor.NONE);
        KpiInputs in = new KpiInputs(KpiRules.DEFAULTS, 365, OptionalDouble.empty(), "USD", List.of());
        KpiResult kpis = KpiBoard.run(s, new KpiBoard.Spec(KpiPeriod.MONTH, Optional.empty()), in, JobMonitor.NONE);
        HealthResult health = HealthScore.of(kpis, KpiRules.DEFAULTS);
        String db = store.location().text();
        Files.deleteIfExists(KpiCache.file());
        assertThat(KpiCache.read(db, s.dataVersion(), "month")).isEmpty();
        KpiCache.write(db, s.dataVersion(), kpis, health);
        KpiCache.Entry e = KpiCache.read(db, s.dataVersion(), "month").orElseThrow();
        assertThat(e.kpis()).isEqualTo(kpis);
        assertThat(e.health()).isEqualTo(health);
        assertThat(KpiCache.read(db, s.dataVersion() + 1, "month")).isEmpty();
        assertThat(KpiCache.read(db, s.dataVersion(), "quarter")).isEmpty();
        assertThat(KpiCache.read(store.file().resolveSibling("other.mv.db").toString(), s.dataVersion(), "month"))
                .isEmpty();
        Files.deleteIfExists(KpiCache.file());
    }
}
