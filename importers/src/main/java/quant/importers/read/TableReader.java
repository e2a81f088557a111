package quant.importers.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import quant.core.importing.ImportException;

/**
 * A file read as a table, row by row in bounded memory: the header's column names, then the data
 * rows with the row numbers the user sees (the header is row 1 when it is the first row).
 */
public interface TableReader extends Closeable {
    /** A data row: its number as the user sees it, and its cells as text (empty for empty cells). */
    record Row(long number, String[] cells) {}

    List<String> header();

    /** Whether every row has exactly the header's number of fields (CSV); spreadsheets drop trailing empty cells. */
    default boolean fixedWidth() {
        return true;
    }

    /**
     * The next data row, or {@code null} at the end.
     *
     * @throws ImportException if the file cannot be read on (the exception says where)
     */
    Row next() throws IOException;
}
