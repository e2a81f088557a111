package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.core.store.Store;

/**
 * Every analysis command's {@code --out}: the PDF holds the figures and rows its {@code --json} has, as
 * selectable text with vector charts; the XLSX has typed cells; the CSV is the main table; names that
 * look like formulas are neutralised and names in other scripts print. The first page of each PDF is
 * saved under {@code target/export-pdf/} to look at.
 */
class ExportCliTest {
    static final String HOSTILE = "=HYPERLINK(\"http://x\",\"y\")";
    static final String POLISH = "Łukasz Őri-Şahin";

    @TempDir
    static Path dir;

    static SampleDb sample;

    @BeforeAll
    static void loadAndRename() throws Exception {
        sample = SampleDb.load(dir);
        // the two customers of the highest future value take the names every format must carry right
        JsonNode clv = sample.json("clv");
        long first = clv.get("customerValues").get(0).get("id").asLong();
        long second = clv.get("customerValues").get(1).get("id").asLong();
        try (Store store = Store.openExisting(Path.of(sample.path()))) {
            store.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE customer SET name = ? WHERE id = ?")) {
                    st.setString(1, POLISH);
                    st.setLong(2, first);
                    st.executeUpdate();
                    st.setString(1, HOSTILE);
                    st.setLong(2, second);
                    st.executeUpdate();
                }
                Store.bumpDataVersion(c);
                return null;
            });
        }
    }

    /** Runs the command with --json, then again writing PDF, XLSX and CSV; the JSON and the files' base. */
    static Written export(String name, String... args) throws Exception {
        JsonNode json = sample.json(args);
        Path base = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of("--db", sample.path()));
        all.addAll(List.of(args));
        for (String ext : List.of(".pdf", ".xlsx", ".csv")) {
            all.add("--out");
            all.add(base + ext);
        }
        InProcessQuant.Run run = InProcessQuant.quant(all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("quant: wrote " + base + ".pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(Path.of(base + ".pdf").toFile())) {
            text = new PDFTextStripper().getText(doc);
            for (PDPage page : doc.getPages()) {
                for (COSName x : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().getXObject(x))
                            .as("charts are drawn as vectors")
                            .isNotInstanceOf(PDImageXObject.class);
                }
            }
            Path png = Path.of("target", "export-pdf", name + "-page1.png");
            Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png", png.toFile());
        }
        List<String> csv = Files.readAllLines(Path.of(base + ".csv"), StandardCharsets.UTF_8);
        assertThat(csv).isNotEmpty();
        return new Written(json, text, Path.of(base + ".xlsx"), csv);
    }

    record Written(JsonNode json, String pdf, Path xlsx, List<String> csv) {
        List<Sheet> sheets() throws IOException {
            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
                return wb.getSheets().toList();
            }
        }

        List<Row> rows(int sheet) throws IOException {
            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
                return wb.getSheets().toList().get(sheet).read();
            }
        }
    }

    static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    @Test
    void cohorts() throws Exception {
        Written w = export("cohorts", "cohort");
        JsonNode first = w.json().get("cohorts").get(0);
        assertThat(w.pdf())
                .contains("Cohort retention")
                .contains(String.format(
                        Locale.ROOT, "%,d", w.json().get("customers").asInt()))
                .contains(first.get("label").asText());
        assertThat(w.csv().getFirst()).startsWith("Cohort,Start,Size (customers),Age 0 (%),Age 1 (%)");
        assertThat(w.csv().get(1))
                .startsWith(first.get("label").asText() + ","
                        + first.get("start").asText() + "," + first.get("size").asInt() + ",");
        Row row = w.rows(1).get(1);
        assertThat(row.getCell(2).getType()).isEqualTo(CellType.NUMBER);
        assertThat(row.getCell(2).asNumber().intValue())
                .isEqualTo(first.get("size").asInt());
        assertThat(row.getCell(3).asNumber().doubleValue())
                .isEqualTo(first.get("cells").get(0).get("activeShare").asDouble());
    }

    @Test
    void lifetimeValueCarriesEveryNameRightInEveryFormat() throws Exception {
        Written w = export("clv", "clv");
        assertThat(w.pdf())
                .contains("Customer lifetime value")
                .contains(POLISH)
                .contains(HOSTILE)
                .contains(whole(w.json().get("customerValues").get(0).get("clv").asDouble()));
        assertThat(w.csv().get(1)).startsWith(POLISH + ",");
        assertThat(w.csv().get(2)).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
        List<Row> customers = w.rows(1);
        assertThat(customers.get(1).getCell(0).asString()).isEqualTo(POLISH);
        assertThat(customers.get(2).getCell(0).asString()).isEqualTo("'" + HOSTILE);
        assertThat(customers.get(1).getCell(3).getType()).isEqualTo(CellType.NUMBER);
        assertThat(customers.get(1).getCell(5).getType())
                .as("last purchase is a date")
                .isEqualTo(CellType.NUMBER);
        assertThat(customers.get(1).getCell(5).asDate().toLocalDate().toString())
                .isEqualTo(w.json()
                        .get("customerValues")
                        .get(0)
                        .get("lastPurchase")
                        .asText());
        assertThat(customers).hasSize(w.json().get("customerValues").size() + 1);
    }

    @Test
    void churnRisk() throws Exception {
        Written w = export("churn-risk", "churn", "risk");
        JsonNode first = w.json().get("customers").get(0);
        assertThat(w.pdf())
                .contains(String.format(
                        Locale.ROOT, "%,d", w.json().get("activeCustomers").asInt()))
                .contains(first.get("name").asText())
                .contains(whole(first.get("valueAtRisk").asDouble()));
        assertThat(w.csv().getFirst()).startsWith("Customer,Churn (%),Risk,Value at risk (USD)");
    }

    @Test
    void segments() throws Exception {
        Written w = export("segments", "segments");
        assertThat(w.pdf())
                .contains(String.format(
                        Locale.ROOT, "%,d", w.json().get("customers").asInt()))
                .contains(w.json().get("segments").get(0).get("name").asText());
        assertThat(w.sheets())
                .extracting(Sheet::getName)
                .containsExactly("Summary", "RFM segments", "Clusters", "Customers");
    }

    @Test
    void forecastsCarryTheirBoundsAndBacktests() throws Exception {
        Written demand = export("demand", "forecast", "demand");
        assertThat(demand.pdf())
                .contains("Demand and capacity")
                .contains(demand.json().get("lines").get(0).get("name").asText())
                .contains("Backtest of the methods");
        Written revenue = export("revenue", "forecast", "revenue");
        assertThat(revenue.pdf())
                .contains(whole(revenue.json()
                        .get("windows")
                        .get(0)
                        .get("total")
                        .get("mean")
                        .asDouble()));
        Written cash = export("cash-flow", "forecast", "cashflow");
        assertThat(cash.pdf())
                .contains(whole(cash.json().get("openInvoices").get("doubtful").asDouble()));
    }

    @Test
    void savedForecasts() throws Exception {
        sample.json("forecast", "revenue", "--save", "--as-of", "2025-06-30");
        Written w = export("saved", "forecast", "saved");
        assertThat(w.pdf()).contains("Saved forecasts against what happened").contains("2025-06-30");
    }

    @Test
    void pipelineMarketingAndMarket() throws Exception {
        Written pipeline = export("pipeline", "pipeline");
        assertThat(pipeline.pdf())
                .contains(String.format(
                        Locale.ROOT,
                        "%.1f%%",
                        100 * pipeline.json().get("winRate").asDouble()))
                .contains(pipeline.json().get("openDeals").get(0).get("ref").asText());
        Written marketing = export("marketing", "marketing");
        assertThat(marketing.pdf())
                .contains(whole(marketing.json().get("total").get("spend").asDouble()));
        Written market = export("market", "market");
        assertThat(market.pdf()).contains("Market position");
    }

    @Test
    void routesAndRunSheets() throws Exception {
        Written day = export("route-day", "route", "day", "--date", "2025-07-01", "--seconds", "2");
        JsonNode route = day.json().get("plan").get("routes").get(0);
        assertThat(day.pdf()).contains(route.get("label").asText());
        assertThat(day.csv().getFirst()).startsWith("Technician,#,Job,Customer");
        Path sheets = dir.resolve("sheets.pdf");
        InProcessQuant.Run run = InProcessQuant.quant(
                "--db",
                sample.path(),
                "route",
                "day",
                "--date",
                "2025-07-01",
                "--seconds",
                "2",
                "--sheets",
                sheets.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(sheets.toFile())) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains(route.get("label").asText() + " — 2025-07-01");
        }
        Written month = export("route-month", "route", "month", "--month", "2025-06", "--seconds-per-day", "0.5");
        assertThat(month.pdf()).contains("Total");
    }

    @Test
    void anExportThatCannotBeWrittenIsRefusedWithOneSentenceAndWritesNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.pdf"));
        InProcessQuant.Run run = InProcessQuant.quant("--db", sample.path(), "cohort", "--out", folder.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("quant: --out names the folder " + folder + "; give a file name in it.");
        Path db = Path.of(sample.path() + ".mv.db");
        long size = Files.size(db);
        run = InProcessQuant.quant("--db", sample.path(), "cohort", "--out", db.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("does not end in .pdf, .xlsx or .csv");
        assertThat(Files.size(db)).isEqualTo(size);
        run = InProcessQuant.quant(
                "--db", sample.path(), "cohort", "--out", dir.resolve("a.csv").toString(), "--table", "nope");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("has no table \"nope\"; its tables are cohorts, average, cells.");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("a.csv");
        }
        run = InProcessQuant.quant(
                "--db",
                sample.path(),
                "cohort",
                "--out",
                dir.resolve("cells.csv").toString(),
                "--table",
                "cells");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("cells.csv")).getFirst())
                .startsWith("Cohort,Size (customers),Age (periods),Period");
    }

    @Test
    void everyRegisteredAnalysisReportsByNameWithItsDefaults() throws Exception {
        InProcessQuant.Run list = InProcessQuant.quant("--db", sample.path(), "report", "--list");
        assertThat(list.code()).as(list.err()).isZero();
        for (quant.core.catalog.AnalysisCatalog.Entry e : quant.core.catalog.AnalysisCatalog.ENTRIES) {
            assertThat(list.out()).contains(e.id());
            Path pdf = dir.resolve("report-" + e.id() + ".pdf");
            InProcessQuant.Run run =
                    InProcessQuant.quant("--db", sample.path(), "report", e.id(), "--out", pdf.toString());
            assertThat(run.code()).as(e.id() + ": " + run.err()).isZero();
            assertThat(run.out()).as(e.id()).startsWith(e.title());
            assertThat(run.out()).as(e.id()).contains(", as of 2025-12-31 (last activity in the data)");
            assertThat(pdf).exists();
        }
        InProcessQuant.Run unknown = InProcessQuant.quant("--db", sample.path(), "report", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no analysis \"nope\"; the analyses are cohorts, lifetime-value,");
    }
}
