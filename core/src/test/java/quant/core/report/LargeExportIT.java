package quant.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.AsOf;
import quant.core.clv.ClvReport;
import quant.core.clv.ClvResult;

/**
 * The lifetime-value customer table of a 180,000-customer company written to XLSX and CSV with the
 * heap capped at 256 MB (the {@code large-table} surefire execution in core/pom.xml): the rows are
 * streamed, never held twice.
 */
class LargeExportIT {
    static final int CUSTOMERS = 180_000;

    @TempDir
    Path dir;

    @Test
    void aHundredAndEightyThousandCustomersExportInA256MegabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024);
        Random random = new Random(61);
        List<ClvResult.CustomerValue> values = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            double margin = 50 + 5_000 * random.nextDouble();
            values.add(new ClvResult.CustomerValue(
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
        Report report = Report.builder(
                        ClvReport.ID, "Customer lifetime value", new AsOf(LocalDate.of(2025, 12, 31), true))
                .table(new ReportTable<>("customers", "Customers by future value", ClvReport.customerColumns(), values))
                .build();
        Path xlsx = dir.resolve("customers.xlsx");
        Exports.write(report, xlsx, new ExportOptions("USD", PaperSize.A4, null));
        long rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile());
                Stream<Row> stream = wb.getSheets().toList().get(1).openStream()) {
            rows = stream.count();
        }
        assertThat(rows).isEqualTo(CUSTOMERS + 1);
        Path csv = dir.resolve("customers.csv");
        Exports.write(report, csv, new ExportOptions("USD", PaperSize.A4, null));
        try (Stream<String> lines = Files.lines(csv)) {
            assertThat(lines.count()).isEqualTo(CUSTOMERS + 1);
        }
    }
}
