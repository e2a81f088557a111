package quant.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.Commercial;
import quant.core.analysis.SnapshotLoader;
import quant.core.job.JobMonitor;
import quant.core.kpi.Kpi;
import quant.core.runs.RunUndo;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.Importer;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/** The target editor's sheet: read from the rows, written as its own import run, undone like any. */
class TargetSheetTest {
    @TempDir
    Path dir;

    @Test
    void anEditedYearIsAnImportRunThatComesFirstAndIsUndone() throws Exception {
        try (Store store = Store.open(dir.resolve("sample"))) {
            SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            Commercial.Targets before = targets(store);
            List<TargetSheet.Row> rows = TargetSheet.of(before, 2025);
            TargetSheet.Row gross = rows.stream()
                    .filter(r -> r.kpi() == Kpi.GROSS_MARGIN)
                    .findFirst()
                    .orElseThrow();
            // the sample's 2025 gross margin target, in percent as its row holds it
            int day = (int) LocalDate.of(2025, 7, 1).toEpochDay();
            assertThat(gross.target()).isEqualTo(TargetSheet.text(before.target(before.find("gross_margin_pct", day))));

            List<TargetSheet.Row> edited = new ArrayList<>();
            for (TargetSheet.Row r : rows) {
                edited.add(r.kpi() == Kpi.GROSS_MARGIN ? new TargetSheet.Row(r.kpi(), "52", "47", "44", true) : r);
            }
            Path file = TargetSheet.write(edited, 2025);
            var run = new Importer(store).run(file, TargetSheet.profile(), ImportOptions.DEFAULT, JobMonitor.NONE);
            assertThat(run.inserted()).isEqualTo(Kpi.values().length);
            Commercial.Targets after = targets(store);
            int row = after.find("gross_margin_pct", day);
            assertThat(after.target(row)).isEqualTo(52.0);
            assertThat(after.warning(row)).isEqualTo(47.0);
            assertThat(after.fromWorkbench(row)).isTrue();
            // the imported rows are as they were, and undoing the run brings the old target back
            assertThat(after.size()).isEqualTo(before.size() + Kpi.values().length);
            RunUndo.undo(store, run.runId());
            Commercial.Targets undone = targets(store);
            assertThat(undone.target(undone.find("gross_margin_pct", day)))
                    .isEqualTo(before.target(before.find("gross_margin_pct", day)));
        }
    }

    @Test
    void aBadValueIsOneSentenceAndWritesNothing() {
        List<TargetSheet.Row> rows = List.of(new TargetSheet.Row(Kpi.DSO, "40", "35", "60", false));
        assertThatThrownBy(() -> TargetSheet.csv(rows, 2026))
                .hasMessage("The warning level of DSO must not be below its target.");
        assertThatThrownBy(() -> TargetSheet.csv(List.of(new TargetSheet.Row(Kpi.CAC, "abc", "", "", false)), 2026))
                .hasMessage("The target of customer acquisition cost must be a number, not \"abc\".");
        // a blank target leaves the KPI out
        assertThat(TargetSheet.csv(List.of(new TargetSheet.Row(Kpi.CAC, "", "", "", false)), 2026)
                        .lines())
                .hasSize(1);
    }

    private static Commercial.Targets targets(Store store) {
        return new SnapshotLoader(store)
                .load(List.of(Commercial.Targets.PART), JobMonitor.NONE)
                .targets();
    }
}
