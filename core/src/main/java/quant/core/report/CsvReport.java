package quant.core.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import quant.core.io.SpreadsheetText;

/**
 * One table of a report as CSV (RFC 4180, UTF-8, CRLF): a header with each column's unit, then plain
 * values a spreadsheet or script reads as numbers — no thousands separators, a point for decimals,
 * money to the cent, percentages as percent (52.63 for 52.63 %), dates in ISO form, durations in
 * minutes. Text goes through {@link SpreadsheetText#neutralise}. Marks such as "*" are dropped.
 */
public final class CsvReport {
    private CsvReport() {}

    /** Writes the table {@code options.table()} of {@code report}, or its first table. */
    public static void write(Report report, ExportOptions options, OutputStream out) throws IOException {
        if (report.tables().isEmpty()) {
            throw new IllegalArgumentException("The " + report.title() + " report has no table to write as CSV.");
        }
        ReportTable<?> t = options.table() == null ? report.tables().getFirst() : report.table(options.table());
        write(t, options.currency(), out);
    }

    public static <T> void write(ReportTable<T> t, String currency, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(w)) {
            List<String> header = new ArrayList<>();
            for (Column<T> c : t.columns()) {
                String unit = c.type() == ColumnType.DURATION ? "min" : ValueText.unit(c.type(), c.unit(), currency);
                header.add(SpreadsheetText.neutralise(unit.isEmpty() ? c.title() : c.title() + " (" + unit + ")"));
            }
            csv.writeRecord(header);
            for (T row : t.rows()) {
                csv.writeRecord(values(t, row));
            }
            if (t.total() != null) {
                csv.writeRecord(values(t, t.total()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static <T> List<String> values(ReportTable<T> t, T row) {
        List<String> out = new ArrayList<>(t.columns().size());
        for (Column<T> c : t.columns()) {
            out.add(value(c.type(), Marked.plain(c.cell(row)), c.digits()));
        }
        return out;
    }

    /** A value as CSV holds it. */
    static String value(ColumnType type, Object v, int digits) {
        if (v == null) {
            return "";
        }
        return switch (type) {
            case INTEGER -> v instanceof Number n ? Long.toString(Math.round(n.doubleValue())) : text(v);
            case MONEY -> decimal(v, 2);
            case DECIMAL -> decimal(v, Math.max(digits, 4));
            case PERCENT -> v instanceof Number n ? decimal(100 * n.doubleValue(), digits + 1) : text(v);
            case DATE -> v.toString();
            case DURATION -> v instanceof Duration d ? decimal(d.toSeconds() / 60.0, 1) : text(v);
            case TEXT -> text(v);
        };
    }

    private static String decimal(Object v, int scale) {
        if (!(v instanceof Number n)) {
            return text(v);
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return "";
        }
        BigDecimal b =
                BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    private static String text(Object v) {
        return SpreadsheetText.neutralise(v.toString());
    }
}
