package quant.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as a PDF document: the title, as-of date and spec in words at the top of every page, the
 * key figures, every chart as vectors, every table with its header repeated on each page (total row
 * in bold), the notes, and the definitions at the end. Pages are landscape, for wide tables and
 * charts.
 */
public final class PdfReport {
    /** Rows of a table a document holds; a longer table says so and points to XLSX or CSV. */
    public static final int MAX_ROWS = 500;

    private static final float CHART_HEIGHT = 250;
    private static final float MAX_TEXT_COLUMN = 220;
    private static final int WIDTH_SAMPLE = 500;

    private PdfReport() {}

    /** Writes {@code report} to {@code out}. */
    public static void write(Report report, ExportOptions options, OutputStream out) throws IOException {
        List<String> running = new ArrayList<>();
        running.add(report.asOf() == null ? report.title() : report.title() + " · " + report.asOfWords());
        if (!report.spec().isEmpty()) {
            running.add(String.join(" · ", report.spec()));
        }
        try (PdfSheet sheet = new PdfSheet(report.title(), options.paper(), true, running)) {
            sheet.heading(report.title());
            if (report.asOf() != null) {
                sheet.text("As of " + report.asOf().describe() + ".");
            }
            for (String line : report.spec()) {
                sheet.text(line);
            }
            sheet.figures(figures(report.figures(), options.currency()));
            for (ReportChart c : report.charts()) {
                sheet.chart(c.title(), c.chart().get(), CHART_HEIGHT);
            }
            for (ReportTable<?> t : report.tables()) {
                if (t.printed()) {
                    table(sheet, t, options.currency(), MAX_ROWS, "export to XLSX or CSV for all of them");
                }
            }
            if (!report.notes().isEmpty()) {
                sheet.subheading("Notes");
                report.notes().forEach(sheet::text);
            }
            if (!report.definitions().isEmpty()) {
                sheet.heading("Definitions", 20);
                definitions(report).forEach(sheet::small);
            }
            sheet.save(out);
        }
    }

    /** Key figures as boxes: a warning or critical one with a warm border and its status in words. */
    public static List<PdfSheet.Figure> figures(List<KeyFigure> figures, String currency) {
        return figures.stream()
                .map(f -> {
                    boolean warn = f.status() == Status.WARNING || f.status() == Status.CRITICAL;
                    String detail = warn
                            ? Character.toUpperCase(f.status().words().charAt(0))
                                    + f.status().words().substring(1)
                                    + (f.detail().isEmpty() ? "" : ": " + f.detail())
                            : f.detail();
                    return new PdfSheet.Figure(f.label(), ValueText.figure(f, currency), detail, warn);
                })
                .toList();
    }

    /** The definitions of a report: its own sentences, then what each printed table's columns mean. */
    public static List<String> definitions(Report report) {
        List<String> out = new ArrayList<>(report.definitions());
        for (ReportTable<?> t : report.tables()) {
            if (!t.printed()) {
                continue;
            }
            for (Column<?> c : t.columns()) {
                if (!c.description().isEmpty()) {
                    out.add(t.title() + " — " + c.title() + ": " + c.description());
                }
            }
        }
        return out;
    }

    /**
     * Writes table {@code t} under its title: at most {@code maxRows} rows, then (when there are more) a
     * line saying so and {@code forAll} — where to find them all. A column keyed {@code status} is drawn
     * as a status column.
     */
    public static <T> void table(PdfSheet sheet, ReportTable<T> t, String currency, int maxRows, String forAll) {
        table(sheet, t, currency, maxRows, forAll, true);
    }

    /** {@link #table}, under its title only when {@code titled} (a section already named by it need not). */
    public static <T> void table(
            PdfSheet sheet, ReportTable<T> t, String currency, int maxRows, String forAll, boolean titled) {
        if (titled) {
            sheet.subheading(t.title());
        }
        if (t.rows().isEmpty()) {
            sheet.text("No rows.");
            return;
        }
        List<T> rows = t.rows().size() > maxRows ? t.rows().subList(0, maxRows) : t.rows();
        List<List<String>> cells = new ArrayList<>(rows.size() + 1);
        for (T row : rows) {
            cells.add(text(t, row));
        }
        if (t.total() != null) {
            cells.add(text(t, t.total()));
        }
        List<PdfSheet.Column> columns = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            Column<T> c = t.columns().get(i);
            int col = i;
            List<String> sample = cells.subList(0, Math.min(cells.size(), WIDTH_SAMPLE)).stream()
                    .map(r -> r.get(col))
                    .toList();
            if (t.total() != null && cells.size() > WIDTH_SAMPLE) {
                sample = new ArrayList<>(sample);
                sample.add(cells.getLast().get(col));
            }
            String header = ValueText.header(c, currency);
            boolean status = c.key().equals("status");
            float w =
                    sheet.columnWidth(header, sample, c.type().isNumeric() ? 140 : MAX_TEXT_COLUMN) + (status ? 10 : 0);
            columns.add(new PdfSheet.Column(
                    header,
                    w,
                    c.type().isNumeric() || c.type() == ColumnType.DURATION,
                    c.key().equals("status")));
        }
        sheet.table(columns, cells, t.total() != null);
        if (t.rows().size() > maxRows) {
            sheet.small(
                    "The first %,d of %,d rows; %s.".formatted(maxRows, t.rows().size(), forAll));
        }
    }

    private static <T> List<String> text(ReportTable<T> t, T row) {
        List<String> out = new ArrayList<>(t.columns().size());
        for (Column<T> c : t.columns()) {
            out.add(ValueText.of(c, row));
        }
        return out;
    }
}
