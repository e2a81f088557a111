package quant.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.app.InProcessQuant;
import quant.core.store.Store;

/**
 * {@code quant report --definition} on the sample company: the board pack's PDF holds the KPI values and
 * every section figure of the same run's {@code --json} as text, its bookmarks and contents match its
 * sections, its pages are saved as PNG under {@code target/pack/} to look at; the workbook and the
 * slides read back; a section that cannot run says so; a database another program holds still gives
 * the pack.
 */
class ReportPackCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "pack");

    @TempDir
    static Path dir;

    static SampleDb sample;
    static JsonNode board;
    static Path pdf;
    static Path xlsx;
    static Path pptx;

    @BeforeAll
    static void writeTheBoardPack() throws Exception {
        sample = SampleDb.load(dir);
        pdf = dir.resolve("board.pdf");
        xlsx = dir.resolve("board.xlsx");
        pptx = dir.resolve("board.pptx");
        InProcessQuant.Run run = InProcessQuant.quant(
                "--db",
                sample.path(),
                "report",
                "--definition",
                "board",
                "--out",
                pdf.toString(),
                "--xlsx",
                xlsx.toString(),
                "--pptx",
                pptx.toString(),
                "--json");
        assertThat(run.code()).as(run.err()).isZero();
        board = JSON.readTree(run.out());
        Files.createDirectories(SHOTS);
    }

    static String text(Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfHoldsTheKpisAndEveryFigureOfTheSameRun() throws Exception {
        assertThat(board.get("period").asText()).isEqualTo("2025-12");
        assertThat(board.get("asOf").asText()).isEqualTo("2025-12-31");
        String text = text(pdf).replace('\n', ' ');
        assertThat(board.get("kpis")).hasSize(21);
        for (JsonNode k : board.get("kpis")) {
            assertThat(text)
                    .contains(k.get("kpi").asText() + " " + k.get("value").asText());
            assertThat(text).contains(k.get("target").asText());
        }
        assertThat(text).contains("on track").contains("warning");
        int figures = 0;
        for (JsonNode s : board.get("sections")) {
            assertThat(s.get("ran").asBoolean()).as(s.get("title").asText()).isTrue();
            assertThat(text).contains(s.get("title").asText());
            for (JsonNode f : s.get("figures")) {
                assertThat(text)
                        .as(f.get("label").asText())
                        .contains(f.get("text").asText());
                figures++;
            }
        }
        assertThat(figures).isGreaterThan(60);
        assertThat(text)
                .contains("Monthly board pack")
                .contains("Period 2025-12")
                .contains("Definitions");
    }

    @Test
    void bookmarksAndContentsMatchTheSections() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> chapters = new ArrayList<>();
            List<String> sections = new ArrayList<>();
            String contents = pageText(doc, 2);
            for (PDOutlineItem c : doc.getDocumentCatalog().getDocumentOutline().children()) {
                chapters.add(c.getTitle());
                for (PDOutlineItem s : c.children()) {
                    sections.add(s.getTitle());
                    int page = doc.getPages().indexOf(((PDPageDestination) s.getDestination()).getPage()) + 1;
                    // the contents line names the section and the page its bookmark opens
                    assertThat(contents).containsPattern(java.util.regex.Pattern.quote(s.getTitle()) + "\\s+" + page);
                    assertThat(pageText(doc, page)).contains(s.getTitle());
                }
            }
            assertThat(chapters)
                    .containsExactly(
                            "Executive summary",
                            "Finance",
                            "Operations",
                            "Customers",
                            "Sales and marketing",
                            "Market position",
                            "Forecasts",
                            "Definitions");
            List<String> titles = new ArrayList<>();
            board.get("sections").forEach(s -> titles.add(s.get("title").asText()));
            assertThat(sections).isEqualTo(titles);
            int n = doc.getNumberOfPages();
            assertThat(pageText(doc, 3)).contains("page 3 of " + n).contains("Customers: all customers");
            // the cover has no running header or footer
            assertThat(pageText(doc, 1)).doesNotContain("page 1 of");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < n; i++) {
                ImageIO.write(
                        renderer.renderImageWithDPI(i, 60),
                        "png",
                        SHOTS.resolve("board-" + (i + 1) + ".png").toFile());
            }
        }
        assertThat(Files.size(pdf)).isLessThan(2L * 1024 * 1024);
    }

    static String pageText(PDDocument doc, int page) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    @Test
    void theWorkbookHasTheKpiSheetFirstWithNumbers() throws Exception {
        JsonNode kpi = sample.json("kpi");
        double revenue = 0;
        for (JsonNode k : kpi.get("kpis")) {
            if (k.get("id").asText().equals("revenue")) {
                revenue = k.get("value").asDouble();
            }
        }
        try (InputStream in = Files.newInputStream(xlsx);
                ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets.getFirst().getName()).isEqualTo("KPIs");
            assertThat(sheets.get(1).getName()).isEqualTo("Key figures");
            assertThat(sheets.getLast().getName()).isEqualTo("About");
            List<Row> rows = sheets.getFirst().read();
            assertThat(rows).hasSize(22);
            assertThat(rows.get(1).getCellText(1)).isEqualTo("Revenue");
            assertThat(rows.get(1).getCell(3).asNumber().doubleValue())
                    .isCloseTo(revenue, org.assertj.core.api.Assertions.within(0.005));
            assertThat(sheets.stream().map(Sheet::getName))
                    .contains("Receivables - Aging", "Technicians - League table");
            int figures = sheets.get(1).read().size() - 1;
            int expected = 0;
            for (JsonNode s : board.get("sections")) {
                expected += s.get("figures").size();
            }
            assertThat(figures).isEqualTo(expected);
        }
    }

    @Test
    void theSlidesHaveATitleTheKpisAndOneSlidePerChart() throws Exception {
        try (InputStream in = Files.newInputStream(pptx);
                XMLSlideShow ppt = new XMLSlideShow(in)) {
            List<XSLFSlide> slides = ppt.getSlides();
            assertThat(text(slides.getFirst())).contains("Monthly board pack").contains("Period 2025-12");
            XSLFTable table = (XSLFTable) slides.get(1).getShapes().stream()
                    .filter(s -> s instanceof XSLFTable)
                    .findFirst()
                    .orElseThrow();
            assertThat(table.getNumberOfRows()).isEqualTo(22);
            assertThat(table.getCell(1, 0).getText()).isEqualTo("Revenue");
            List<XSLFSlide> charts = slides.subList(2, slides.size());
            assertThat(charts).isNotEmpty().allSatisfy(s -> {
                assertThat(s.getShapes()).anyMatch(x -> x instanceof XSLFPictureShape);
                assertThat(text(s)).contains("as of 2025-12-31");
            });
            assertThat(charts.stream().map(ReportPackCliTest::text)).anyMatch(t -> t.contains("Margins by month"));
        }
    }

    /**
     * LibreOffice Impress opens the slides: converted to PDF headless, one page per slide. Runs where
     * LibreOffice is installed (Debian: libreoffice-impress-nogui), skipped elsewhere.
     */
    @Test
    void theSlidesOpenInLibreOfficeImpress() throws Exception {
        java.util.Optional<Path> soffice = java.util.stream.Stream.of(
                        System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, "soffice"))
                .filter(Files::isExecutable)
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                soffice.isPresent(), "LibreOffice (soffice) is not installed: the slides were read back with POI only");
        Path out = Files.createDirectories(dir.resolve("impress"));
        Process p = new ProcessBuilder(
                        soffice.get().toString(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        out.toString(),
                        pptx.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as(log).isTrue();
        int slides;
        try (InputStream in = Files.newInputStream(pptx);
                XMLSlideShow ppt = new XMLSlideShow(in)) {
            slides = ppt.getSlides().size();
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("board.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).as(log).isEqualTo(slides);
            ImageIO.write(
                    new PDFRenderer(doc).renderImageWithDPI(1, 60),
                    "png",
                    SHOTS.resolve("impress-kpis.png").toFile());
            assertThat(pageText(doc, 2)).contains("KPIs against target").contains("Revenue");
        }
    }

    static String text(XSLFSlide slide) {
        StringBuilder b = new StringBuilder();
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFTextShape t) {
                b.append(t.getText()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void theOwnerSummaryIsOnePageAndTheWeeklyPackRuns() throws Exception {
        Path owner = dir.resolve("owner.pdf");
        InProcessQuant.Run run = InProcessQuant.quant(
                "--db", sample.path(), "report", "--definition", "owner-summary", "--out", owner.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(owner.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            ImageIO.write(
                    new PDFRenderer(doc).renderImageWithDPI(0, 80),
                    "png",
                    SHOTS.resolve("owner-summary.png").toFile());
        }
        Path weekly = dir.resolve("weekly.pdf");
        run = InProcessQuant.quant(
                "--db", sample.path(), "report", "--definition", "weekly-operations", "--out", weekly.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Weekly operations, period week 2025-W52 (2025-12-22 to 2025-12-28)");
        assertThat(text(weekly)).contains("Who to chase").contains("Customers to call");
    }

    @Test
    void aPeriodOfItsOwnAndMistakesInOneSentence() throws Exception {
        JsonNode q3 = sample.json("report", "--definition", "owner-summary", "--period", "quarter:2025-Q3");
        assertThat(q3.get("asOf").asText()).isEqualTo("2025-09-30");
        assertThat(q3.get("asOfFromData").asBoolean()).isFalse();
        InProcessQuant.Run later = InProcessQuant.quant(
                "--db", sample.path(), "report", "--definition", "board", "--period", "month:2026-02", "--json");
        assertThat(later.code()).isEqualTo(2);
        assertThat(later.err())
                .contains("The period 2026-02 begins on 2026-02-01, after the last activity in the data"
                        + " (2025-12-31); import newer data or choose an earlier period.");
        Path def = dir.resolve("mine.json");
        Files.writeString(
                def, "{\"title\": \"Mine\", \"sections\": [{\"analysis\": \"finance\", \"tables\": [\"month\"]}]}");
        Path out = dir.resolve("mine.pdf");
        InProcessQuant.Run wrong = InProcessQuant.quant(
                "--db", sample.path(), "report", "--definition", def.toString(), "--out", out.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err())
                .contains("The report definition mine, section 1 (finance), names the table \"month\","
                        + " which the analysis does not have; its tables are months, customers, seasonality.");
        assertThat(out).doesNotExist();
        InProcessQuant.Run pdfName = InProcessQuant.quant(
                "--db",
                sample.path(),
                "report",
                "--definition",
                "board",
                "--out",
                dir.resolve("x.xlsx").toString());
        assertThat(pdfName.code()).isEqualTo(2);
        assertThat(pdfName.err()).contains("--out writes a .pdf file");
    }

    @Test
    void aSectionThatCannotRunSaysSoAndTheRestIsWritten() throws Exception {
        Path copy = dir.resolve("nodeals.mv.db");
        Files.copy(Path.of(sample.path() + ".mv.db"), copy);
        try (Store store = Store.openExisting(copy)) {
            store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM deal_stage_history");
                    st.executeUpdate("DELETE FROM deal");
                }
                return null;
            });
        }
        Path out = dir.resolve("nodeals.pdf");
        InProcessQuant.Run run = InProcessQuant.quant(
                "--db", copy.toString(), "report", "--definition", "board", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("could not run")
                .contains(
                        "Sales pipeline: The database holds no deals yet: import a CRM export or the sample company.");
        assertThat(text(out)).contains("The database holds no deals yet").contains("Revenue and margins");
    }

    @Test
    void aDatabaseTheWindowHoldsStillGivesThePack() throws Exception {
        Path db = Path.of(sample.path() + ".mv.db");
        Path out = dir.resolve("held.pdf");
        try (FileChannel channel = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();
            InProcessQuant.Run run = InProcessQuant.quant(
                    "--db", sample.path(), "report", "--definition", "owner-summary", "--out", out.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err())
                    .contains("is open in another program; the pack is made from a copy of it as it is now");
        }
        assertThat(text(out)).contains("Owner's summary").contains("Revenue");
    }

    /**
     * docs/report-packs.md lists, for every analysis a section may name, exactly the figure, table and
     * chart keys its report has (keys with a placeholder in capitals, such as {@code jobs-LINE}, stand
     * for one key per service line, group or segment).
     */
    @Test
    void theDocsListEveryAnalysisWithItsKeys() throws Exception {
        String whole = Files.readString(Path.of("..", "docs", "report-packs.md"));
        int from = whole.indexOf("## Analyses and their keys");
        String doc = whole.substring(from, whole.indexOf("\n## ", from + 1));
        java.util.Map<String, String> rows = new java.util.HashMap<>();
        for (String line : doc.lines().toList()) {
            var m = java.util.regex.Pattern.compile("^\\| `([a-z-]+)` \\|(.*)$").matcher(line);
            if (m.find()) {
                rows.put(m.group(1), m.group(2));
            }
        }
        rows.remove("analysis"); // the header row
        StringBuilder json = new StringBuilder("{\"title\": \"All\", \"sections\": [");
        for (String id : quant.core.pack.PackAnalyses.ids()) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ", ")
                    .append("{\"analysis\": \"")
                    .append(id)
                    .append("\", \"tables\": \"all\"}");
        }
        quant.core.pack.PackDefinition all = quant.core.pack.PackDefinitions.parse(json + "]}", "all", "all", null);
        quant.core.report.pack.Pack pack;
        try (Store store = Store.openExisting(Path.of(sample.path()))) {
            pack = quant.core.pack.PackBuilder.build(
                    store, all, quant.core.pack.PackBuilder.Request.DEFAULT, quant.core.job.JobMonitor.NONE);
        }
        for (quant.core.report.pack.Pack.Section s : pack.sections()) {
            assertThat(s.ran()).as(s.analysis()).isTrue();
            String row = rows.get(s.analysis());
            assertThat(row).as("docs row for " + s.analysis()).isNotNull();
            String[] cells = row.split("\\|");
            var r = s.report();
            r.figures().forEach(f -> assertThat(documented(cells[0], f.key()))
                    .as(s.analysis() + " figure " + f.key())
                    .isTrue());
            r.tables().forEach(t -> assertThat(documented(cells[1], t.key()))
                    .as(s.analysis() + " table " + t.key())
                    .isTrue());
            r.charts().forEach(c -> assertThat(documented(cells[2], c.key()))
                    .as(s.analysis() + " chart " + c.key())
                    .isTrue());
            assertThat(count(cells[0]))
                    .as(s.analysis() + " figures")
                    .isEqualTo(r.figures().size());
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(quant.core.pack.PackAnalyses.ids());
    }

    private static boolean documented(String cell, String key) {
        var m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            String doc = m.group(1);
            String regex = java.util.regex.Pattern.quote(doc).replaceAll("[A-Z]{4,}", "\\\\E[A-Za-z0-9-]+\\\\Q");
            if (key.equals(doc) || key.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    private static int count(String cell) {
        return (int) java.util.regex.Pattern.compile("`([^`]+)`")
                .matcher(cell)
                .results()
                .count();
    }
}
