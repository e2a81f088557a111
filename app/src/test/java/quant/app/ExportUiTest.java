package quant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.data.DataView;
import quant.app.imports.ImportHistoryView;
import quant.app.job.FxJobRunner;
import quant.app.settings.Settings;
import quant.app.shell.MainWindow;
import quant.app.shell.ViewCatalogue;
import quant.app.shell.WorkbenchViewModel;
import quant.core.store.DomainTable;

/**
 * File ▸ Export… from every analysis view of the main window on the sample company: each writes a PDF
 * with its title and figures and an Excel workbook; the charts' menus offer PNG and SVG instead of the
 * chart library's own items; a view with nothing to export says so rather than write an empty file.
 */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
    private WorkbenchViewModel model;
    private FxJobRunner jobs;
    private MainWindow window;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("quant-export-ui");
        jobs = new FxJobRunner();
        model = new WorkbenchViewModel(jobs);
        window = new MainWindow(stage, model, jobs, Settings.DEFAULTS);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        model.open(dir.resolve("sample.mv.db"), true);
    }

    @Test
    void everyAnalysisViewExportsToPdfAndExcel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> model.countsProperty().get().getOrDefault(DomainTable.JOB, 0L) > 0);
        robot.interact(() -> window.workspace().reset(List.of(DataView.ID)));
        settle();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.exportFrontTo(dir.resolve("none.pdf"), null))
                        .get())
                .as("no analysis in front: nothing is written")
                .isFalse();

        for (ViewCatalogue.Entry e : ViewCatalogue.ENTRIES) {
            // the lists of imports, connections and report packs are not analyses: nothing of theirs is exported
            if (e.id().equals(DataView.ID)
                    || e.id().equals(ImportHistoryView.ID)
                    || e.id().equals(quant.app.connections.ConnectionsView.ID)
                    || e.id().equals(quant.app.reports.ReportsView.ID)) {
                continue;
            }
            robot.interact(() -> window.workspace().reset(List.of(DataView.ID, e.id())));
            settle();
            Path pdf = dir.resolve(e.id() + ".pdf");
            Path xlsx = dir.resolve(e.id() + ".xlsx");
            boolean exported = WaitForAsyncUtils.asyncFx(
                            () -> window.exportFrontTo(pdf, null) && window.exportFrontTo(xlsx, null))
                    .get();
            assertThat(exported).as(e.id() + " has a report").isTrue();
            settle();
            assertThat(model.noticeProperty().get()).as(e.id()).startsWith("Exported ");
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).as(e.id()).contains("as of ");
            }
            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
                assertThat(wb.getSheets().toList().getFirst().getName()).isEqualTo("Summary");
            }
        }

        robot.interact(() -> window.workspace().reset(List.of(DataView.ID, "cohorts")));
        settle();
        ChartViewer chart = robot.lookup(n -> n instanceof ChartViewer).queryAs(ChartViewer.class);
        assertThat(chart.getContextMenu().getItems())
                .extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Save chart as PNG (2×)…", "Save chart as SVG…");

        // the database itself is refused, in one sentence, and left as it was
        Path db = dir.resolve("sample.mv.db");
        long size = Files.size(db);
        WaitForAsyncUtils.asyncFx(() -> window.exportFrontTo(dir.resolve("sample.mv.db"), null))
                .get();
        settle();
        assertThat(model.noticeProperty().get())
                .endsWith("which is the database (sample.mv.db); choose another file, nothing was written.");
        assertThat(Files.size(db)).isEqualTo(size);
    }

    /** Waits until no job runs for a moment. */
    private void settle() throws Exception {
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean idle =
                    WaitForAsyncUtils.asyncFx(() -> jobs.running().isEmpty()).get();
            if (!idle) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(600)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a view's work did not end in two minutes");
    }
}
