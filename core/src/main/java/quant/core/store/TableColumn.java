package quant.core.store;

import java.util.List;

/**
 * One column of a table as the database describes it: the one model of a column that the importers,
 * the import wizard and the Data view share.
 *
 * @param name the SQL name, lower case, e.g. {@code customer_id}
 * @param type the kind of value
 * @param precision digits of a decimal, or the longest text (0 when unbounded)
 * @param scale decimals of a decimal
 * @param required whether every row must have a value
 * @param references the table a foreign-key column points to, or {@code null}
 * @param codes the values a {@code CHECK (column IN (...))} rule allows; empty when any value may go
 */
public record TableColumn(
        String name,
        ColumnType type,
        int precision,
        int scale,
        boolean required,
        DomainTable references,
        List<String> codes) {
    public TableColumn {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** Whether the column is the store's own ({@code id}, {@code source}) rather than the data's. */
    public boolean isBookkeeping() {
        return name.equals("id") || name.equals("source");
    }
}
