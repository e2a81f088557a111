package quant.core.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as plain text for a terminal: the title and as-of date, the spec, the key figures, each
 * table in aligned columns (numbers right) with its unit in the header, the notes. Definitions are
 * left to {@code --json} and the documents.
 */
public final class TextReport {
    private TextReport() {}

    /** Writes the whole report. */
    public static void write(Report r, String currency, PrintWriter out) {
        out.println(r.title() + ", as of " + r.asOf().describe());
        r.spec().forEach(out::println);
        if (!r.figures().isEmpty()) {
            out.println();
            int w = r.figures().stream().mapToInt(f -> f.label().length()).max().orElse(0);
            for (KeyFigure f : r.figures()) {
                String value = ValueText.figure(f, currency);
                String status = f.status() == null || f.status() == Status.OK
                        ? ""
                        : " [" + f.status().words() + "]";
                String detail = f.detail().isEmpty() ? "" : "  (" + f.detail() + ")";
                out.printf("%-" + w + "s  %s%s%s%n", f.label(), value, status, detail);
            }
        }
        for (ReportTable<?> t : r.tables()) {
            out.println();
            out.println(t.title());
            table(t, currency, out);
        }
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(out::println);
        }
    }

    /** Writes one table in aligned columns. */
    public static <T> void table(ReportTable<T> t, String currency, PrintWriter out) {
        if (t.rows().isEmpty()) {
            out.println("No rows.");
            return;
        }
        List<Column<T>> cols = t.columns();
        List<List<String>> rows = new ArrayList<>();
        for (T row : t.rows()) {
            rows.add(cols.stream().map(c -> ValueText.of(c, row)).toList());
        }
        if (t.total() != null) {
            rows.add(cols.stream().map(c -> ValueText.of(c, t.total())).toList());
        }
        int[] width = new int[cols.size()];
        List<String> header = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
            header.add(ValueText.header(cols.get(c), currency));
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        line(out, cols, width, header);
        for (List<String> row : rows) {
            line(out, cols, width, row);
        }
    }

    private static void line(PrintWriter out, List<? extends Column<?>> cols, int[] width, List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) {
                b.append("  ");
            }
            boolean right = cols.get(c).type().isNumeric() || cols.get(c).type() == ColumnType.DURATION;
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            b.append(right ? pad + cell : cell + (c == cols.size() - 1 ? "" : pad));
        }
        out.println(b);
    }
}
