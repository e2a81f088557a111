package quant.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.alerts.AlertCentre;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.business.ForecastLog;
import quant.core.job.JobMonitor;
import quant.core.kpi.Alert;
import quant.core.kpi.Kpi;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiResult;
import quant.core.kpi.KpiStatus;
import quant.core.kpi.KpiValue;
import quant.core.kpi.Outlooks;
import quant.core.kpi.SummaryResult;
import quant.core.kpi.SummaryWriter;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/**
 * The sample's targets, its opening cash and saved forecast, and the misses planted in 2025: the
 * alerts raise exactly those, once each, and the summary names them.
 */
class SampleKpiTest {
    @TempDir
    static Path dir;

    static Snapshot snapshot;
    static BusinessSettings settings;
    static KpiInputs inputs;
    static AlertCentre.Check check;

    @BeforeAll
    static void load() {
        try (Store store = Store.open(dir.resolve("sample"))) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            snapshot = new SnapshotLoader(store).load(Outlooks.PARTS, JobMonitor.NONE);
            settings = BusinessSettings.read(store);
            inputs = KpiInputs.of(settings, ForecastLog.list(store));
            check = AlertCentre.check(store, snapshot, inputs, Optional.empty(), true, JobMonitor.NONE);
        }
    }

    static KpiResult month(String asOf) {
        return KpiBoard.run(
                snapshot,
                new KpiBoard.Spec(KpiPeriod.MONTH, Optional.of(LocalDate.parse(asOf))),
                inputs,
                JobMonitor.NONE);
    }

    @Test
    void everyKpiHasATargetInEveryYear() {
        for (int year = 2023; year <= 2026; year++) {
            int day = (int) LocalDate.of(year, 6, 15).toEpochDay();
            for (Kpi k : Kpi.values()) {
                assertThat(snapshot.targets().find(k.targetKey(), day))
                        .as(k.targetKey() + " in " + year)
                        .isNotNegative();
            }
        }
        KpiResult december = month("2025-12-31");
        assertThat(december.kpis()).allSatisfy(v -> assertThat(v.basis()).isEqualTo("target"));
    }

    @Test
    void theCashAndTheSavedForecastAreThere() {
        // the opening cash is the cash the company started with plus every payment less every outgoing
        assertThat(settings.openingCash()).isPresent();
        KpiValue runway = month("2025-12-31").kpi(Kpi.CASH_RUNWAY);
        assertThat(runway.value()).isPositive();
        assertThat(inputs.savedForecasts()).singleElement().satisfies(f -> {
            assertThat(f.asOf()).isEqualTo(LocalDate.parse(SampleExtras.FORECAST_AS_OF));
            assertThat(f.subject()).isEqualTo("revenue");
        });
        assertThat(month("2025-12-31").kpi(Kpi.FORECAST_ACCURACY).value()).isBetween(0.5, 1.0);
    }

    @Test
    void thePlantedMissesRaiseExactlyTheirAlertsOnce() {
        Set<String> raised = check.result().alerts().stream()
                .map(a -> a.rule() + " " + a.kpi() + " " + a.level() + " " + a.period())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(raised)
                .containsExactlyInAnyOrder(
                        // the poor hire's callbacks, March to August 2025
                        "level callback_rate critical 2025-03",
                        "level first_time_fix warning 2025-03",
                        // the June 2025 hail storm's roofing work
                        "sudden weekly_revenue warning week of 2025-06-09",
                        // the collections lapse from September 2025
                        "level dso warning 2025-11",
                        "level receivables_over_60 warning 2025-11");
        Alert callbacks = check.result().alerts().stream()
                .filter(a -> a.kpi().equals("callback_rate"))
                .findFirst()
                .orElseThrow();
        // one alert for the whole spell: resolved when the rate came back, after he left
        assertThat(callbacks.resolvedOn()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(check.result().alerts().stream().filter(Alert::isOpen).map(Alert::kpi))
                .containsExactlyInAnyOrder("dso", "receivables_over_60");
    }

    @Test
    void theSummaryNamesTheMissesAndWhy() {
        KpiResult april = month("2025-04-30");
        assertThat(april.kpi(Kpi.CALLBACK_RATE).level()).isEqualTo(KpiStatus.CRITICAL);
        SummaryResult s = SummaryWriter.write(april, snapshot, outlooks(april));
        String poorHire = snapshotTechnicianName(Workforce.POOR_HIRE);
        assertThat(s.text())
                .contains("Callback rate is critical")
                .contains("Callbacks rose most in Plumbing")
                .contains("went back to jobs of " + poorHire);
        KpiResult december = month("2025-12-31");
        SummaryResult d = SummaryWriter.write(december, snapshot, outlooks(december));
        assertThat(d.text()).contains("DSO is at its warning level").contains("Open receivables stand at");
        assertThat(d.sentences()).allSatisfy(x -> assertThat(x.view()).isNotBlank());
        assertThat(d.sentences().stream().map(SummaryResult.Sentence::topic).filter("action"::equals))
                .hasSize(3);
    }

    static Outlooks outlooks(KpiResult k) {
        return Outlooks.run(snapshot, settings, k.asOf().date(), JobMonitor.NONE);
    }

    static String snapshotTechnicianName(String ref) {
        var t = snapshot.technicians();
        for (int i = 0; i < t.size(); i++) {
            if (ref.equals(t.ref(i))) {
                return t.name(i);
            }
        }
        throw new AssertionError("no technician " + ref);
    }
}
