package quant.samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import quant.core.store.DomainTable;

/**
 * The rows of one table of the sample company as text, in the column layout of its CSV file:
 * the table's own columns by their SQL names, {@code external_ref} as the row's key, and
 * {@code <table>_ref} columns holding the external reference of the row a foreign key points to.
 */
public final class SampleTable {
    private final DomainTable table;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    public SampleTable(DomainTable table, String... header) {
        this.table = table;
        this.header = List.of(header);
    }

    public DomainTable table() {
        return table;
    }

    public List<String> header() {
        return header;
    }

    /** Adds a row; values are formatted with {@link Values}, {@code null} stays empty. */
    public void add(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException(
                    table.sqlName() + ": " + values.length + " values for " + header.size() + " columns");
        }
        String[] row = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = Values.format(values[i]);
        }
        rows.add(row);
    }

    /** Removes the rows {@code drop} accepts (for the signals added after the simulation). */
    void removeIf(java.util.function.Predicate<String[]> drop) {
        rows.removeIf(drop);
    }

    public List<String[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    public int size() {
        return rows.size();
    }

    /** The CSV file name of this table, e.g. {@code job.csv}. */
    public String fileName() {
        return table.sqlName() + ".csv";
    }
}
