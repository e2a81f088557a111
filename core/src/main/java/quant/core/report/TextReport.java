package quant.core.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as plain text for a terminal — what every analysis command prints: the title and as-of
 * date, the spec, the key figures with their units and details, each table in aligned columns
 * (numbers right, the unit in the header) and the notes. A table longer than {@code maxRows} shows its
 * first rows and says how to get the rest; one wider than {@link #LINE_WIDTH} continues in further
 * blocks that repeat its first column. Long-form data tables are left to the files.
 */
public final class TextReport {
    /** The widest line a table is kept to. */
    public static final int LINE_WIDTH = 160;

    /** Rows of a table printed unless a command asks otherwise. */
    public static final int DEFAULT_ROWS = 20;

    private TextReport() {}

    /** Writes the whole report, each table cut to {@link #DEFAULT_ROWS}. */
    public static void write(Report r, String currency, PrintWriter out) {
        write(r, currency, out, DEFAULT_ROWS);
    }

    /** Writes the whole report, each table cut to {@code maxRows} rows (the total row is always shown). */
    public static void write(Report r, String currency, PrintWriter out, int maxRows) {
        out.println(r.heading());
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
            if (!t.printed()) {
                continue;
            }
            out.println();
            out.println(t.title());
            table(t, currency, out, maxRows);
        }
        if (!r.notes().isEmpty()) {
            out.println();
            r.notes().forEach(out::println);
        }
        out.flush();
    }

    /** Writes one table in aligned columns, every row. */
    public static <T> void table(ReportTable<T> t, String currency, PrintWriter out) {
        table(t, currency, out, Integer.MAX_VALUE);
    }

    /** Writes one table in aligned columns, its first {@code maxRows} rows and the total row. */
    public static <T> void table(ReportTable<T> t, String currency, PrintWriter out, int maxRows) {
        if (t.rows().isEmpty()) {
            out.println("No rows.");
            return;
        }
        List<Column<T>> cols = t.columns();
        List<T> shown = t.rows().size() > maxRows ? t.rows().subList(0, Math.max(0, maxRows)) : t.rows();
        List<List<String>> rows = new ArrayList<>();
        for (T row : shown) {
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
        List<List<Integer>> blocks = blocks(width);
        for (List<Integer> block : blocks) {
            if (blocks.size() > 1) {
                out.println("(" + header.get(block.get(1)) + " to " + header.get(block.getLast()) + ")");
            }
            line(out, cols, width, header, block);
            for (List<String> row : rows) {
                line(out, cols, width, row, block);
            }
        }
        if (shown.size() < t.rows().size()) {
            out.printf(
                    "… and %,d more rows: --out FILE.csv --table %s (or .xlsx) has them all.%n",
                    t.rows().size() - shown.size(), t.key());
        }
    }

    /** The column indexes of each block within the line width: the first column, then as many as fit. */
    private static List<List<Integer>> blocks(int[] width) {
        List<List<Integer>> blocks = new ArrayList<>();
        List<Integer> block = new ArrayList<>(List.of(0));
        int used = width[0];
        for (int c = 1; c < width.length; c++) {
            if (used + 2 + width[c] > LINE_WIDTH && block.size() > 1) {
                blocks.add(block);
                block = new ArrayList<>(List.of(0));
                used = width[0];
            }
            block.add(c);
            used += 2 + width[c];
        }
        blocks.add(block);
        return blocks;
    }

    private static void line(
            PrintWriter out, List<? extends Column<?>> cols, int[] width, List<String> cells, List<Integer> block) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < block.size(); i++) {
            int c = block.get(i);
            if (i > 0) {
                b.append("  ");
            }
            boolean right = cols.get(c).type().isNumeric() || cols.get(c).type() == ColumnType.DURATION;
            String cell = cells.get(c);
            String pad = " ".repeat(Math.max(0, width[c] - cell.length()));
            b.append(right ? pad + cell : cell + (i == block.size() - 1 ? "" : pad));
        }
        out.println(b.toString().stripTrailing());
    }
}
