package quant.core.report.pack;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import quant.core.report.PdfContents;
import quant.core.report.PdfReport;
import quant.core.report.PdfSheet;
import quant.core.report.PdfText;
import quant.core.report.Report;
import quant.core.report.ReportChart;
import quant.core.report.ReportTable;

/**
 * A report pack as a PDF document for reading on paper: a cover with the logo, title, company, period
 * and as-of date; a table of contents whose lines link to their pages; each chapter on a new page as a
 * bookmark with its sections nested under it; in each section the key figures, the charts as vectors
 * and the tables cut to the definition's rows (their header repeated on each page, KPI status as a
 * coloured dot and a word); a running header with the period and the customer filter, a footer with
 * "page n of m"; and the definitions of every figure at the end. The text is Liberation Sans, embedded,
 * and can be selected and searched.
 */
public final class PackPdf {
    private static final float CHART_HEIGHT = 235;

    private PackPdf() {}

    public static void write(Pack pack, OutputStream out) throws IOException {
        PackStyle style = pack.style();
        try (PdfSheet sheet = new PdfSheet(style.title(), style.paper(), style.landscape(), pack.runningHeader())) {
            sheet.accent(style.accent());
            if (style.cover()) {
                cover(sheet, pack);
            }
            String chapter = "";
            for (Pack.Section s : pack.sections()) {
                if (!s.chapter().isEmpty() && !s.chapter().equals(chapter)) {
                    sheet.chapter(s.chapter());
                }
                chapter = s.chapter();
                section(sheet, pack, s);
            }
            if (style.definitions()) {
                definitions(sheet, pack);
            }
            if (style.contents()) {
                PdfContents.insert(sheet, "Contents", style.cover() ? 1 : 0, sheet.marks());
            }
            sheet.save(out);
        }
    }

    private static void section(PdfSheet sheet, Pack pack, Pack.Section s) {
        sheet.heading(s.title(), s.ran() && !s.report().charts().isEmpty() ? 200 : 60);
        if (!s.intro().isEmpty()) {
            sheet.text(s.intro());
        }
        if (!s.ran()) {
            sheet.text(s.problem());
            return;
        }
        Report r = s.report();
        sheet.figures(PdfReport.figures(r.figures(), pack.currency()));
        // on a wide page two charts share a row
        int perRow = sheet.width() > 600 ? 2 : 1;
        List<ReportChart> charts = r.charts();
        for (int i = 0; i < charts.size(); i += perRow) {
            List<ReportChart> row = charts.subList(i, Math.min(charts.size(), i + perRow));
            if (row.size() == 1) {
                sheet.chart(row.getFirst().title(), row.getFirst().chart().get(), CHART_HEIGHT);
            } else {
                sheet.charts(
                        row.stream().map(ReportChart::title).toList(),
                        row.stream().map(c -> c.chart().get()).toList(),
                        CHART_HEIGHT);
            }
        }
        boolean printed = false;
        for (ReportTable<?> t : r.tables()) {
            if (t.printed()) {
                PdfReport.table(
                        sheet,
                        t,
                        pack.currency(),
                        s.rows(),
                        "the workbook (--xlsx) holds them all",
                        !t.title().equalsIgnoreCase(s.title()));
                printed = true;
            }
        }
        if (!r.notes().isEmpty()) {
            // a section of sentences only (the summary) reads as paragraphs; elsewhere they are notes
            if (printed || !r.figures().isEmpty() || !r.charts().isEmpty()) {
                r.notes().forEach(sheet::small);
            } else {
                r.notes().forEach(sheet::text);
            }
        }
    }

    private static void definitions(PdfSheet sheet, Pack pack) {
        boolean any = pack.sections().stream()
                .anyMatch(s -> s.ran() && !PdfReport.definitions(s.report()).isEmpty());
        if (!any) {
            return;
        }
        sheet.chapter("Definitions");
        sheet.columns(sheet.width() > 600 ? 3 : 2);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Pack.Section s : pack.sections()) {
            if (!s.ran()) {
                continue;
            }
            List<String> lines =
                    PdfReport.definitions(s.report()).stream().filter(seen::add).toList();
            if (!lines.isEmpty()) {
                sheet.subheading(s.title());
                lines.forEach(sheet::small);
            }
        }
        sheet.columns(1);
    }

    private static void cover(PdfSheet sheet, Pack pack) {
        PackStyle style = pack.style();
        PDPageContentStream page = sheet.plainPage();
        PdfText text = sheet.text();
        PDRectangle size = sheet.pageSize();
        float margin = 56;
        float width = size.getWidth() - 2 * margin;
        try {
            page.setNonStrokingColor(style.accent());
            page.addRect(0, size.getHeight() - 18, size.getWidth(), 18);
            page.addRect(0, 0, size.getWidth(), 10);
            page.fill();
            if (style.logo() != null) {
                style.logo().draw(sheet.document(), page, margin, size.getHeight() - 60 - 80, 220, 80);
            }
            float y = size.getHeight() * 0.56f;
            if (!style.company().isEmpty()) {
                page.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                text.write(page, false, 15, margin, y, text.fit(false, 15, style.company(), width), 0.35f);
                y -= 40;
            }
            page.setNonStrokingColor(0f, 0f, 0f);
            for (String line : text.wrap(style.title(), 30, width)) {
                text.write(page, true, 30, margin, y, line, 0f);
                y -= 36;
            }
            page.setNonStrokingColor(style.accent());
            text.write(page, false, 18, margin, y - 4, "Period " + pack.period(), 0f);
            y -= 40;
            page.setStrokingColor(style.accent());
            page.setLineWidth(2);
            page.moveTo(margin, y);
            page.lineTo(margin + 90, y);
            page.stroke();
            y -= 24;
            page.setNonStrokingColor(0.3f, 0.3f, 0.3f);
            for (String line : List.of(
                    pack.from() + " to " + pack.to(),
                    "Figures as of " + pack.asOf().describe(),
                    "Customers: " + pack.filters())) {
                for (String wrapped : text.wrap(line, 11, width)) {
                    text.write(page, false, 11, margin, y, wrapped, 0.3f);
                    y -= 16;
                }
            }
            page.setNonStrokingColor(new Color(0x6b7280));
            text.write(
                    page,
                    false,
                    8,
                    margin,
                    30,
                    "Computed by Quant Workbench from the company's own data"
                            + (style.definitions() ? "; the definitions of every figure are at the end." : "."),
                    0.42f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
