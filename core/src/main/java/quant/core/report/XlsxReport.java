package quant.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import quant.core.io.SpreadsheetText;

/**
 * A report as an Excel workbook, streamed row by row (fastexcel) so a table of any length fits a
 * small heap: a first sheet with the title, as-of date, spec, key figures, notes and definitions; then
 * one sheet per table with typed cells — numbers as numbers with a number format, percentages as
 * fractions formatted as percent, dates as dates, durations as minutes — a bold, frozen header row
 * and an autofilter. Every text cell goes through {@link SpreadsheetText#neutralise}.
 */
public final class XlsxReport {
    /** Rows written between flushes of a sheet to the stream. */
    private static final int FLUSH_EVERY = 2_000;

    private XlsxReport() {}

    public static void write(Report report, ExportOptions options, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Quant Workbench", "1.0");
        Set<String> names = new HashSet<>();
        summary(wb.newWorksheet(sheetName("Summary", names)), report, options.currency());
        for (ReportTable<?> t : report.tables()) {
            table(wb.newWorksheet(sheetName(t.title(), names)), t, options.currency());
        }
        wb.finish();
    }

    /** A sheet name Excel accepts: at most 31 characters, none of {@code []:*?/\}, unique. */
    public static String sheetName(String title, Set<String> taken) {
        String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (base.isEmpty()) {
            base = "Sheet";
        }
        base = base.length() > 31 ? base.substring(0, 31).strip() : base;
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " " + n;
            name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        return name;
    }

    private static void summary(Worksheet ws, Report r, String currency) throws IOException {
        int row = 0;
        ws.value(row, 0, text(r.title()));
        ws.style(row, 0).bold().fontSize(14).set();
        row += 2;
        if (r.asOf() != null) {
            ws.value(row, 0, "As of");
            ws.value(row, 1, r.asOf().date());
            ws.style(row, 1).format("yyyy-mm-dd").horizontalAlignment("left").set();
            ws.value(row, 2, r.asOf().fromData() ? "last activity in the data" : "chosen");
            row++;
        }
        for (String line : r.spec()) {
            int colon = line.indexOf(": ");
            ws.value(row, 0, text(colon > 0 ? line.substring(0, colon) : line));
            if (colon > 0) {
                ws.value(row, 1, text(line.substring(colon + 2)));
            }
            row++;
        }
        if (!r.figures().isEmpty()) {
            row++;
            String[] head = {"Key figure", "Value", "Unit", "Status", "Detail"};
            for (int c = 0; c < head.length; c++) {
                ws.value(row, c, head[c]);
                ws.style(row, c).bold().set();
            }
            row++;
            for (KeyFigure f : r.figures()) {
                ws.value(row, 0, text(f.label()));
                cell(ws, row, 1, f.type(), f.value(), f.digits());
                ws.value(row, 2, text(ValueText.unit(f.type(), f.unit(), currency)));
                if (f.status() != null) {
                    ws.value(row, 3, f.status().words());
                }
                ws.value(row, 4, text(f.detail()));
                row++;
            }
        }
        row = lines(ws, row, "Notes", r.notes());
        lines(ws, row, "Definitions", r.definitions());
        ws.width(0, 28);
        ws.width(1, 18);
        ws.width(4, 60);
    }

    private static int lines(Worksheet ws, int row, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return row;
        }
        row++;
        ws.value(row, 0, title);
        ws.style(row, 0).bold().set();
        row++;
        for (String line : lines) {
            ws.value(row++, 0, text(line));
        }
        return row;
    }

    public static <T> void table(Worksheet ws, ReportTable<T> t, String currency) throws IOException {
        List<Column<T>> columns = t.columns();
        for (int c = 0; c < columns.size(); c++) {
            Column<T> col = columns.get(c);
            // a percentage cell shows its sign through its number format; a duration is in minutes
            String unit = col.type() == ColumnType.DURATION
                    ? "min"
                    : col.type() == ColumnType.PERCENT ? "" : ValueText.unit(col.type(), col.unit(), currency);
            ws.value(0, c, text(unit.isEmpty() ? col.title() : col.title() + " (" + unit + ")"));
            ws.style(0, c).bold().fillColor("E8EBEF").set();
            ws.width(c, width(col, unit));
        }
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, columns.size() - 1);
        int row = 1;
        for (T item : t.rows()) {
            write(ws, row++, columns, item, false);
            if (row % FLUSH_EVERY == 0) {
                ws.flush();
            }
        }
        if (t.total() != null) {
            write(ws, row, columns, t.total(), true);
        }
        ws.finish();
    }

    private static double width(Column<?> col, String unit) {
        int header = col.title().length() + (unit.isEmpty() ? 0 : unit.length() + 3);
        int content =
                switch (col.type()) {
                    case TEXT -> 24;
                    case DATE -> 11;
                    default -> 12;
                };
        return Math.min(60, Math.max(header + 2, content));
    }

    private static <T> void write(Worksheet ws, int row, List<Column<T>> columns, T item, boolean bold) {
        for (int c = 0; c < columns.size(); c++) {
            Column<T> col = columns.get(c);
            cell(ws, row, c, col.type(), Marked.plain(col.cell(item)), col.digits());
            if (bold) {
                ws.style(row, c).bold().format(format(col.type(), col.digits())).set();
            }
        }
    }

    public static void cell(Worksheet ws, int row, int col, ColumnType type, Object value, int digits) {
        value = Marked.plain(value);
        if (value == null) {
            return;
        }
        switch (type) {
            case INTEGER, DECIMAL, MONEY, PERCENT -> {
                if (value instanceof Number n) {
                    if (Double.isFinite(n.doubleValue())) {
                        ws.value(row, col, n);
                        String f = format(type, digits);
                        if (f != null) {
                            ws.style(row, col).format(f).set();
                        }
                    }
                } else {
                    ws.value(row, col, text(value.toString()));
                }
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    ws.value(row, col, d);
                    ws.style(row, col).format("yyyy-mm-dd").set();
                } else {
                    ws.value(row, col, text(value.toString()));
                }
            }
            case DURATION -> {
                if (value instanceof Duration d) {
                    ws.value(row, col, d.toSeconds() / 60.0);
                    ws.style(row, col).format("#,##0").set();
                } else {
                    ws.value(row, col, text(value.toString()));
                }
            }
            case TEXT -> ws.value(row, col, text(value.toString()));
        }
    }

    /** The Excel number format of a type at {@code digits} decimals. */
    static String format(ColumnType type, int digits) {
        String decimals = digits > 0 ? "." + "0".repeat(digits) : "";
        return switch (type) {
            case INTEGER -> "#,##0";
            case DECIMAL, MONEY -> "#,##0" + decimals;
            case PERCENT -> "0" + decimals + "%";
            case DATE -> "yyyy-mm-dd";
            case DURATION -> "#,##0";
            case TEXT -> null;
        };
    }

    static String text(String s) {
        return SpreadsheetText.neutralise(s);
    }
}
