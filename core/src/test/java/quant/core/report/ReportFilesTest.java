package quant.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jfree.chart.ChartFactory;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.AsOf;
import quant.core.analysis.InvalidSpecException;

/** A report written as PDF, XLSX and CSV, read back: the same figures and values, typed, safe. */
class ReportFilesTest {
    static final String HOSTILE = "=HYPERLINK(\"http://x\",\"y\")";
    static final String POLISH = "Łukasz Őri-Şahin";

    record Customer(String name, long jobs, double revenue, double share, LocalDate since, Duration visit) {}

    static Report report() {
        List<Customer> customers = List.of(
                new Customer(POLISH, 12, 12_345.675, 0.2534, LocalDate.of(2023, 2, 1), Duration.ofMinutes(95)),
                new Customer(HOSTILE, 3, -50, 0.05, LocalDate.of(2024, 11, 30), Duration.ofMinutes(40)),
                new Customer("+1 Plumbing", 0, 0, Double.NaN, null, null));
        List<Column<Customer>> cols = List.of(
                Column.text("name", "Customer", "Who", Customer::name),
                Column.integer("jobs", "Jobs", "jobs", "Completed jobs", Customer::jobs),
                Column.money("revenue", "Revenue", "Revenue of completed jobs", Customer::revenue),
                Column.percent("share", "Share", "Share of revenue", Customer::share),
                Column.date("since", "Since", "First job", Customer::since),
                Column.duration("visit", "Visit", "Average visit", Customer::visit));
        Customer total = new Customer("Total", 15, 12_295.675, 0.3034, null, null);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(3, "jobs", "Jan");
        data.addValue(5, "jobs", "Feb");
        return Report.builder("test", "Customers of Łódź", new AsOf(LocalDate.of(2025, 12, 31), true))
                .spec("Filters", "all customers")
                .figure(KeyFigure.money("revenue", "Revenue", 12_295.675, "all time"))
                .figure(KeyFigure.percent("share", "Top share", 0.2534, "of revenue")
                        .judged(Status.WARNING))
                .chart("jobs", "Jobs by month", () -> ChartFactory.createBarChart("Jobs", "Month", "Jobs", data))
                .table(new ReportTable<>("customers", "Customers", cols, customers, total))
                .note("One note.")
                .definitions(List.of("Revenue is what completed jobs were invoiced at."))
                .build();
    }

    static final ExportOptions OPTIONS = new ExportOptions("EUR", PaperSize.A4, null);

    @Test
    void pdfHoldsTheFiguresTableValuesAndNamesAsSelectableTextWithVectorCharts(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("customers.pdf");
        Exports.write(report(), pdf, OPTIONS);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Customers of Łódź")
                    .contains("as of 2025-12-31 (last activity in the data)")
                    .contains("Filters: all customers")
                    .contains("12,296 EUR")
                    .contains("25.3%")
                    .contains("Warning: of revenue")
                    .contains(POLISH)
                    .contains(HOSTILE)
                    .contains("12,345.68", "-50.00", "2023-02-01", "1 h 35 min", "40 min")
                    .contains("Revenue (EUR)")
                    .contains("Revenue is what completed jobs were invoiced at.")
                    .contains("page 1 of");
            for (PDPage page : doc.getPages()) {
                assertThat(images(page)).as("charts are vectors, not pictures").isZero();
            }
            assertThat(doc.getDocumentCatalog()
                            .getDocumentOutline()
                            .getFirstChild()
                            .getTitle())
                    .isEqualTo("Customers of Łódź");
            Path png = Path.of("target", "report-pdf", "customers-page1.png");
            Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 72), "png", png.toFile());
        }
    }

    private static int images(PDPage page) throws IOException {
        int n = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            PDXObject x = page.getResources().getXObject(name);
            if (x instanceof PDImageXObject) {
                n++;
            }
        }
        return n;
    }

    @Test
    void xlsxHasTypedCellsAFrozenBoldHeaderAndNeutralisedText(@TempDir Path dir) throws IOException {
        Path xlsx = dir.resolve("customers.xlsx");
        Exports.write(report(), xlsx, OPTIONS);
        try (ReadableWorkbook wb =
                new ReadableWorkbook(xlsx.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Summary", "Customers");
            List<Row> summary = sheets.get(0).read();
            assertThat(summary.get(0).getCell(0).asString()).isEqualTo("Customers of Łódź");
            List<Row> rows = sheets.get(1).read();
            assertThat(rows.get(0).getCell(2).asString()).isEqualTo("Revenue (EUR)");
            Row first = rows.get(1);
            assertThat(first.getCell(0).asString()).isEqualTo(POLISH);
            assertThat(first.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(2).asNumber().doubleValue()).isEqualTo(12_345.675);
            assertThat(first.getCell(2).getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(3).asNumber().doubleValue()).isEqualTo(0.2534);
            assertThat(first.getCell(3).getDataFormatString()).isEqualTo("0.0%");
            assertThat(first.getCell(4).asDate())
                    .isEqualTo(LocalDate.of(2023, 2, 1).atStartOfDay());
            assertThat(first.getCell(5).asNumber().doubleValue()).isEqualTo(95.0);
            assertThat(rows.get(2).getCell(0).asString()).isEqualTo("'" + HOSTILE);
            assertThat(rows.get(3).getCell(0).asString()).isEqualTo("'+1 Plumbing");
            assertThat(rows.get(3).getOptionalCell(3).filter(c -> c.getType() != CellType.EMPTY))
                    .as("NaN is no value")
                    .isEmpty();

            assertThat(rows.get(4).getCell(0).asString()).isEqualTo("Total");
        }
        String sheetXml = zipEntry(xlsx, "xl/worksheets/sheet2.xml");
        assertThat(sheetXml).contains("state=\"frozen\"").contains("ySplit=\"1\"");
        assertThat(zipEntry(xlsx, "xl/workbook.xml")).contains("_xlnm._FilterDatabase");
    }

    private static String zipEntry(Path zip, String entry) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return new String(z.getInputStream(z.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void csvHasPlainValuesUnitsInTheHeaderAndNeutralisedText(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("customers.csv");
        Exports.write(report(), csv, OPTIONS);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines)
                .containsExactly(
                        "Customer,Jobs (jobs),Revenue (EUR),Share (%),Since,Visit (min)",
                        POLISH + ",12,12345.68,25.34,2023-02-01,95",
                        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,-50,5,2024-11-30,40",
                        "'+1 Plumbing,0,0,,,",
                        "Total,15,12295.68,30.34,,");
    }

    @Test
    void aCsvOfANamedTableAndAnUnknownOneOrFormat(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("named.csv");
        Exports.write(report(), csv, OPTIONS.withTable("customers"));
        assertThat(csv).exists();
        Path other = dir.resolve("other.csv");
        assertThatThrownBy(() -> Exports.write(report(), other, OPTIONS.withTable("deals")))
                .hasMessage("The Customers of Łódź report has no table \"deals\"; its tables are customers.");
        assertThat(other).doesNotExist();
        assertThatThrownBy(() -> Exports.write(report(), dir.resolve("x.docx"), OPTIONS))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("does not end in .pdf, .xlsx or .csv");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("named.csv");
        }
    }

    @Test
    void aFailingWriteLeavesNoFile(@TempDir Path dir) {
        Report broken = Report.builder("broken", "Broken", new AsOf(LocalDate.of(2025, 1, 1), false))
                .table(new ReportTable<>(
                        "t",
                        "T",
                        List.<Column<String>>of(Column.text("x", "X", "", s -> {
                            throw new IllegalStateException("boom");
                        })),
                        List.of("a")))
                .build();
        for (String name : List.of("b.pdf", "b.xlsx", "b.csv")) {
            assertThatThrownBy(() -> Exports.write(broken, dir.resolve(name), OPTIONS))
                    .hasMessage("boom");
        }
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void valuesReadTheSameInEveryTextRendering() {
        assertThat(ValueText.cell(ColumnType.MONEY, -0.004, 2)).isEqualTo("0.00");
        assertThat(ValueText.cell(ColumnType.MONEY, 1234.5, 0)).isEqualTo("1,235");
        assertThat(ValueText.cell(ColumnType.INTEGER, 2957, 0)).isEqualTo("2,957");
        assertThat(ValueText.cell(ColumnType.PERCENT, new Marked(0.5, "*"), 0)).isEqualTo("50%*");
        assertThat(ValueText.cell(ColumnType.DECIMAL, Double.NaN, 2)).isEqualTo("–");
        assertThat(ValueText.cell(ColumnType.TEXT, null, 0)).isEmpty();
        assertThat(ValueText.duration(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
        assertThat(XlsxReport.sheetName("A/B: [c]?", new java.util.HashSet<>())).isEqualTo("A B   c");
        java.util.Set<String> taken = new java.util.HashSet<>();
        assertThat(XlsxReport.sheetName("x".repeat(40), taken)).hasSize(31);
        assertThat(XlsxReport.sheetName("x".repeat(40), taken)).isEqualTo("x".repeat(29) + " 2");
    }

    @Test
    void aChartSavesAsASharpPngAndAnSvgOfVectorsAndNothingElse(@TempDir Path dir) throws IOException {
        org.jfree.chart.JFreeChart chart = report().charts().getFirst().chart().get();
        Path png = dir.resolve("jobs.png");
        ChartFiles.write(chart, png);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * ChartFiles.WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * ChartFiles.HEIGHT);
        Path svg = dir.resolve("jobs.svg");
        ChartFiles.write(chart, svg);
        String xml = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(xml).contains("<svg").contains("Month").doesNotContain("<image");
        assertThatThrownBy(() -> ChartFiles.write(chart, dir.resolve("jobs.gif")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("does not end in .png or .svg");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("jobs.png", "jobs.svg");
    }
}
