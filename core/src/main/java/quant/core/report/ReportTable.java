package quant.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A table of a report: typed columns over rows of any type, read when rendered, so a table of
 * 180,000 customers costs no more than the result that holds them.
 *
 * @param key a stable name, lower case with dashes; the CLI's {@code --table} and the XLSX sheet use it
 * @param title what the table lists
 * @param columns in order
 * @param rows in order
 * @param total a row drawn last and in bold (sums or averages), or null
 * @param printed whether documents (PDF) show it; a table in long form for pivot tables and scripts is
 *     written to spreadsheets and CSV only
 * @param <T> the row type
 */
public record ReportTable<T>(
        String key, String title, List<Column<T>> columns, List<T> rows, T total, boolean printed) {
    public ReportTable {
        Objects.requireNonNull(key);
        Objects.requireNonNull(title);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the table " + key + " has no columns");
        }
    }

    public ReportTable(String key, String title, List<Column<T>> columns, List<T> rows) {
        this(key, title, columns, rows, null, true);
    }

    public ReportTable(String key, String title, List<Column<T>> columns, List<T> rows, T total) {
        this(key, title, columns, rows, total, true);
    }

    /** The same table for spreadsheets and CSV only: documents leave it out. */
    public ReportTable<T> dataOnly() {
        return new ReportTable<>(key, title, columns, rows, total, false);
    }

    /** The column with this key. */
    public Column<T> column(String columnKey) {
        return columns.stream()
                .filter(c -> c.key().equals(columnKey))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the table " + key + " has no column " + columnKey));
    }

    /** The cells of row {@code row}, column by column (marked values kept). */
    public List<Object> cells(T row) {
        return columns.stream().map(c -> c.cell(row)).toList();
    }

    /** The rows, then the total row when there is one. */
    public int height() {
        return rows.size() + (total == null ? 0 : 1);
    }
}
