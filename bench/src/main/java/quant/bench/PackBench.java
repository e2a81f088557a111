package quant.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.business.ForecastLog;
import quant.core.job.JobMonitor;
import quant.core.kpi.KpiInputs;
import quant.core.pack.PackAnalyses;
import quant.core.pack.PackBuilder;
import quant.core.pack.PackDefinition;
import quant.core.pack.PackDefinitions;
import quant.core.report.ExportOptions;
import quant.core.report.PdfReport;
import quant.core.report.Report;
import quant.core.report.pack.Pack;
import quant.core.report.pack.PackPdf;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * The monthly board pack on the sample company: from the store to the PDF's bytes (settings, one
 * snapshot of every part the sections read, the 17 analyses, the document), warm, against the reference
 * of exporting the same analyses one by one the way every view's Export… does (a snapshot of each
 * analysis's parts, the analysis, its own PDF). The pack should not cost more than its parts; the
 * issue's target is under 3 s and 2 MB.
 *
 * <p>Arguments: folder for the sample database (built when missing), measured runs.
 */
public final class PackBench {
    private PackBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "bench/target/pack"));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path db = dir.resolve("sample.mv.db");
        if (!Files.exists(db)) {
            try (Store store = Store.open(db)) {
                SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            }
        }
        PackDefinition board = PackDefinitions.shipped("board");
        try (Store store = Store.openExisting(db)) {
            int[] size = new int[1];
            Pack[] last = new Pack[1];
            Timing.Result pack = Timing.measure("board pack", runs, () -> null, () -> {
                Pack p = PackBuilder.build(store, board, PackBuilder.Request.DEFAULT, JobMonitor.NONE);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PackPdf.write(p, out);
                size[0] = out.size();
                last[0] = p;
                Files.write(dir.resolve("board.pdf"), out.toByteArray());
                return null;
            });
            Timing.Result separate = Timing.measure("the same reports one by one", runs, () -> null, () -> {
                BusinessSettings settings = BusinessSettings.read(store);
                ExportOptions options = settings.exportOptions();
                for (PackDefinition.Section s : board.included()) {
                    PackAnalyses.Entry e = PackAnalyses.byId(s.analysis());
                    Snapshot snap = new SnapshotLoader(store).load(e.parts(), JobMonitor.NONE);
                    PackDefinition one = new PackDefinition(
                            "one",
                            "one",
                            "",
                            "",
                            null,
                            "#000000",
                            "",
                            false,
                            board.period(),
                            board.filters(),
                            false,
                            false,
                            false,
                            java.util.List.of(s));
                    Pack p = PackBuilder.build(
                            snap,
                            settings,
                            KpiInputs.of(settings, ForecastLog.list(store)),
                            one,
                            PackBuilder.Request.DEFAULT,
                            JobMonitor.NONE);
                    Report r = p.sections().getFirst().report();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    PdfReport.write(r, options, out);
                }
                return null;
            });
            int pages;
            try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(dir.resolve("board.pdf")))) {
                pages = doc.getNumberOfPages();
            }
            System.out.printf(
                    "board pack, %d sections, %d pages: %.2f s (%,d bytes); the same reports one by one %.2f s;"
                            + " ratio %.2f (median of %d)%n",
                    last[0].sections().size(),
                    pages,
                    pack.median().toNanos() / 1e9,
                    size[0],
                    separate.median().toNanos() / 1e9,
                    pack.ratioTo(separate),
                    runs);
        }
    }
}
