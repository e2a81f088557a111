package quant.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.Period;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.clv.ClvReport;
import quant.core.clv.ClvResult;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortReport;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;
import quant.core.job.JobMonitor;
import quant.core.report.Column;
import quant.core.report.ExportOptions;
import quant.core.report.PaperSize;
import quant.core.report.PdfReport;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.XlsxReport;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * What exporting costs. (1) The busiest view of the sample company as a PDF — the monthly cohort
 * report, 48 cohorts, both charts as vectors — against computing the cohorts it shows (the analysis is
 * the reference here: a document should not cost more than the answer in it). (2) The lifetime-value
 * customer table of a 180,000-customer company as XLSX, against Apache POI's streaming workbook
 * (SXSSF) writing the same cells with the same number formats. Run it with {@code -Xmx256m} to hold
 * the export to that heap. Each side runs after a warm-up, alternating; the medians and their ratio are
 * printed.
 *
 * <p>Arguments: folder for the sample database (built when missing), runs, customers.
 */
public final class ExportBench {
    private ExportBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "bench/target/export"));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : 180_000;
        Path db = dir.resolve("sample.mv.db");
        if (!Files.exists(db)) {
            try (Store store = Store.open(db)) {
                SampleLoader.load(store, new SampleSource(1), JobMonitor.NONE);
            }
        }
        ExportOptions options = new ExportOptions("USD", PaperSize.A4, null);
        try (Store store = Store.openExisting(db)) {
            Snapshot s = new SnapshotLoader(store).load(CohortAnalysis.PARTS, JobMonitor.NONE);
            CohortSpec spec =
                    new CohortSpec(Period.MONTH, CohortMetric.CUSTOMERS, CustomerFilter.ALL, Optional.empty());
            CohortResult[] result = new CohortResult[1];
            Timing.Result analysis = Timing.measure(
                    "cohort analysis",
                    runs,
                    () -> null,
                    () -> result[0] = CohortAnalysis.run(s, spec, JobMonitor.NONE));
            int[] size = new int[1];
            Timing.Result pdf = Timing.measure("cohort PDF", runs, () -> null, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PdfReport.write(CohortReport.of(result[0], spec), options, out);
                size[0] = out.size();
                return null;
            });
            System.out.printf(
                    "cohort report, %d cohorts: PDF %.3f s (%,d bytes), the analysis %.3f s, ratio %.2f (median of %d)%n",
                    result[0].cohorts().size(),
                    pdf.median().toNanos() / 1e9,
                    size[0],
                    analysis.median().toNanos() / 1e9,
                    pdf.ratioTo(analysis),
                    runs);
        }

        List<ClvResult.CustomerValue> values = customers(customers);
        Report report = Report.builder(
                        ClvReport.ID, "Customer lifetime value", new AsOf(LocalDate.of(2025, 12, 31), true))
                .table(new ReportTable<>("customers", "Customers by future value", ClvReport.customerColumns(), values))
                .build();
        Path ours = dir.resolve("customers-ours.xlsx");
        Path poi = dir.resolve("customers-poi.xlsx");
        long[] peak = new long[1];
        Timing.Result xlsx = Timing.measure("XLSX (fastexcel, streamed)", runs, () -> null, () -> {
            try (OutputStream out = Files.newOutputStream(ours)) {
                XlsxReport.write(report, options, out);
            }
            Runtime rt = Runtime.getRuntime();
            peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
            return null;
        });
        Timing.Result reference = Timing.measure("XLSX (POI SXSSF)", runs, () -> null, () -> {
            poi(ClvReport.customerColumns(), values, poi);
            return null;
        });
        System.out.printf(
                "%,d customers to XLSX: ours %.2f s (%,d bytes), POI SXSSF %.2f s (%,d bytes), ratio %.2f (median of %d);"
                        + " heap cap %,d MB%n",
                customers,
                xlsx.median().toNanos() / 1e9,
                Files.size(ours),
                reference.median().toNanos() / 1e9,
                Files.size(poi),
                xlsx.ratioTo(reference),
                runs,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Customers with values spread as the generated company's are; seeded. */
    static List<ClvResult.CustomerValue> customers(int n) {
        Random random = new Random(61);
        List<ClvResult.CustomerValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double margin = 50 + 5_000 * random.nextDouble();
            out.add(new ClvResult.CustomerValue(
                    i + 1,
                    "Customer " + i,
                    i % 5 == 0 ? "commercial" : "residential",
                    i % 3 == 0 ? "google_ads" : "referral",
                    margin * 1.6,
                    margin,
                    1 + random.nextInt(30),
                    LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)),
                    random.nextInt(30),
                    random.nextDouble() * 150,
                    150,
                    random.nextDouble(),
                    random.nextDouble() * 12,
                    random.nextDouble() * 500,
                    random.nextDouble() * 3_000,
                    random.nextBoolean()));
        }
        return out;
    }

    /** The same cells through POI's streaming workbook: typed numbers and dates with the same formats. */
    static <T> void poi(List<Column<T>> columns, List<T> rows, Path file) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = wb.createSheet("Customers");
            CreationHelper helper = wb.getCreationHelper();
            CellStyle[] styles = new CellStyle[columns.size()];
            SXSSFRow header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).title());
                String format =
                        switch (columns.get(c).type()) {
                            case INTEGER -> "#,##0";
                            case DECIMAL, MONEY ->
                                columns.get(c).digits() == 0
                                        ? "#,##0"
                                        : "#,##0." + "0".repeat(columns.get(c).digits());
                            case PERCENT -> "0.0%";
                            case DATE -> "yyyy-mm-dd";
                            default -> null;
                        };
                if (format != null) {
                    styles[c] = wb.createCellStyle();
                    styles[c].setDataFormat(helper.createDataFormat().getFormat(format));
                }
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (T row : rows) {
                SXSSFRow x = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object v = columns.get(c).cell(row);
                    if (v == null) {
                        continue;
                    }
                    var cell = x.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                    if (styles[c] != null) {
                        cell.setCellStyle(styles[c]);
                    }
                }
            }
            wb.write(out);
        }
    }
}
