package quant.core.analysis;

import java.util.Arrays;

/**
 * What every part's holder shares: the rows' ids in ascending order (the order every part is read
 * in), their number, and the row of an id.
 */
public abstract class TableRows {
    /** A missing id (a null reference column read with {@link Part.Spec#id}). */
    public static final long NO_ID = Long.MIN_VALUE;

    private final long[] ids;

    protected TableRows(Rows rows) {
        this.ids = rows.ids();
    }

    /** The number of rows. */
    public int size() {
        return ids.length;
    }

    /** The row's id in the database. */
    public final long id(int row) {
        return ids[row];
    }

    /** The row index of {@code id}, or -1 when there is no such row (or the id is {@link #NO_ID}). */
    public final int row(long id) {
        if (id == NO_ID) {
            return -1;
        }
        return Math.max(-1, Arrays.binarySearch(ids, id));
    }
}
