package quant.importers.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import quant.core.importing.Problem;

/**
 * One row of a file after its checks: its key, its typed values (references still as the other
 * rows' keys), and its problems; the writer fills in what the database says about it.
 */
public final class CheckedRow {
    /** The row number as the user sees it (header = row 1). */
    public final long row;
    /** The cells as read, for the rejects file. */
    public final String[] cells;
    /** The source key, the key columns' values joined with {@code |}. */
    public final String key;
    /** Typed values of the mapped columns; a reference's id once resolved. */
    public final Object[] values;
    /** For reference columns, the key of the row referred to. */
    public final String[] refs;
    /** What is wrong with the row; empty when it may be written. */
    public final List<Problem> problems = new ArrayList<>();
    /** The id of the stored row with the same key, or 0. */
    public long existingId;
    /** The stored values when they differ from the new ones (an update), else {@code null}. */
    public Map<String, String> previous;
    /** A later line of a record already read with the same values (line-item exports): nothing to write. */
    public boolean repeat;

    CheckedRow(long row, String[] cells, String key, int width) {
        this.row = row;
        this.cells = cells;
        this.key = key;
        this.values = new Object[width];
        this.refs = new String[width];
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
